import { afterEach, describe, expect, it } from 'vitest';
import { bcryptCost, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  const saved = process.env.BCRYPT_COST;
  afterEach(() => {
    if (saved === undefined) delete process.env.BCRYPT_COST;
    else process.env.BCRYPT_COST = saved;
  });

  it('verifies the right password and rejects a wrong one', async () => {
    process.env.BCRYPT_COST = '4';
    const hash = await hashPassword('Demo@12345');
    expect(hash).not.toContain('Demo@12345');
    expect(await verifyPassword('Demo@12345', hash)).toBe(true);
    expect(await verifyPassword('demo@12345', hash)).toBe(false);
  });

  it('uses cost 10 unless BCRYPT_COST lowers it, never below 4', () => {
    delete process.env.BCRYPT_COST;
    expect(bcryptCost()).toBe(10);
    process.env.BCRYPT_COST = '6';
    expect(bcryptCost()).toBe(6);
    process.env.BCRYPT_COST = '1';
    expect(bcryptCost()).toBe(4);
  });
});

describe('bcrypt off the main thread', () => {
  it('hashes and compares in a worker thread, with the same results as bcryptjs here', async () => {
    const bcrypt = (await import('bcryptjs')).default;
    const { threadId } = await import('node:worker_threads');
    const { passwordPool } = await import('./password');
    const before = passwordPool.stats.inWorker;
    const hash = await hashPassword('Demo@12345');
    expect(bcrypt.compareSync('Demo@12345', hash)).toBe(true);
    expect(bcrypt.getRounds(hash)).toBe(4);
    const local = bcrypt.hashSync('Chang@2026x', 4);
    const answers = await Promise.all(['Chang@2026x', 'chang@2026x', '', 'Chang@2026x '].map((p) => verifyPassword(p, local)));
    expect(answers).toEqual(['Chang@2026x', 'chang@2026x', '', 'Chang@2026x '].map((p) => bcrypt.compareSync(p, local)));
    // Every one of them ran in the pool's thread, none here.
    expect(passwordPool.fallbackMode).toBe(false);
    expect(passwordPool.stats.inWorker - before).toBe(5);
    expect(passwordPool.stats.threadIds.size).toBeGreaterThan(0);
    expect([...passwordPool.stats.threadIds]).not.toContain(threadId);
  });

  it('a flood of compares past the queue is refused with 服务器繁忙，请稍后再试, the rest answered', async () => {
    const { passwordPool } = await import('./password');
    const { isBusyError } = await import('@ccgov/report/offload');
    const hash = await hashPassword('Demo@12345');
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => verifyPassword(i === 0 ? 'Demo@12345' : `wrong-${i}`, hash)));
    const refused = results.filter((r) => r.status === 'rejected');
    const answered = results.filter((r) => r.status === 'fulfilled');
    // One running plus a full queue are answered; the others are refused at once.
    expect(answered.length).toBe(passwordPool.size + passwordPool.maxQueue);
    expect(refused.length).toBe(200 - answered.length);
    for (const r of refused) {
      expect(isBusyError(r.reason)).toBe(true);
      expect((r.reason as Error).message).toBe('服务器繁忙，请稍后再试');
    }
    expect((answered[0] as PromiseFulfilledResult<boolean>).value).toBe(true);
  });
});
