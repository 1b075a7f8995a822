import bcrypt from 'bcryptjs';
import { sharedPool } from '@ccgov/report/offload';

const DEFAULT_COST = 10;
const MIN_COST = 4;

/** bcrypt cost: 10, or BCRYPT_COST (at least 4) so tests that seed many accounts stay fast. */
export function bcryptCost(): number {
  const raw = process.env.BCRYPT_COST;
  if (!raw) return DEFAULT_COST;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(31, Math.max(MIN_COST, n)) : DEFAULT_COST;
}

/**
 * bcryptjs is pure JavaScript: one compare at cost 10 holds a thread for ~50–100 ms. Sign-ins,
 * password changes and account creation run it in a worker thread (see @ccgov/report/offload),
 * so the server keeps answering meanwhile; at most 32 wait, then 「服务器繁忙，请稍后再试」.
 */
export const passwordPool = sharedPool({ name: '密码', file: 'packages/db/dist/password-worker.mjs', maxQueue: 32, timeoutMs: 15_000 });

export function hashPassword(password: string): Promise<string> {
  const cost = bcryptCost();
  return passwordPool.run('hash', [password, cost], () => bcrypt.hash(password, cost));
}

/** Synchronous variant for seeding inside a better-sqlite3 transaction (which cannot await). */
export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, bcryptCost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return passwordPool.run('compare', [password, hash], () => bcrypt.compare(password, hash));
}
