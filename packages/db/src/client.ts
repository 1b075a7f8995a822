import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const here = dirname(fileURLToPath(import.meta.url));
/** Generated migration files, committed to the repo. */
export const MIGRATIONS_DIR = resolve(here, '../migrations');

/** Open a database file with the pragmas the portal relies on. */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  return drizzle(sqlite, { schema }) as Db;
}

/** Apply every pending migration (idempotent). */
export function migrateDb(db: Db, migrationsFolder = MIGRATIONS_DIR): void {
  migrate(db, { migrationsFolder });
}

/** Default database location: DATABASE_PATH, else <repo>/.data/portal.db */
export function defaultDbPath(): string {
  if (process.env.DATABASE_PATH) return resolve(process.env.DATABASE_PATH);
  // Bundled code cannot trust import.meta.url, so find the repo root from the working directory.
  let dir = process.cwd();
  while (!existsSync(resolve(dir, 'turbo.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, '.data/portal.db');
}

let shared: Db | undefined;
/**
 * The process-wide connection used by the web app. The start and test scripts migrate and seed
 * before the server starts, so the server only opens the file.
 */
export function getDb(): Db {
  shared ??= openDb(defaultDbPath());
  return shared;
}
