import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Count the bcrypt compares the sign-in runs (the real compare still runs).
const compares = vi.hoisted(() => ({ n: 0 }));
vi.mock('@ccgov/db', async (importOriginal) => {
  const real = await importOriginal<typeof import('@ccgov/db')>();
  return {
    ...real,
    verifyPassword: (password: string, hash: string) => {
      compares.n++;
      // The worker queue full (see the 'busy' test): refused before any compare.
      if (password === 'queue-is-full') return Promise.reject(new real.BusyError());
      return real.verifyPassword(password, hash);
    },
  };
});

import { createTestDb } from '@ccgov/db/testing';
import { auditLog, desc, eq, gt, loginThrottle, users } from '@ccgov/db';
import { accountLocks, signInWithPassword, unlockAccount } from './login';
import { SIGNIN_FAILED_MESSAGE } from './messages';

const t = createTestDb();
afterAll(() => t.cleanup());
beforeEach(() => {
  compares.n = 0;
});

const DEMO = 'Demo@12345';
const T0 = new Date('2026-11-27T09:00:00+08:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const meta = (ip = '10.0.0.1') => ({ ip, userAgent: 'test' });
const lastAuditId = () => t.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).get()?.id ?? 0;
const auditSince = (id: number) => t.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id).all();
const userId = (username: string) => t.db.select().from(users).where(eq(users.username, username)).get()!.id;

