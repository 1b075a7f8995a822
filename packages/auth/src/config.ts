/**
 * Session and sign-in settings, read from the environment each time (tests change them).
 *   SESSION_IDLE_MINUTES  no request for this long ends a session (default 30)
 *   SESSION_IDLE_SECONDS  the same in seconds, for tests (wins over the minutes when set)
 *   SESSION_MAX_HOURS     absolute lifetime of a session (default 12)
 */
function positive(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function sessionIdleMs(): number {
  const seconds = process.env.SESSION_IDLE_SECONDS;
  if (seconds !== undefined && seconds.trim() !== '') return positive(seconds, 30 * 60) * 1000;
  return positive(process.env.SESSION_IDLE_MINUTES, 30) * 60_000;
}

export function sessionMaxMs(): number {
  return positive(process.env.SESSION_MAX_HOURS, 12) * 3_600_000;
}

/** last_seen is written at most once a minute (or a quarter of the idle time, if shorter). */
export function sessionTouchMs(): number {
  return Math.min(60_000, Math.floor(sessionIdleMs() / 4));
}

/** Failed sign-ins for one username before it is locked, and for how long. */
export const USER_MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/**
 * Failed sign-ins from one source address within LOCK_MS before that address is refused for the
 * rest of the window (LOGIN_IP_MAX_FAILURES, default 30: an office behind one NAT address keeps
 * working; only failures count, successful sign-ins never do).
 */
export function ipMaxFailures(): number {
  return Math.floor(positive(process.env.LOGIN_IP_MAX_FAILURES, 30));
}

/** TRUST_PROXY: a reverse proxy sits in front; only then are X-Forwarded-* headers believed. */
export function trustProxyHops(): number {
  const raw = (process.env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no' || raw === 'off') return 0;
  if (raw === 'true' || raw === 'yes' || raw === 'on') return 1;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 10) : 1;
}
