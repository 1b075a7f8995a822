import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '@ccgov/db/testing';
import { eq, sessions, users } from '@ccgov/db';
import { loadSessionUser } from './session';
import { activeSessions, createSession, endSession, endUserSessions } from './sessions';

const t = createTestDb();
afterAll(() => t.cleanup());
afterEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
  delete process.env.SESSION_IDLE_SECONDS;
  delete process.env.SESSION_MAX_HOURS;
});

const T0 = new Date('2026-11-27T09:00:00+08:00');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const user = (username: string) => t.db.select().from(users).where(eq(users.username, username)).get()!;
const row = (sid: string) => t.db.select().from(sessions).where(eq(sessions.tokenId, sid)).get()!;

function signIn(username: string, when = T0) {
  const u = user(username);
  const sid = createSession(t.db, u.id, { ip: '10.0.0.7', userAgent: 'Firefox' }, when);
  return { uid: u.id, sv: u.sessionVersion, sid };
}

describe('server-side sessions', () => {
  it('a token without a server-side session (or with an unknown one) resolves to nobody', () => {
    const u = user('fgj');
    expect(loadSessionUser(t.db, { uid: u.id, sv: u.sessionVersion } as never)).toBeNull();
    expect(loadSessionUser(t.db, { uid: u.id, sv: u.sessionVersion, sid: 'made-up' })).toBeNull();
  });

  it('signing out ends the session: the same token resolves to nobody afterwards', () => {
    const claims = signIn('fgj');
    expect(loadSessionUser(t.db, claims, at(1))?.username).toBe('fgj');
    expect(endSession(t.db, { tokenId: claims.sid }, 'signout', at(2))).toBe(true);
    expect(loadSessionUser(t.db, claims, at(3))).toBeNull();
    expect(row(claims.sid)).toMatchObject({ endReason: 'signout' });
  });

  it('a session whose token names another user is refused', () => {
    const claims = signIn('fgj');
    expect(loadSessionUser(t.db, { ...claims, uid: user('gaj').id, sv: user('gaj').sessionVersion }, at(1))).toBeNull();
  });

  it('30 minutes without a request end the session (idle), and it stays ended', () => {
    const claims = signIn('jtj');
    expect(loadSessionUser(t.db, claims, at(29))).not.toBeNull();
    // 29 minutes later again: the request at 29 counted as activity.
    expect(loadSessionUser(t.db, claims, at(58))).not.toBeNull();
    expect(loadSessionUser(t.db, claims, at(89))).toBeNull();
    expect(row(claims.sid)).toMatchObject({ endReason: 'idle' });
    expect(loadSessionUser(t.db, claims, at(90))).toBeNull();
  });

  it('SESSION_IDLE_MINUTES sets the idle timeout', () => {
    process.env.SESSION_IDLE_MINUTES = '5';
    const claims = signIn('kjj');
    expect(loadSessionUser(t.db, claims, at(4))).not.toBeNull();
    expect(loadSessionUser(t.db, claims, at(10))).toBeNull();
  });

  it('requests record activity at most once a minute (cheap), yet keep the session alive', () => {
    const claims = signIn('gxj');
    loadSessionUser(t.db, claims, new Date(T0.getTime() + 30_000));
    expect(row(claims.sid).lastSeenAt).toEqual(T0);
    loadSessionUser(t.db, claims, new Date(T0.getTime() + 61_000));
    expect(row(claims.sid).lastSeenAt).toEqual(new Date(T0.getTime() + 61_000));
  });

  it('a session ends after 12 hours however active it is (absolute lifetime)', () => {
    const claims = signIn('mzj');
    for (let m = 20; m < 12 * 60; m += 20) expect(loadSessionUser(t.db, claims, at(m)), `minute ${m}`).not.toBeNull();
    expect(loadSessionUser(t.db, claims, at(12 * 60))).toBeNull();
    expect(row(claims.sid)).toMatchObject({ endReason: 'expired' });
  });

  it('退出所有设备 ends every session of the account and no other account’s', () => {
    const a = signIn('sfj');
    const b = signIn('sfj');
    const other = signIn('czj');
    expect(endUserSessions(t.db, user('sfj').id, 'signout_all', at(1))).toBe(2);
    expect(loadSessionUser(t.db, a, at(2))).toBeNull();
    expect(loadSessionUser(t.db, b, at(2))).toBeNull();
    expect(loadSessionUser(t.db, other, at(2))?.username).toBe('czj');
  });

  it('the active list shows open sessions with address and browser, not ended or idle ones', () => {
    const open = signIn('rsj', at(0));
    const ended = signIn('rsj', at(0));
    signIn('rsj', at(-60));
    endSession(t.db, { tokenId: ended.sid }, 'forced', at(1));
    const list = activeSessions(t.db, { userId: user('rsj').id, now: at(2) });
    expect(list.map((s) => s.id)).toEqual([row(open.sid).id]);
    expect(list[0]).toMatchObject({ username: 'rsj', ip: '10.0.0.7', userAgent: 'Firefox' });
  });
});
