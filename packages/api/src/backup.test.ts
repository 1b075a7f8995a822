import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { and, departments, eq, openDb, reports, reportingYears, users } from '@ccgov/db';
import { backupDatabase, listBackups, restoreDatabase, scheduleDailyBackups, verifyDatabaseFile } from '@ccgov/db/backup';
import { createTestDb, type TestDb } from '@ccgov/db/testing';
import { isEditableByDepartment } from '@ccgov/report';
import { createReport } from './services/department-reports';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const WRITER = join(here, 'testing/draft-writer.ts');
const INTEROP = join(here, 'testing/cjs-interop.mjs');
const CLIENTS = 20;

let t: TestDb | undefined;
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  t?.cleanup();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ccgov-backup-'));
  dirs.push(d);
  return d;
};

/** Twenty department clerks, each with an editable report of the open year (created if needed). */
function clerks(db: TestDb['db']) {
  const openYear = db.select().from(reportingYears).where(eq(reportingYears.open, true)).all().at(-1)!.year;
  const out: { userId: number; reportId: number }[] = [];
  for (const u of db.select().from(users).where(eq(users.role, 'department')).all()) {
    if (out.length === CLIENTS) break;
    const existing = db.select().from(reports).where(and(eq(reports.departmentId, u.departmentId!), eq(reports.year, openYear))).get();
    if (existing && !isEditableByDepartment(existing.status)) continue;
    const dept = db.select().from(departments).where(eq(departments.id, u.departmentId!)).get()!;
    const id =
      existing?.id ??
      createReport(db, { id: u.id, username: u.username, displayName: u.displayName, role: u.role, departmentId: dept.id, departmentName: dept.name, mustChangePassword: false, sessionId: 0 } as never, { year: openYear, copyText: false }).id;
    out.push({ userId: u.id, reportId: id });
  }
  expect(out).toHaveLength(CLIENTS);
  return out;
}

type Ack = { n: number; version: number };

/** Start one writer process per clerk; `acks[i]` fills with its acknowledged saves as they arrive. */
function startWriters(dbPath: string, list: { userId: number; reportId: number }[]) {
  const acks: Ack[][] = list.map(() => []);
  const errors: string[] = [];
  list.forEach((c, i) => {
    const child = spawn(TSX, ['--import', INTEROP, WRITER, dbPath, String(c.userId), String(c.reportId)], { cwd: here, stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        acks[i]!.push(JSON.parse(buf.slice(0, nl)) as Ack);
        buf = buf.slice(nl + 1);
      }
    });
    child.stderr!.on('data', (d: Buffer) => errors.push(d.toString()));
  });
  return { acks, errors };
}

