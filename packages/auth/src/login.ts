import { createHmac } from 'node:crypto';
import { and, asc, eq, isBusyError, isNull, loginThrottle, lt, or, sql, users, verifyPassword, type Db } from '@ccgov/db';
import { z } from 'zod';
import { recordAudit } from './audit';
import { LOCK_MS, USER_MAX_FAILURES, ipMaxFailures } from './config';
import { SIGNIN_FAILED_MESSAGE } from './messages';
import { createSession } from './sessions';


const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export type SignInMeta = { ip: string | null; userAgent: string | null };
export type SignedIn = { id: string; name: string; uid: number; sv: number; sid: string };
export type SignInResult =
  | { ok: true; user: SignedIn }
  | { ok: false; reason: 'invalid' | 'locked' | 'throttled' | 'busy'; until?: Date; message: string };

/** 2026-12-01 23:49 in China time. */
export function formatUntil(d: Date): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function lockedMessage(until: Date): string {
  return `连续${USER_MAX_FAILURES}次登录失败，该账号已锁定${LOCK_MS / 60_000}分钟，请于 ${formatUntil(until)} 后再试，或联系管理员解锁。`;
}
export function throttledMessage(until: Date): string {
  return `本机登录失败次数过多，已暂停登录，请于 ${formatUntil(until)} 后再试。`;
}

/**
 * Throttle keys are HMACs, so a password typed into the username field is never stored in clear
 * (the audit log records the username only when it names an existing account).
 */
function throttleKey(kind: 'user' | 'ip', value: string): string {
  const secret = process.env.NEXTAUTH_SECRET || 'ccgov-login-throttle';
  return `${kind}:${createHmac('sha256', secret).update(`${kind}\n${value}`).digest('base64url')}`;
}
export const usernameKey = (username: string) => throttleKey('user', username.trim().toLowerCase());
const ipKey = (ip: string) => throttleKey('ip', ip);

type Row = typeof loginThrottle.$inferSelect;

