import Database from 'better-sqlite3';
import type { BrowserContext } from '@playwright/test';
import { queryDb } from '../support/db';

/** Write to the run's database, for what a test cannot wait for (a session idle for 31 minutes). */
export function writeDb(sql: string, ...params: unknown[]): number {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error('E2E_DATABASE_PATH not set (global setup did not run)');
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

export type SessionRow = { id: number; last_seen_at: number; ended_at: number | null; end_reason: string | null };

/** The newest server-side session of an account. */
export function latestSession(username: string): SessionRow {
  const [row] = queryDb<SessionRow>(
    'SELECT s.id, s.last_seen_at, s.ended_at, s.end_reason FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ? ORDER BY s.id DESC LIMIT 1',
    username,
  );
  if (!row) throw new Error(`no session for ${username}`);
  return row;
}

export function sessionById(id: number): SessionRow {
  return queryDb<SessionRow>('SELECT id, last_seen_at, ended_at, end_reason FROM sessions WHERE id = ?', id)[0]!;
}

/** Pretend the session's last request was this many minutes ago. */
export function ageSession(id: number, minutes: number) {
  writeDb('UPDATE sessions SET last_seen_at = ? WHERE id = ?', Date.now() - minutes * 60_000, id);
}

/** The browser's cookies as one Cookie header, to replay them from outside the browser. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
