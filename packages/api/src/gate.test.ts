import { describe, expect, it } from 'vitest';
import { createGate, expensiveLimit } from './gate';

/** A piece of work that runs until released. */
function pending() {
  let release!: () => void;
  const done = new Promise<string>((r) => (release = () => r('done')));
  return { work: () => done, release };
}

describe('the gate for expensive anonymous work', () => {
  it('runs up to the limit at once and refuses the next anonymous request straight away', async () => {
    const gate = createGate(() => 2);
    const a = pending();
    const b = pending();
    const first = gate.run(a.work);
    const second = gate.run(b.work);
    expect(gate.active).toBe(2);
    expect(await gate.run(async () => 'third')).toEqual({ ok: false });
    a.release();
    expect(await first).toEqual({ ok: true, value: 'done' });
    // A slot is free again.
    expect(await gate.run(async () => 'fourth')).toEqual({ ok: true, value: 'fourth' });
    b.release();
    await second;
    expect(gate.active).toBe(0);
  });

  it('lets a signed-in caller through when full, without taking a slot', async () => {
    const gate = createGate(() => 1);
    const a = pending();
    const first = gate.run(a.work);
    expect(await gate.run(async () => 'clerk', async () => true)).toEqual({ ok: true, value: 'clerk' });
    expect(await gate.run(async () => 'visitor', async () => false)).toEqual({ ok: false });
    a.release();
    await first;
  });

  it('frees the slot when the work fails', async () => {
    const gate = createGate(() => 1);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.active).toBe(0);
  });

  it('reads its limit from PUBLIC_EXPENSIVE_CONCURRENCY, 4 by default', () => {
    expect(expensiveLimit({})).toBe(4);
    expect(expensiveLimit({ PUBLIC_EXPENSIVE_CONCURRENCY: '2' })).toBe(2);
    expect(expensiveLimit({ PUBLIC_EXPENSIVE_CONCURRENCY: 'x' })).toBe(4);
  });
});