function loadRow(db: Db, key: string): Row | undefined {
  return db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

/** A bcrypt hash of the same cost as real accounts, so an unknown username takes as long. */
function timingHash(db: Db): string | null {
  return db.select({ h: users.passwordHash }).from(users).orderBy(asc(users.id)).limit(1).get()?.h ?? null;
}

/**
 * Check a username and password, with the lockout rules:
 * - 5 failures for one username (whether or not it exists) lock it for 15 minutes; while locked,
 *   no password is checked at all;
 * - failures from one source address are counted too, and past LOGIN_IP_MAX_FAILURES in 15
 *   minutes that address is refused for 15 minutes;
 * - unknown, disabled and existing usernames run the same bcrypt compare and get the same message.
 * The attempt is counted before bcrypt runs, so a burst of parallel guesses gets at most the
 * allowed number of compares. Every failure, lock and (at most once a minute per key) refusal is
 * written to the audit log; the username only when it names an existing account.
 */
export async function signInWithPassword(db: Db, raw: unknown, meta: SignInMeta, now = new Date()): Promise<SignInResult> {
  const t = now.getTime();
  const parsed = credentialsSchema.safeParse(raw);
  const username = parsed.success ? parsed.data.username : '';
  const uKey = usernameKey(username);
  const iKey = meta.ip ? ipKey(meta.ip) : null;
  const user = parsed.success ? db.select().from(users).where(eq(users.username, username)).get() : undefined;
  const who = { userId: user?.id ?? null, username: user?.username ?? null, role: user?.role ?? null, ip: meta.ip };

  const refuse = (key: string, reason: 'locked' | 'throttled', until: Date): SignInResult => {
    const row = loadRow(db, key);
    if (!row?.refusalAuditedAt || t - row.refusalAuditedAt.getTime() >= 60_000) {
      db.update(loginThrottle).set({ refusalAuditedAt: now }).where(eq(loginThrottle.key, key)).run();
      recordAudit(db, {
        ...who,
        action: 'auth.signin',
        outcome: 'failure',
        detail: reason === 'locked' ? `账号锁定中，拒绝登录（至 ${formatUntil(until)}）` : `来源地址登录失败过多，拒绝登录（至 ${formatUntil(until)}）`,
      });
    }
    return { ok: false, reason, until, message: reason === 'locked' ? lockedMessage(until) : throttledMessage(until) };
  };

  // 1. Reserve the attempt (one transaction): refused without any bcrypt when locked.
  const gate = db.transaction(
    (tx) => {
      if (iKey) {
        const ipRow = tx.select().from(loginThrottle).where(eq(loginThrottle.key, iKey)).get();
        if (ipRow?.lockedUntil && ipRow.lockedUntil.getTime() > t) return { refused: 'throttled' as const, until: ipRow.lockedUntil, key: iKey };
        const fresh = !ipRow || t - ipRow.windowStartedAt.getTime() >= LOCK_MS;
        const failures = (fresh ? 0 : ipRow.failures) + 1;
        tx.insert(loginThrottle)
          .values({ key: iKey, kind: 'ip', failures, windowStartedAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: loginThrottle.key,
            set: fresh ? { failures, windowStartedAt: now, lockedUntil: null, updatedAt: now } : { failures, updatedAt: now },
          })
          .run();
        if (failures > ipMaxFailures()) {
          const until = new Date(t + LOCK_MS);
          tx.update(loginThrottle).set({ lockedUntil: until, failures: 0, windowStartedAt: now }).where(eq(loginThrottle.key, iKey)).run();
          recordAudit(tx as unknown as Db, { ...who, action: 'auth.lock', target: 'ip', outcome: 'failure', detail: `来源地址 15 分钟内登录失败超过 ${ipMaxFailures()} 次，暂停登录至 ${formatUntil(until)}` });
          return { refused: 'throttled' as const, until, key: iKey, fresh: true };
        }
      }
      const uRow = tx.select().from(loginThrottle).where(eq(loginThrottle.key, uKey)).get();
      if (uRow?.lockedUntil && uRow.lockedUntil.getTime() > t) return { refused: 'locked' as const, until: uRow.lockedUntil, key: uKey };
      const fresh = !uRow || (uRow.lockedUntil !== null && uRow.lockedUntil.getTime() <= t) || t - uRow.windowStartedAt.getTime() >= LOCK_MS;
      const failures = (fresh ? 0 : uRow.failures) + 1;
      if (failures > USER_MAX_FAILURES) {
        // More parallel attempts than allowed are in flight: lock now, check no password.
        const until = new Date(t + LOCK_MS);
        tx.update(loginThrottle).set({ lockedUntil: until, failures: 0, windowStartedAt: now, updatedAt: now }).where(eq(loginThrottle.key, uKey)).run();
        return { refused: 'locked' as const, until, key: uKey };
      }
      tx.insert(loginThrottle)
        .values({ key: uKey, kind: 'user', userId: user?.id ?? null, failures, windowStartedAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: fresh ? { failures, windowStartedAt: now, lockedUntil: null, userId: user?.id ?? null, updatedAt: now } : { failures, updatedAt: now },
        })
        .run();
      return { refused: null };
    },
    { behavior: 'immediate' },
  );
  if (gate.refused) return refuse(gate.key, gate.refused, gate.until);

  // 2. Always one bcrypt compare: the account's hash, or a real hash of the same cost.
  const hash = user?.passwordHash ?? timingHash(db);
  const password = parsed.success ? parsed.data.password : '';
  let match: boolean;
  try {
    match = hash ? await verifyPassword(password, hash) : false;
  } catch (e) {
    if (!isBusyError(e)) throw e;
    // The password was never checked (the bcrypt queue is full): the attempt does not count.
    db.transaction((tx) => {
      for (const key of iKey ? [uKey, iKey] : [uKey]) {
        tx.update(loginThrottle).set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` }).where(and(eq(loginThrottle.key, key), isNull(loginThrottle.lockedUntil))).run();
      }
    });
    return { ok: false, reason: 'busy', message: e.message };
  }
  const ok = !!user && user.active && match;

  if (ok) {
    const sid = db.transaction((tx) => {
      tx.delete(loginThrottle).where(eq(loginThrottle.key, uKey)).run();
      // Successful sign-ins do not count against the address.
      if (iKey) {
        const ipRow = tx.select().from(loginThrottle).where(eq(loginThrottle.key, iKey)).get();
        if (ipRow && !ipRow.lockedUntil && ipRow.failures > 0) tx.update(loginThrottle).set({ failures: ipRow.failures - 1 }).where(eq(loginThrottle.key, iKey)).run();
      }
      recordAudit(tx as unknown as Db, { ...who, action: 'auth.signin', outcome: 'success' });
      return createSession(tx, user.id, meta, now);
    });
    return { ok: true, user: { id: String(user.id), name: user.displayName, uid: user.id, sv: user.sessionVersion, sid } };
  }

  // 3. A failure: audit it, and lock the username on the fifth.
  const detail = !parsed.success ? '用户名或密码格式不正确' : !user ? '用户名不存在' : !user.active ? '账号已停用' : '密码错误';
  const lockedUntil = db.transaction((tx) => {
    recordAudit(tx as unknown as Db, { ...who, action: 'auth.signin', outcome: 'failure', detail });
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, uKey)).get();
    // Old rows of either kind that no longer lock anything are dropped (an indexed range delete).
    tx.delete(loginThrottle)
      .where(and(lt(loginThrottle.updatedAt, new Date(t - 24 * 3_600_000)), or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))))
      .run();
    if (!row || row.failures < USER_MAX_FAILURES) return null;
    const until = new Date(t + LOCK_MS);
    tx.update(loginThrottle).set({ lockedUntil: until, failures: 0, windowStartedAt: now, refusalAuditedAt: now, updatedAt: now }).where(eq(loginThrottle.key, uKey)).run();
    recordAudit(tx as unknown as Db, {
      ...who,
      action: 'auth.lock',
      target: user ? `user:${user.id}` : null,
      outcome: 'failure',
      detail: `连续${USER_MAX_FAILURES}次登录失败，锁定至 ${formatUntil(until)}${user ? '' : '（用户名不存在）'}`,
    });
    return until;
  });
  if (lockedUntil) return { ok: false, reason: 'locked', until: lockedUntil, message: lockedMessage(lockedUntil) };
  return { ok: false, reason: 'invalid', message: SIGNIN_FAILED_MESSAGE };
}

/** Locks currently in force on accounts, by user id (for the admin's account list). */
export function accountLocks(db: Db, now = new Date()): Map<number, Date> {
  const rows = db
    .select({ userId: loginThrottle.userId, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.kind, 'user')))
    .all();
  const out = new Map<number, Date>();
  for (const r of rows) if (r.userId != null && r.lockedUntil && r.lockedUntil > now) out.set(r.userId, r.lockedUntil);
  return out;
}

/** 解锁: clear the failure count and lock of an account's username. Returns whether it was locked. */
export function unlockAccount(db: Db, username: string, now = new Date()): boolean {
  const row = loadRow(db, usernameKey(username));
  if (!row) return false;
  db.delete(loginThrottle).where(eq(loginThrottle.key, row.key)).run();
  return !!row.lockedUntil && row.lockedUntil > now;
}