describe('signing in with a password', () => {
  it('the right password signs in and opens a server-side session', async () => {
    const r = await signInWithPassword(t.db, { username: 'fgj', password: DEMO }, meta(), T0);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.user.sid).toMatch(/^[\w-]{20,}$/);
  });

  it('five wrong passwords lock the username for 15 minutes; the message says so and until when', async () => {
    const before = lastAuditId();
    for (let i = 1; i <= 4; i++) {
      const r = await signInWithPassword(t.db, { username: 'gaj', password: `wrong${i}` }, meta(), at(i / 10));
      expect(r).toMatchObject({ ok: false, reason: 'invalid', message: SIGNIN_FAILED_MESSAGE });
    }
    const fifth = await signInWithPassword(t.db, { username: 'gaj', password: 'wrong5' }, meta(), at(0.5));
    expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
    if (!fifth.ok) expect(fifth.message).toBe('连续5次登录失败，该账号已锁定15分钟，请于 2026-11-27 09:15 后再试，或联系管理员解锁。');

    // Locked: even the right password is refused, and no bcrypt runs for it.
    compares.n = 0;
    const right = await signInWithPassword(t.db, { username: 'gaj', password: DEMO }, meta(), at(5));
    expect(right).toMatchObject({ ok: false, reason: 'locked' });
    expect(compares.n).toBe(0);

    // Every failure and the lock are audited, with the (existing) username.
    const lines = auditSince(before);
    expect(lines.filter((l) => l.action === 'auth.signin' && l.outcome === 'failure')).toHaveLength(6);
    expect(lines.find((l) => l.action === 'auth.lock')).toMatchObject({ username: 'gaj', target: `user:${userId('gaj')}`, ip: '10.0.0.1' });
    expect(accountLocks(t.db, at(5)).get(userId('gaj'))).toEqual(at(15.5));

    // After 15 minutes the right password works again.
    expect((await signInWithPassword(t.db, { username: 'gaj', password: DEMO }, meta(), at(16))).ok).toBe(true);
  });

  it('an unknown username takes one bcrypt compare like a real one, gets the same message, and is locked the same way', async () => {
    compares.n = 0;
    const unknown = await signInWithPassword(t.db, { username: 'nobody-here', password: 'x' }, meta('10.0.0.2'), T0);
    expect(compares.n).toBe(1);
    compares.n = 0;
    const known = await signInWithPassword(t.db, { username: 'mzj', password: 'x' }, meta('10.0.0.2'), T0);
    expect(compares.n).toBe(1);
    expect(unknown).toEqual(known);

    for (let i = 0; i < 4; i++) await signInWithPassword(t.db, { username: 'nobody-here', password: 'x' }, meta('10.0.0.2'), at(1));
    const r = await signInWithPassword(t.db, { username: 'nobody-here', password: 'x' }, meta('10.0.0.2'), at(2));
    expect(r).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('a failed sign-in stores the username only when it names an existing account (never a mistyped password)', async () => {
    const before = lastAuditId();
    await signInWithPassword(t.db, { username: 'Secret#Pass2026', password: 'x' }, meta('10.0.0.3'), T0);
    await signInWithPassword(t.db, { username: 'sfj', password: 'x' }, meta('10.0.0.3'), T0);
    const [unknown, known] = auditSince(before);
    expect(unknown).toMatchObject({ action: 'auth.signin', outcome: 'failure', username: null, userId: null, detail: '用户名不存在' });
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain('Secret#Pass2026');
    expect(known).toMatchObject({ username: 'sfj', userId: userId('sfj'), detail: '密码错误' });
  });

  it('a disabled account gets the same message and the same bcrypt compare', async () => {
    t.db.update(users).set({ active: false }).where(eq(users.username, 'czj')).run();
    compares.n = 0;
    const r = await signInWithPassword(t.db, { username: 'czj', password: DEMO }, meta('10.0.0.4'), T0);
    expect(r).toMatchObject({ ok: false, message: SIGNIN_FAILED_MESSAGE });
    expect(compares.n).toBe(1);
  });

  it('a burst of parallel guesses gets at most five bcrypt compares', async () => {
    compares.n = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(t.db, { username: 'rsj', password: `guess${i}` }, meta('10.0.0.5'), T0)),
    );
    expect(compares.n).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'locked').length).toBeGreaterThanOrEqual(15);
  });

  it('the admin can unlock a locked account', async () => {
    for (let i = 0; i < 5; i++) await signInWithPassword(t.db, { username: 'zrj', password: 'x' }, meta('10.0.0.6'), T0);
    expect((await signInWithPassword(t.db, { username: 'zrj', password: DEMO }, meta('10.0.0.6'), at(1))).ok).toBe(false);
    expect(unlockAccount(t.db, 'zrj', at(1))).toBe(true);
    expect((await signInWithPassword(t.db, { username: 'zrj', password: DEMO }, meta('10.0.0.6'), at(1))).ok).toBe(true);
  });

  it('failures from one address are throttled across usernames, successes never count, other addresses are unaffected', async () => {
    const ip = '192.0.2.77';
    // Successful sign-ins from the address do not count.
    for (let i = 0; i < 40; i++) expect((await signInWithPassword(t.db, { username: 'tjj', password: DEMO }, meta(ip), T0)).ok).toBe(true);
    for (let i = 0; i < 30; i++) {
      const r = await signInWithPassword(t.db, { username: `guess${i}`, password: 'x' }, meta(ip), T0);
      expect(r.ok || r.reason).toBe(i < 30 ? 'invalid' : 'throttled');
    }
    const before = lastAuditId();
    compares.n = 0;
    const refused = await signInWithPassword(t.db, { username: 'tjj', password: DEMO }, meta(ip), at(1));
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    if (!refused.ok) expect(refused.message).toContain('本机登录失败次数过多');
    expect(compares.n).toBe(0);
    expect(auditSince(before).map((l) => l.action)).toContain('auth.lock');
    expect((await signInWithPassword(t.db, { username: 'tjj', password: DEMO }, meta('192.0.2.78'), at(1))).ok).toBe(true);
    // Refusals while throttled are audited at most once a minute.
    const mid = lastAuditId();
    for (let i = 0; i < 10; i++) await signInWithPassword(t.db, { username: 'tjj', password: DEMO }, meta(ip), at(1.5));
    expect(auditSince(mid).filter((l) => l.ip === ip)).toHaveLength(0);
    expect((await signInWithPassword(t.db, { username: 'tjj', password: DEMO }, meta(ip), at(17))).ok).toBe(true);
  });
});

describe('the bcrypt compare runs in a worker thread', () => {
  it('a sign-in compares there, not on the server’s main thread', async () => {
    const { passwordPool } = await import('@ccgov/db');
    const { threadId } = await import('node:worker_threads');
    const before = passwordPool.stats.inWorker;
    const r = await signInWithPassword(t.db, { username: 'sfj', password: DEMO }, meta('10.0.9.1'), at(600));
    expect(r.ok).toBe(true);
    expect(passwordPool.stats.inWorker - before).toBe(1);
    expect([...passwordPool.stats.threadIds]).not.toContain(threadId);
  });

  it('when its queue is full the sign-in says 服务器繁忙，请稍后再试 and the attempt does not count', async () => {
    const username = 'sfj';
    const failures = () => t.db.select().from(loginThrottle).all().map((r) => r.failures);
    await signInWithPassword(t.db, { username, password: 'wrong-1' }, meta('10.0.9.2'), at(700));
    const counted = failures();
    const r = await signInWithPassword(t.db, { username, password: 'queue-is-full' }, meta('10.0.9.2'), at(700.1));
    expect(r).toEqual({ ok: false, reason: 'busy', message: '服务器繁忙，请稍后再试' });
    expect(failures()).toEqual(counted);
  });
});
