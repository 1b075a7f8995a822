import { afterAll, describe, expect, it } from 'vitest';
import { createSession, demoAccountsExist, loadSessionUser, signInWithPassword } from '@ccgov/auth';
import { auditLog, desc, eq, sessions, users } from '@ccgov/db';
import { createCaller } from './root';
import { harness, userId } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());

const DEMO = 'Demo@12345';
const user = (username: string) => h.db.select().from(users).where(eq(users.username, username)).get()!;
/** Signed in as a browser would be: a server-side session and the claims of its token. */
function signedIn(username: string) {
  const u = user(username);
  const claims = { uid: u.id, sv: u.sessionVersion, sid: createSession(h.db, u.id, { ip: '10.9.9.9', userAgent: 'Chromium' }) };
  return { claims, api: () => createCaller({ db: h.db, user: loadSessionUser(h.db, claims), ip: '10.9.9.9' }) };
}
const lastAudit = () => h.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;

describe('修改密码 follows the password policy', () => {
  it.each([
    ['Short@1a', '密码至少10位'],
    ['chencang2027', '至少三类'],
    ['Xfj-Chencang-27', '不能包含用户名'],
    [DEMO, '不能与当前密码相同'],
  ])('%s is refused with a clear message and nothing changes', async (next, message) => {
    const { api } = signedIn('xfj');
    const before = user('xfj').passwordHash;
    await expect(api().account.changePassword({ current: DEMO, next })).rejects.toThrow(message);
    expect(user('xfj').passwordHash).toBe(before);
  });

  it('none of the last five passwords can be chosen again; an older one can', async () => {
    const chain = ['Chencang#2027a', 'Chencang#2027b', 'Chencang#2027c', 'Chencang#2027d', 'Chencang#2027e'];
    let current = DEMO;
    for (const next of chain) {
      await signedIn('shj').api().account.changePassword({ current, next });
      current = next;
    }
    // Current: …e; the four before it: …a–…d (and the demo password is sixth back).
    for (const old of ['Chencang#2027b', 'Chencang#2027d']) {
      await expect(signedIn('shj').api().account.changePassword({ current, next: old })).rejects.toThrow('不能与最近5次使用过的密码相同');
    }
    await expect(signedIn('shj').api().account.changePassword({ current, next: 'Chencang#2027a' })).rejects.toThrow('最近5次');
    await signedIn('shj').api().account.changePassword({ current, next: DEMO });
  });

  it('changing the password ends every session of the account', async () => {
    const a = signedIn('lyj');
    const b = signedIn('lyj');
    await a.api().account.changePassword({ current: DEMO, next: 'Linye@2027go' });
    expect(loadSessionUser(h.db, a.claims)).toBeNull();
    expect(loadSessionUser(h.db, b.claims)).toBeNull();
  });
});

describe('退出所有设备 and the admin’s session list', () => {
  it('a user sees their own sessions, the current one marked, and ends them all', async () => {
    const phone = signedIn('cgj');
    const desk = signedIn('cgj');
    const mine = await desk.api().security.mySessions();
    expect(mine).toHaveLength(2);
    expect(mine.find((s) => s.current)).toMatchObject({ ip: '10.9.9.9', userAgent: 'Chromium' });
    expect(await desk.api().security.signOutEverywhere()).toEqual({ ended: 2 });
    expect(loadSessionUser(h.db, phone.claims)).toBeNull();
    expect(loadSessionUser(h.db, desk.claims)).toBeNull();
    expect(lastAudit()).toMatchObject({ action: 'auth.signout_all', username: 'cgj', outcome: 'success' });
  });

  it('the admin lists open sessions and forces one off (强制下线); its next request finds it signed out', async () => {
    const clerk = signedIn('sthjj');
    const admin = signedIn('admin');
    const list = await admin.api().security.sessions();
    const row = list.find((s) => s.username === 'sthjj')!;
    expect(row).toMatchObject({ ip: '10.9.9.9', current: false });
    expect(JSON.stringify(list)).not.toContain(clerk.claims.sid);
    await admin.api().security.endSession({ id: row.id });
    expect(loadSessionUser(h.db, clerk.claims)).toBeNull();
    expect(h.db.select().from(sessions).where(eq(sessions.id, row.id)).get()).toMatchObject({ endReason: 'forced' });
    expect(lastAudit()).toMatchObject({ action: 'auth.force_signout', username: 'admin', target: `user:${userId(h.db, 'sthjj')}` });
    expect((await admin.api().security.sessions()).some((s) => s.id === row.id)).toBe(false);
  });

  it('the admin cannot force off their own current session', async () => {
    const admin = signedIn('admin');
    const own = (await admin.api().security.sessions()).find((s) => s.current)!;
    await expect(admin.api().security.endSession({ id: own.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('the admin sees a locked account and unlocks it (解锁), which is audited', async () => {
    for (let i = 0; i < 5; i++) await signInWithPassword(h.db, { username: 'spj', password: 'wrong' }, { ip: '10.7.7.7', userAgent: null });
    const admin = signedIn('admin');
    const locks = await admin.api().security.locks();
    expect(locks.map((l) => l.userId)).toContain(userId(h.db, 'spj'));
    expect(await admin.api().security.unlockAccount({ id: userId(h.db, 'spj') })).toEqual({ unlocked: true });
    expect(lastAudit()).toMatchObject({ action: 'user.unlock', username: 'admin', target: `user:${userId(h.db, 'spj')}` });
    expect((await signInWithPassword(h.db, { username: 'spj', password: DEMO }, { ip: '10.7.7.7', userAgent: null })).ok).toBe(true);
  });

  it('resetting a password ends the account’s sessions', async () => {
    const clerk = signedIn('ybj');
    await signedIn('admin').api().admin.resetPassword({ id: userId(h.db, 'ybj') });
    expect(loadSessionUser(h.db, clerk.claims)).toBeNull();
  });
});

describe('the demo flag', () => {
  it('is on while an active account still has the demo password and off once none has', async () => {
    expect(demoAccountsExist(h.db)).toBe(true);
    h.db.update(users).set({ passwordHash: 'changed' }).where(eq(users.username, 'admin')).run();
    // Changes made elsewhere are picked up within a minute; changes through the portal at once.
    const all = h.db.select().from(users).all().filter((u) => u.username !== 'admin');
    for (const u of all) h.db.update(users).set({ passwordHash: 'changed' }).where(eq(users.id, u.id)).run();
    expect(demoAccountsExist(h.db, Date.now() + 61_000)).toBe(false);
  });
});
