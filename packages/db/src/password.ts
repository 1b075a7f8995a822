import bcrypt from 'bcryptjs';

const DEFAULT_COST = 10;
const MIN_COST = 4;

/** bcrypt cost: 10, or BCRYPT_COST (at least 4) so tests that seed many accounts stay fast. */
export function bcryptCost(): number {
  const raw = process.env.BCRYPT_COST;
  if (!raw) return DEFAULT_COST;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(31, Math.max(MIN_COST, n)) : DEFAULT_COST;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, bcryptCost());
}

/** Synchronous variant for seeding inside a better-sqlite3 transaction (which cannot await). */
export function hashPasswordSync(password: string): string {
  return bcrypt.hashSync(password, bcryptCost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
