import { and, eq, settings, sql, users, type Db } from '@ccgov/db';

/** Settings key written by the demo seed: the shared hash of the published demo password. */
export const DEMO_PASSWORD_HASH_KEY = 'demo_password_hash';

type Flag = { value: boolean; at: number };
const KEY = Symbol.for('ccgov.demoAccountsFlag');
const TTL_MS = 60_000;

function store(): { flag: Flag | null } {
  const g = globalThis as Record<symbol, { flag: Flag | null } | undefined>;
  g[KEY] ??= { flag: null };
  return g[KEY];
}

/**
 * Whether an active account still has the published demo password (the 演示环境 banner). One
 * indexed query, cached in memory for a minute and cleared whenever an account changes here
 * (password changed or reset, account enabled or disabled), so the banner goes at once.
 */
export function demoAccountsExist(db: Db, now = Date.now()): boolean {
  const s = store();
  if (s.flag && now - s.flag.at < TTL_MS) return s.flag.value;
  const row = db
    .select({ n: sql<number>`1` })
    .from(users)
    .innerJoin(settings, and(eq(settings.key, DEMO_PASSWORD_HASH_KEY), eq(settings.value, users.passwordHash)))
    .where(eq(users.active, true))
    .limit(1)
    .get();
  s.flag = { value: !!row, at: now };
  return s.flag.value;
}

export function accountsChanged(): void {
  store().flag = null;
  // Public pages kept as bytes by the server's fast path (scripts/public-pages.mjs) carry the
  // banner: drop them so it goes (or comes) on the next request too.
  const pages = (globalThis as Record<symbol, { pages: Map<string, unknown>; generation: number } | undefined>)[Symbol.for('ccgov.publicPages')];
  if (pages) {
    pages.pages.clear();
    pages.generation++;
  }
}
