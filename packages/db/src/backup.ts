import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DB_FILE_MODE, openDb } from './client';

/**
 * 数据备份恢复: consistent online backups with SQLite's backup API, verified and rotated, and a
 * restore into a stopped portal that keeps the replaced database aside.
 */

export const DEFAULT_BACKUP_KEEP = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Tables a portal database must have; a file without them is not restored. */
const REQUIRED_TABLES = ['settings', 'users', 'departments', 'reports', 'report_events', 'audit_log'];

export type TableCounts = Record<string, number>;

export type BackupResult = {
  file: string;
  bytes: number;
  counts: TableCounts;
  /** Stored files (scans of 报送稿, originals of 历史导入) newly copied into the backup, per store. */
  files: Record<string, number>;
  /** Older backups removed to keep the last `keep`. */
  removed: string[];
  ms: number;
};

/** Where backups go: BACKUP_DIR, else `backups/` beside the database (`.data/backups/`). */
export function defaultBackupDir(dbPath: string): string {
  return process.env.BACKUP_DIR ? resolve(process.env.BACKUP_DIR) : join(dirname(resolve(dbPath)), 'backups');
}

/** BACKUP_KEEP (a whole number ≥ 1), else 14. */
export function backupKeep(raw = process.env.BACKUP_KEEP): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BACKUP_KEEP;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BACKUP_KEEP 应为不小于1的整数（现为 ${raw}）`);
  return n;
}

const prefixOf = (dbPath: string) => basename(dbPath).replace(/\.db$/, '') || 'portal';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** 20261201-233745Z: UTC, sorts by name in time order. */
export function backupStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function backupPattern(dbPath: string): RegExp {
  const p = prefixOf(dbPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${p}-\\d{8}-\\d{6}Z(?:-(\\d+))?\\.db$`);
}

/** This database's backups in `dir`, oldest first (only files named by backupDatabase). */
export function listBackups(dbPath: string, dir = defaultBackupDir(dbPath)): string[] {
  if (!existsSync(dir)) return [];
  const re = backupPattern(dbPath);
  const key = (f: string) => {
    const m = re.exec(f)!;
    return `${f.slice(0, f.indexOf('Z'))}-${pad(Number(m[1] ?? 0), 6)}`;
  };
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((f) => join(dir, f));
}

/** Remove all but the newest `keep` backups; returns the removed files. */
export function pruneBackups(dbPath: string, dir: string, keep: number): string[] {
  const all = listBackups(dbPath, dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const f of old) rmSync(f, { force: true });
  return old;
}

/**
 * Check a database file: `PRAGMA integrity_check` must answer ok; returns the row count of every
 * table. Throws (with a Chinese message) when the file is damaged or is not a portal database.
 */
