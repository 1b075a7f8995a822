import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.mjs';

/** A response stand-in: emits 'finish' when ended, as http.ServerResponse does. */
function fakeRes() {
  const res = new EventEmitter();
  res.destroyed = false;
  res.writableEnded = false;
  res.end = () => {
    res.writableEnded = true;
    res.emit('finish');
    res.emit('close');
  };
  return res;
}

describe('admission line for sign-in (serve.mjs)', () => {
  it('runs at most maxInFlight at once, the rest in arrival order as places free', () => {
    const refused = [];
    const a = createAdmission({ maxInFlight: 2, maxWaiting: 10, refuse: (res) => refused.push(res) });
    const started = [];
    const resps = Array.from({ length: 5 }, fakeRes);
    resps.forEach((res, i) => a.admit({}, res, () => started.push(i)));
    expect(started).toEqual([0, 1]);
    expect(a.stats()).toEqual({ inFlight: 2, waiting: 3 });
    resps[0].end();
    expect(started).toEqual([0, 1, 2]);
    resps[1].end();
    resps[2].end();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(refused).toEqual([]);
  });

  it('refuses at once when the line is full, and skips a client that left while waiting', () => {
    const refused = [];
    const a = createAdmission({ maxInFlight: 1, maxWaiting: 1, refuse: (res) => refused.push(res) });
    const started = [];
    const [r0, r1, r2] = [fakeRes(), fakeRes(), fakeRes()];
    a.admit({}, r0, () => started.push(0));
    a.admit({}, r1, () => started.push(1));
    a.admit({}, r2, () => started.push(2));
    expect(refused).toEqual([r2]);
    r1.destroyed = true; // gave up
    r0.end();
    expect(started).toEqual([0]);
    expect(a.stats()).toEqual({ inFlight: 0, waiting: 0 });
  });
});
