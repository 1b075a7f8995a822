import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const here = dirname(fileURLToPath(import.meta.url));
/** Generated migration files, committed to the repo. */
export const MIGRATIONS_DIR = resolve(here, '../migrations');

/** Only the server's own account may read the database, its WAL and its shared-memory file. */
export const DB_FILE_MODE = 0o600;

/**
 * Create the file with mode 0600 before SQLite opens it (SQLite gives the -wal and -shm files the
 * mode of the database file), and tighten the mode of files created before this rule existed.
 */
function restrictFileMode(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', DB_FILE_MODE));
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      chmodSync(f, DB_FILE_MODE);
    } catch {
      /* not there (yet), or not ours to change */
    }
  }
}

/** Open a database file with the pragmas the portal relies on. */
export function openDb(path: string): Db {
  const onDisk = path !== ':memory:' && path !== '';
  if (onDisk) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    restrictFileMode(path);
  }
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = FULL');
  // INSERT OR REPLACE deletes the row it replaces; with recursive triggers that implicit delete
  // fires the DELETE-refusing triggers of report_events and audit_log, so history stays append-only.
  sqlite.pragma('recursive_triggers = ON');
  if (onDisk) restrictFileMode(path);
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