const until = async (cond: () => boolean, what: string, why: () => string, ms = 120_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${why()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('online backup and restore', () => {
  it('keeps every save acknowledged before the backup started, while 20 clerks go on saving', { timeout: 240_000 }, async () => {
    t = createTestDb();
    const list = clerks(t.db);
    const { acks, errors } = startWriters(t.path, list);
    // Every clerk has saved a few times before the backup starts.
    await until(() => acks.every((a) => a.length >= 3), 'every writer to save three times', () => errors.join(''));

    const before = acks.map((a) => a.at(-1)!);
    // Acknowledged saves so far (a save refused as busy bumps the writer's counter `n` but is not
    // acknowledged and leaves no audit line, so count acknowledgements, not `n`).
    const ackedBefore = acks.reduce((sum, a) => sum + a.length, 0);
    const backupDir = tempDir();
    const backup = await backupDatabase({ dbPath: t.path, dir: backupDir, keep: 14 });
    const countsAtEnd = acks.map((a) => a.length);
    // The clerks were not held up: each saves again after the backup.
    await until(() => acks.every((a, i) => a.length > countsAtEnd[i]! + 1), 'writers to go on saving after the backup', () => errors.join(''));
    for (const c of children) c.stdin!.end();
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    // Nothing failed but the odd wait for the write lock (a refused save is not acknowledged).
    expect(errors.join('').split('\n').filter((l) => l && !l.startsWith('busy:'))).toEqual([]);

    expect(verifyDatabaseFile(backup.file).reports).toBeGreaterThan(0);
    expect((statSync(backup.file).mode & 0o777).toString(8)).toBe('600');

    // Restore into a fresh directory and open it as the portal would.
    const target = join(tempDir(), 'portal.db');
    const restored = restoreDatabase({ file: backup.file, dbPath: target });
    expect(restored.replacedKeptAs).toBeNull();
    const db = openDb(target);
    try {
      list.forEach((c, i) => {
        const row = db.select().from(reports).where(eq(reports.id, c.reportId)).get()!;
        expect(row.version).toBeGreaterThanOrEqual(before[i]!.version);
        // The content belongs to that save or a later one, never to an earlier one.
        const savedN = Number(/^第(\d+)次保存$/.exec(row.content.other)?.[1]);
        expect(savedN).toBeGreaterThanOrEqual(before[i]!.n);
      });
      // Each acknowledged save left its audit line (who saved which report), restored with it.
      const saves = db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.save'").get() as { n: number };
      expect(saves.n).toBeGreaterThanOrEqual(ackedBefore);
    } finally {
      db.$client.close();
    }
  });

  it('backs up the stored scans and import originals with the database, and restores the missing ones', async () => {
    t = createTestDb({ seedDemo: false });
    const dir = tempDir();
    const scans = join(dirname(t.path), 'scans');
    mkdirSync(scans, { recursive: true });
    writeFileSync(join(scans, 'aa11.png'), 'png bytes');
    const first = await backupDatabase({ dbPath: t.path, dir, keep: 3 });
    expect(first.files).toEqual({ scans: 1, imports: 0 });
    expect(readFileSync(join(dir, 'files', 'scans', 'aa11.png'), 'utf8')).toBe('png bytes');
    expect((statSync(join(dir, 'files', 'scans', 'aa11.png')).mode & 0o777).toString(8)).toBe('600');
    // Named by their hash, files never change: the next backup copies only the new ones.
    writeFileSync(join(scans, 'bb22.pdf'), '%PDF-1.4');
    const second = await backupDatabase({ dbPath: t.path, dir, keep: 3, now: new Date(Date.now() + 2000) });
    expect(second.files).toEqual({ scans: 1, imports: 0 });

    // The disk is lost: the restore brings the database and every stored file back.
    const target = join(tempDir(), 'portal.db');
    const r = restoreDatabase({ file: second.file, dbPath: target });
    expect(r.files).toEqual({ scans: 2, imports: 0 });
    expect(readFileSync(join(dirname(target), 'scans', 'bb22.pdf'), 'utf8')).toBe('%PDF-1.4');
  });

  it('keeps only the newest BACKUP_KEEP backups, each with a timestamped name', async () => {
    t = createTestDb({ seedDemo: false });
    const dir = tempDir();
    for (let i = 0; i < 4; i++) await backupDatabase({ dbPath: t.path, dir, keep: 3, now: new Date(Date.UTC(2026, 0, 1, 8, 0, i)) });
    const names = listBackups(t.path, dir).map((f) => f.slice(dir.length + 1));
    expect(names).toEqual(['portal-20260101-080001Z.db', 'portal-20260101-080002Z.db', 'portal-20260101-080003Z.db']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('restoring keeps the replaced database aside and refuses a damaged file', async () => {
    t = createTestDb({ seedDemo: false });
    const dir = tempDir();
    const { file } = await backupDatabase({ dbPath: t.path, dir, keep: 3 });
    const target = join(tempDir(), 'portal.db');
    const old = openDb(target);
    old.$client.exec("CREATE TABLE marker (x); INSERT INTO marker VALUES ('old')");
    old.$client.close();

    const r = restoreDatabase({ file, dbPath: target });
    expect(r.replacedKeptAs).toMatch(/portal\.db\.replaced-\d{8}-\d{6}Z$/);
    const kept = openDb(r.replacedKeptAs!);
    expect(kept.$client.prepare('SELECT x FROM marker').get()).toEqual({ x: 'old' });
    kept.$client.close();

    const broken = join(dir, 'broken.db');
    writeFileSync(broken, 'SQLite format 3\u0000 but not really a database'.padEnd(4096, 'x'));
    expect(() => restoreDatabase({ file: broken, dbPath: target })).toThrow(/损坏|不是/);
    expect(() => restoreDatabase({ file: join(dir, 'missing.db'), dbPath: target })).toThrow(/不存在/);
  });

  it('the daily backup (BACKUP_DAILY=1) makes one when none is a day old, and not another the same day', async () => {
    t = createTestDb({ seedDemo: false });
    const dir = tempDir();
    const lines: string[] = [];
    const stop = scheduleDailyBackups({ dbPath: t.path, dir, keep: 14, firstCheckAfterMs: 0, checkEveryMs: 50, log: (l) => lines.push(l) });
    try {
      await until(() => listBackups(t!.path, dir).length === 1 && lines.length === 1, 'the first daily backup', () => lines.join('\n'), 20_000);
      await new Promise((r) => setTimeout(r, 400));
      expect(listBackups(t.path, dir)).toHaveLength(1);
      expect(lines[0]).toContain('自动备份完成');
    } finally {
      stop();
    }
  });

  it('npm run restore refuses while the portal is running on the database', () => {
    t = createTestDb({ seedDemo: false });
    // A live process recorded as the server of this database: this test process itself is not
    // counted, so record the parent (vitest), which is alive for the whole test.
    writeFileSync(`${t.path}.pid`, JSON.stringify({ pid: process.ppid, port: null, startedAt: new Date().toISOString() }));
    const r = spawnSync('node', [join(ROOT, 'scripts/restore.mjs'), t.path], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: t.path, PORT: '1' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('门户正在运行');
    expect(existsSync(`${t.path}.replaced`)).toBe(false);
  });

  it('npm run backup writes a verified backup and prints the row counts', () => {
    t = createTestDb({ seedDemo: false });
    const dir = tempDir();
    const r = spawnSync('node', [join(ROOT, 'scripts/backup.mjs')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: t.path, BACKUP_DIR: dir, BACKUP_KEEP: '2' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('integrity_check: ok');
    expect(r.stdout).toMatch(/audit_log\s+\d+/);
    expect(listBackups(t.path, dir)).toHaveLength(1);
  });
});