export function verifyDatabaseFile(file: string): TableCounts {
  if (!existsSync(file)) throw new Error(`文件不存在：${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new Error(`无法打开数据库文件 ${file}：${(err as Error).message}`);
  }
  try {
    let result: string[];
    try {
      result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw new Error(`数据库文件 ${file} 已损坏或不是 SQLite 数据库：${(err as Error).message}`);
    }
    if (result.length !== 1 || result[0] !== 'ok') throw new Error(`数据库文件 ${file} 完整性检查未通过：${result.slice(0, 5).join('；')}`);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length) throw new Error(`文件 ${file} 不是本平台的数据库（缺少表：${missing.join('、')}）`);
    const counts: TableCounts = {};
    for (const t of tables) counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
    return counts;
  } finally {
    db.close();
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// Files kept beside the database: 报送稿 scans and the originals of 历史导入. Both stores name each
// file by its SHA-256, so a file never changes once written: a backup copies the ones it does not
// have yet into `<backup dir>/files/<store>/` (shared by every backup, never pruned), and a restore
// puts back the ones that are missing. The database is copied first, so every file a backed-up row
// names was already on disk when the files were copied (a file is written before its row).
// ---------------------------------------------------------------------------------------------

/** The file stores beside the database (SCANS_DIR / IMPORT_FILES_DIR override, as the portal reads them). */
export function fileStores(dbPath: string): { name: string; dir: string }[] {
  const base = dirname(resolve(dbPath));
  return [
    { name: 'scans', dir: process.env.SCANS_DIR ? resolve(process.env.SCANS_DIR) : join(base, 'scans') },
    { name: 'imports', dir: process.env.IMPORT_FILES_DIR ? resolve(process.env.IMPORT_FILES_DIR) : join(base, 'imports') },
  ];
}

/** Copy regular files of `from` missing in `to` (mode 0600, through a temporary name). */
function copyMissingFiles(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let copied = 0;
  for (const name of readdirSync(from)) {
    if (name.startsWith('.') || name.endsWith('.partial')) continue;
    const src = join(from, name);
    if (!statSync(src).isFile()) continue;
    const dest = join(to, name);
    if (existsSync(dest) && statSync(dest).size === statSync(src).size) continue;
    mkdirSync(to, { recursive: true, mode: 0o700 });
    const tmp = `${dest}.partial`;
    copyFileSync(src, tmp);
    chmodSync(tmp, DB_FILE_MODE);
    fsyncFile(tmp);
    renameSync(tmp, dest);
    copied++;
  }
  return copied;
}

export type BackupOptions = {
  dbPath: string;
  dir?: string;
  keep?: number;
  now?: Date;
};

/**
 * One online backup while the portal keeps serving and writing. A separate read-only connection
 * copies every page in one step of SQLite's backup API, i.e. from one read snapshot (WAL readers
 * never block writers, and a single step cannot be restarted by a concurrent write). The copy is
 * written under a `.partial` name, switched to a self-contained single file (journal_mode DELETE),
 * integrity-checked, counted, and only then given its timestamped name; then older backups beyond
 * `keep` are removed.
 */
export async function backupDatabase(opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const dbPath = resolve(opts.dbPath);
  const dir = opts.dir ?? defaultBackupDir(dbPath);
  const keep = opts.keep ?? backupKeep();
  if (!existsSync(dbPath)) throw new Error(`数据库文件不存在：${dbPath}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  const stamp = backupStamp(opts.now ?? new Date());
  let file = join(dir, `${prefixOf(dbPath)}-${stamp}.db`);
  for (let i = 2; existsSync(file); i++) file = join(dir, `${prefixOf(dbPath)}-${stamp}-${i}.db`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  closeSync(openSync(partial, 'w', DB_FILE_MODE));

  const source = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }

  try {
    // The copy carries the WAL flag of its source: make it one file that can be copied alone.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    chmodSync(partial, DB_FILE_MODE);
    fsyncFile(partial);
    const counts = verifyDatabaseFile(partial);
    renameSync(partial, file);
    const files: Record<string, number> = {};
    for (const store of fileStores(dbPath)) files[store.name] = copyMissingFiles(store.dir, join(dir, 'files', store.name));
    const removed = pruneBackups(dbPath, dir, keep);
    return { file, bytes: statSync(file).size, counts, files, removed, ms: Date.now() - started };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Is the portal running on this database? The server writes `<database>.pid` when it starts.
// ---------------------------------------------------------------------------------------------

export type ServerLock = { pid: number; port: string | null; startedAt: string };

export const serverLockPath = (dbPath: string) => `${resolve(dbPath)}.pid`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Record that this process serves the database; removed again when the process exits. */
export function writeServerLock(dbPath: string, port: string | null = process.env.PORT ?? null): void {
  const path = serverLockPath(dbPath);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const lock: ServerLock = { pid: process.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(path, JSON.stringify(lock), { mode: DB_FILE_MODE });
  process.once('exit', () => {
    try {
      if (readServerLock(dbPath)?.pid === process.pid) unlinkSync(path);
    } catch {
      /* already gone */
    }
  });
}

function readServerLock(dbPath: string): ServerLock | null {
  try {
    const lock = JSON.parse(readFileSync(serverLockPath(dbPath), 'utf8')) as ServerLock;
    return Number.isInteger(lock.pid) && lock.pid > 0 ? lock : null;
  } catch {
    return null;
  }
}

/** The live server process recorded for this database, or null (no lock, or a stale one). */
export function runningServer(dbPath: string): ServerLock | null {
  const lock = readServerLock(dbPath);
  return lock && lock.pid !== process.pid && alive(lock.pid) ? lock : null;
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export type RestoreResult = {
  dbPath: string;
  /** Stored files put back from the backup because they were missing, per store. */
  files: Record<string, number>;
  /** The replaced database, kept under this name (null when there was none). */
  replacedKeptAs: string | null;
  counts: TableCounts;
};

/**
 * Put a backup in place of the database of a stopped portal: refuse while a server process is
 * recorded as running, integrity-check the file, move the current database (with its WAL and
 * shared-memory files) aside as `<database>.replaced-<time>`, copy the backup in (mode 0600) and
 * open it once with the portal's pragmas.
 */
export function restoreDatabase(opts: { file: string; dbPath: string; now?: Date }): RestoreResult {
  const file = resolve(opts.file);
  const dbPath = resolve(opts.dbPath);
  const server = runningServer(dbPath);
  if (server) throw new Error(`门户正在运行（进程 ${server.pid}${server.port ? `，端口 ${server.port}` : ''}），请先停止门户再恢复`);
  if (file === dbPath) throw new Error('备份文件就是当前数据库，无需恢复');
  const counts = verifyDatabaseFile(file);

  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  const incoming = `${dbPath}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(file, incoming);
  chmodSync(incoming, DB_FILE_MODE);
  fsyncFile(incoming);

  let replacedKeptAs: string | null = null;
  if (existsSync(dbPath)) {
    replacedKeptAs = `${dbPath}.replaced-${backupStamp(opts.now ?? new Date())}`;
    for (let i = 2; existsSync(replacedKeptAs); i++) replacedKeptAs = `${dbPath}.replaced-${backupStamp(opts.now ?? new Date())}-${i}`;
    // The WAL travels with its database, so the kept copy opens with everything it had committed.
    for (const suffix of ['-wal', '-shm', '']) {
      if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${replacedKeptAs}${suffix}`);
    }
  }
  renameSync(incoming, dbPath);
  const db = openDb(dbPath);
  db.$client.close();
  const files: Record<string, number> = {};
  for (const store of fileStores(dbPath)) files[store.name] = copyMissingFiles(join(dirname(file), 'files', store.name), store.dir);
  return { dbPath, replacedKeptAs, counts, files };
}

// ---------------------------------------------------------------------------------------------
// Daily backup inside the server (BACKUP_DAILY=1)
// ---------------------------------------------------------------------------------------------

export type DailyBackupOptions = {
  dbPath: string;
  dir?: string;
  keep?: number;
  /** How often to look whether a backup is due (default: hourly). */
  checkEveryMs?: number;
  /** Wait after the start before the first look (default: 1 minute), so startup stays quick. */
  firstCheckAfterMs?: number;
  log?: (line: string) => void;
};

/**
 * Back up once a day from a timer in the server process (never in a request): each check makes a
 * backup when the newest one is a day old or there is none, so a restart neither skips nor doubles
 * a day. Returns a function that stops the timer.
 */
export function scheduleDailyBackups(opts: DailyBackupOptions): () => void {
  const log = opts.log ?? ((line: string) => console.log(line));
  const dir = opts.dir ?? defaultBackupDir(opts.dbPath);
  let running = false;
  const check = async () => {
    if (running) return;
    const newest = listBackups(opts.dbPath, dir).at(-1);
    if (newest && Date.now() - statSync(newest).mtimeMs < DAY_MS) return;
    running = true;
    try {
      const r = await backupDatabase({ dbPath: opts.dbPath, dir, keep: opts.keep });
      log(`[backup] 自动备份完成 ${r.file}（${r.bytes} 字节，${r.ms} ms，删除旧备份 ${r.removed.length} 个）`);
    } catch (err) {
      log(`[backup] 自动备份失败：${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  let interval: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    void check();
    interval = setInterval(() => void check(), opts.checkEveryMs ?? 60 * 60 * 1000);
    interval.unref();
  }, opts.firstCheckAfterMs ?? 60 * 1000);
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
