import { recordAudit, type SessionUser } from '@ccgov/auth';
import type { Db } from '@ccgov/db';

/**
 * Refused requests go into the audit log too (等保 安全审计): a tier refusal (UNAUTHORIZED,
 * FORBIDDEN) and, for a signed-in person, a NOT_FOUND — which is how a report of another
 * department answers. Without flooding: at most one line per kind per person (or, without a
 * session, per source address) per minute; the next line says how many were left out.
 */
export const REFUSAL_ACTIONS = {
  UNAUTHORIZED: 'access.unauthorized',
  FORBIDDEN: 'access.forbidden',
  NOT_FOUND: 'access.not_found',
} as const;

/** A state-changing request from another site, refused by the web app's Proxy (Origin / Sec-Fetch-Site). */
export const CROSS_SITE_ACTION = 'access.cross_site';

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

type Slot = { at: number; skipped: number };
const slots = new Map<string, Slot>();

/** Forget the throttle (tests). */
export function resetRefusalThrottle(): void {
  slots.clear();
}

function admit(key: string, now: number): { write: boolean; skipped: number } {
  const slot = slots.get(key);
  if (slot && now - slot.at < WINDOW_MS) {
    slot.skipped += 1;
    return { write: false, skipped: 0 };
  }
  if (!slot && slots.size >= MAX_KEYS) {
    // A flood from many addresses: drop what is out of its minute, else start afresh.
    for (const [k, s] of slots) if (now - s.at >= WINDOW_MS) slots.delete(k);
    if (slots.size >= MAX_KEYS) slots.clear();
  }
  slots.set(key, { at: now, skipped: 0 });
  return { write: true, skipped: slot?.skipped ?? 0 };
}

export function auditRefusedCall(
  ctx: { db: Db; user: SessionUser | null; ip: string | null },
  call: { path: string; code: string; message: string },
  now = Date.now(),
): void {
  const action = REFUSAL_ACTIONS[call.code as keyof typeof REFUSAL_ACTIONS];
  if (!action) return;
  // An anonymous reader asking for an id that is not public is the public portal's ordinary 404.
  if (call.code === 'NOT_FOUND' && !ctx.user) return;
  const who = ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? '-'}`;
  const { write, skipped } = admit(`${action}|${who}`, now);
  if (!write) return;
  try {
    recordAudit(ctx.db, {
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      role: ctx.user?.role ?? null,
      action,
      target: `trpc:${call.path}`,
      ip: ctx.ip,
      outcome: 'failure',
      detail: `${call.message}${skipped ? `（此前1分钟内另有${skipped}次同类拒绝未逐条记录）` : ''}`,
    });
  } catch {
    // The refusal itself still answers; a failed audit write must not turn it into a 500.
  }
}

/**
 * A cross-site POST/PUT/PATCH/DELETE refused before any route ran (apps/web/src/proxy.ts notes it,
 * apps/web/src/server/cross-site-audit.ts writes it here): the same throttle, one line per person
 * (signed out: per source address) per minute.
 */
export function auditCrossSiteRefusal(
  ctx: { db: Db; user: Pick<SessionUser, 'id' | 'username' | 'role'> | null; ip: string | null },
  call: { method: string; path: string; reason: string },
  now = Date.now(),
): boolean {
  const who = ctx.user ? `user:${ctx.user.id}` : `ip:${ctx.ip ?? '-'}`;
  const { write, skipped } = admit(`${CROSS_SITE_ACTION}|${who}`, now);
  if (!write) return false;
  try {
    recordAudit(ctx.db, {
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      role: ctx.user?.role ?? null,
      action: CROSS_SITE_ACTION,
      target: `${call.method.toUpperCase().slice(0, 10)} ${call.path.slice(0, 200)}`,
      ip: ctx.ip,
      outcome: 'failure',
      detail: `跨站请求已拒绝（${call.reason.slice(0, 150)}）${skipped ? `（此前1分钟内另有${skipped}次同类拒绝未逐条记录）` : ''}`,
    });
    return true;
  } catch {
    return false;
  }
}
