import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateDb, openDb } from './client';
import { auditLog, departments, reportEvents, reports, users } from './schema';
import { createTestDb, type TestDb } from './testing';
import { emptyContent } from '@ccgov/report';
import { eq } from 'drizzle-orm';

let t: TestDb | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function freshDb(): TestDb {
  t = createTestDb({ seedDemo: false });
  return t;
}

describe('migrations', () => {
  it('apply in full to a fresh file', () => {
    const { db } = freshDb();
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(journal.entries.length);
    const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const name of ['settings', 'departments', 'users', 'reporting_years', 'reports', 'report_events', 'publications', 'signoffs', 'review_comments', 'report_versions', 'sensitive_words', 'reminders', 'audit_log']) {
      expect(tables).toContain(name);
    }
  });

  it('running them again changes nothing', () => {
    const { db } = freshDb();
    const before = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get();
    migrateDb(db);
    expect(db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual(before);
  });
});

describe('openDb', () => {
  it('sets WAL, foreign keys, synchronous FULL and a busy timeout', () => {
    const { db } = freshDb();
    const c = db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('synchronous', { simple: true })).toBe(2);
    expect(c.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });

  it('creates the database, its WAL and its shared-memory file readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccgov-mode-'));
    try {
      const db = openDb(join(dir, 'portal.db'));
      db.$client.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      for (const f of ['portal.db', 'portal.db-wal', 'portal.db-shm']) {
        expect({ file: f, mode: (statSync(join(dir, f)).mode & 0o777).toString(8) }).toEqual({ file: f, mode: '600' });
      }
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tightens the mode of a database file created readable by others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccgov-mode-'));
    try {
      const path = join(dir, 'portal.db');
      writeFileSync(path, '');
      chmodSync(path, 0o644);
      const db = openDb(path);
      expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the parent directory of a new database file', () => {
    const { path } = freshDb();
    const nested = openDb(join(path, '..', 'a', 'b', 'portal.db'));
    expect(nested.$client.open).toBe(true);
    nested.$client.close();
  });
});

describe('append-only history', () => {
  function withEvent(db: TestDb['db']) {
    const dept = db.insert(departments).values({ name: '测试单位', code: 'cs' }).returning().get();
    const report = db.insert(reports).values({ departmentId: dept.id, year: 2025, content: emptyContent() }).returning().get();
    const event = db.insert(reportEvents).values({ reportId: report.id, role: 'department', action: 'create', toStatus: 'draft', version: 1 }).returning().get();
    const audit = db.insert(auditLog).values({ action: 'login', username: 'admin', outcome: 'success' }).returning().get();
    return { event, audit };
  }

  it('refuses to change or delete a report event', () => {
    const { db } = freshDb();
    const { event } = withEvent(db);
    expect(() => db.update(reportEvents).set({ comment: '改写' }).where(eq(reportEvents.id, event.id)).run()).toThrow(/只允许追加/);
    expect(() => db.delete(reportEvents).where(eq(reportEvents.id, event.id)).run()).toThrow(/只允许追加/);
    expect(db.select().from(reportEvents).all()).toEqual([event]);
  });

  it('refuses to change or delete an audit log entry', () => {
    const { db } = freshDb();
    const { audit } = withEvent(db);
    expect(() => db.update(auditLog).set({ outcome: 'failure' }).where(eq(auditLog.id, audit.id)).run()).toThrow(/只允许追加/);
    expect(() => db.delete(auditLog).run()).toThrow(/只允许追加/);
    expect(db.select().from(auditLog).all()).toEqual([audit]);
  });

  it('refuses INSERT OR REPLACE over an existing audit log entry', () => {
    const { db } = freshDb();
    const { audit } = withEvent(db);
    const replace = db.$client.prepare("INSERT OR REPLACE INTO audit_log (id, action, outcome, username, created_at) VALUES (?, 'login', 'failure', 'mallory', 0)");
    expect(() => replace.run(audit.id)).toThrow(/只允许追加/);
    expect(() => db.$client.prepare("REPLACE INTO audit_log (id, action, outcome, created_at) VALUES (?, 'x', 'success', 0)").run(audit.id)).toThrow(/只允许追加/);
    expect(db.select().from(auditLog).all()).toEqual([audit]);
  });

  it('refuses INSERT OR REPLACE over an existing report event', () => {
    const { db } = freshDb();
    const { event } = withEvent(db);
    const replace = db.$client.prepare(
      "INSERT OR REPLACE INTO report_events (id, report_id, role, action, to_status, version, created_at) VALUES (?, ?, 'admin', 'publish', 'published', 9, 0)",
    );
    expect(() => replace.run(event.id, event.reportId)).toThrow(/只允许追加/);
    expect(db.select().from(reportEvents).all()).toEqual([event]);
  });

  it('still accepts new entries', () => {
    const { db } = freshDb();
    withEvent(db);
    db.insert(auditLog).values({ action: 'logout', outcome: 'success' }).run();
    expect(db.select().from(auditLog).all()).toHaveLength(2);
  });
});

describe('constraints', () => {
  it('allows only one report per department and year', () => {
    const { db } = freshDb();
    const dept = db.insert(departments).values({ name: '测试单位', code: 'cs' }).returning().get();
    db.insert(reports).values({ departmentId: dept.id, year: 2025, content: emptyContent() }).run();
    expect(() => db.insert(reports).values({ departmentId: dept.id, year: 2025, content: emptyContent() }).run()).toThrow(/UNIQUE/);
    db.insert(reports).values({ departmentId: dept.id, year: 2026, content: emptyContent() }).run();
  });

  it('refuses a report for a department that does not exist', () => {
    const { db } = freshDb();
    expect(() => db.insert(reports).values({ departmentId: 999, year: 2025, content: emptyContent() }).run()).toThrow(/FOREIGN KEY/);
  });

  it('ties department accounts, and only them, to a department', () => {
    const { db } = freshDb();
    expect(() => db.insert(users).values({ username: 'x', displayName: 'x', passwordHash: 'x', role: 'department' }).run()).toThrow(/CHECK/);
  });
});
