import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sessions, sql, users, type Db } from '@ccgov/db';
import { sessionIdleMs, sessionMaxMs, sessionTouchMs } from './config';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type EndReason = NonNullable<typeof sessions.$inferSelect.endReason>;

export const END_REASON_LABELS: Record<EndReason, string> = {
  signout: '退出',
  signout_all: '退出所有设备',
  forced: '管理员强制下线',
  idle: '长时间未操作',
  expired: '超过最长登录时间',
  password: '密码已修改或重置',
  disabled: '账号已停用',
};

/** Open a server-side session for a successful sign-in; its random id goes into the token. */
export function createSession(db: Db | Tx, userId: number, meta: { ip: string | null; userAgent: string | null }, now = new Date()): string {
  const tokenId = randomBytes(24).toString('base64url');
  db.insert(sessions).values({ tokenId, userId, createdAt: now, lastSeenAt: now, ip: meta.ip, userAgent: meta.userAgent }).run();
  return tokenId;
}

export type SessionCheck = { ok: true; id: number; userId: number } | { ok: false; reason: 'missing' | 'ended' | EndReason };

/**
 * Is this session still alive? Ends it (idle / expired) when a limit has passed, and records the
 * request as activity, writing last_seen at most once per touch interval so a busy page costs
 * one indexed read per request and one small write per minute.
 */
export function checkSession(db: Db, tokenId: string, now = new Date()): SessionCheck {
  const row = db
    .select({ id: sessions.id, userId: sessions.userId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.tokenId, tokenId))
    .get();
  if (!row) return { ok: false, reason: 'missing' };
  if (row.endedAt) return { ok: false, reason: 'ended' };
  const t = now.getTime();
  const expired = t - row.createdAt.getTime() >= sessionMaxMs();
  const idle = t - row.lastSeenAt.getTime() >= sessionIdleMs();
  if (expired || idle) {
    const reason: EndReason = expired ? 'expired' : 'idle';
    db.update(sessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(sessions.id, row.id), isNull(sessions.endedAt)))
      .run();
    return { ok: false, reason };
  }
  if (t - row.lastSeenAt.getTime() >= sessionTouchMs()) {
    db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.id)).run();
  }
  return { ok: true, id: row.id, userId: row.userId };
}

/** End one session (退出, 强制下线). Returns whether it was still open. */
export function endSession(db: Db | Tx, where: { tokenId: string } | { id: number }, reason: EndReason, now = new Date()): boolean {
  const cond = 'tokenId' in where ? eq(sessions.tokenId, where.tokenId) : eq(sessions.id, where.id);
  return db.update(sessions).set({ endedAt: now, endReason: reason }).where(and(cond, isNull(sessions.endedAt))).run().changes > 0;
}

/** End every open session of an account (退出所有设备, password change or reset, disabling). */
export function endUserSessions(db: Db | Tx, userId: number, reason: EndReason, now = new Date()): number {
  return db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .run().changes;
}

/** End the open sessions of every account of a department (department deactivated). */
export function endDepartmentSessions(db: Db | Tx, departmentId: number, reason: EndReason, now = new Date()): number {
  return db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(isNull(sessions.endedAt), sql`${sessions.userId} IN (SELECT ${users.id} FROM ${users} WHERE ${users.departmentId} = ${departmentId})`))
    .run().changes;
}

/** Sessions still alive now (not ended, not idle, not past the lifetime), newest first. */
export function activeSessions(db: Db, opts: { userId?: number; now?: Date } = {}) {
  const now = (opts.now ?? new Date()).getTime();
  const conds = [
    isNull(sessions.endedAt),
    gt(sessions.lastSeenAt, new Date(now - sessionIdleMs())),
    gt(sessions.createdAt, new Date(now - sessionMaxMs())),
    eq(users.active, true),
  ];
  if (opts.userId !== undefined) conds.push(eq(sessions.userId, opts.userId));
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(...conds))
    .orderBy(sql`${sessions.lastSeenAt} DESC`)
    .limit(500)
    .all();
}
