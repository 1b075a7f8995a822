import { accountLocks, accountsChanged, activeSessions, endSession, endUserSessions, unlockAccount } from '@ccgov/auth';
import { eq, sessions, users, type Db } from '@ccgov/db';
import { ROLE_LABELS } from '@ccgov/report';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';

/** A session as listed: where and when, never the token. */
function shape(rows: ReturnType<typeof activeSessions>, currentId: number | null) {
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    username: r.username,
    displayName: r.displayName,
    roleLabel: ROLE_LABELS[r.role],
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    ip: r.ip,
    userAgent: r.userAgent,
    current: r.id === currentId,
  }));
}

/** 登录设备: the signed-in person's own open sessions. */
export function mySessions(db: Db, actor: Actor) {
  return shape(activeSessions(db, { userId: actor.user.id }), actor.user.sessionId);
}

/** 退出所有设备: end every open session of the signed-in person, this one included. */
export function signOutEverywhere(db: Db, actor: Actor) {
  return db.transaction((tx) => {
    const ended = endUserSessions(tx, actor.user.id, 'signout_all');
    audit(tx, actor, { action: 'auth.signout_all', target: `user:${actor.user.id}`, detail: `结束会话 ${ended} 个` });
    return { ended };
  });
}

/** 在线会话 (admin): every open session. */
export function allSessions(db: Db, actor: Actor) {
  return shape(activeSessions(db), actor.user.sessionId);
}

/** 强制下线 (admin): end one session at once; its next request finds it signed out. */
export function forceEndSession(db: Db, actor: Actor, id: number) {
  return db.transaction((tx) => {
    const row = tx
      .select({ id: sessions.id, endedAt: sessions.endedAt, username: users.username, userId: users.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id))
      .get();
    if (!row) throw new AppError('NOT_FOUND', '会话不存在');
    if (row.id === actor.user.sessionId) throw new AppError('BAD_REQUEST', '不能强制下线自己当前的会话，请使用“退出”');
    const ended = endSession(tx, { id }, 'forced');
    if (ended) audit(tx, actor, { action: 'auth.force_signout', target: `user:${row.userId}`, detail: `${row.username}（会话 ${id}）` });
    return { ended };
  });
}

/** 解锁 (admin): clear an account's failed sign-ins and lock. */
export function unlockUser(db: Db, actor: Actor, id: number) {
  const u = db.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, id)).get();
  if (!u) throw new AppError('NOT_FOUND', '账号不存在');
  const wasLocked = unlockAccount(db, u.username);
  audit(db, actor, { action: 'user.unlock', target: `user:${u.id}`, detail: wasLocked ? u.username : `${u.username}（未锁定）` });
  accountsChanged();
  return { unlocked: wasLocked };
}

export { accountLocks };
