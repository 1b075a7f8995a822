/**
 * The original files of 历史导入: the bytes are kept under `<data dir>/imports/<sha256>` (mode
 * 0600, the data dir being the database's folder, `.data/` by default, or IMPORT_FILES_DIR), and
 * one `import_sources` row per distinct file holds its name, type, size and the extracted text the
 * figures were read from. The public may download the original of a *current* publication only.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { and, defaultDbPath, eq, importSources, isNull, publications, type Db } from '@ccgov/db';
import { notFound } from '../errors';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const IMPORT_FILE_MODE = 0o600;

/** The folder the database lives in (where `.data/` things go): from the open connection. */
export function dataDir(db: Db): string {
  const file = db.$client.name;
  return file && file !== ':memory:' ? dirname(resolve(file)) : dirname(defaultDbPath());
}

/** Where the original files are kept: IMPORT_FILES_DIR, else `imports/` beside the database. */
export function importFilesDir(db: Db): string {
  return process.env.IMPORT_FILES_DIR ? resolve(process.env.IMPORT_FILES_DIR) : join(dataDir(db), 'imports');
}

/** The storage path recorded in import_sources: relative to the data dir when inside it. */
const storagePathOf = (sha256: string) => `imports/${sha256}`;
function absolutePath(db: Db, storagePath: string): string {
  const name = storagePath.replace(/^imports\//, '');
  if (!/^[0-9a-f]{64}$/.test(name)) throw new Error(`bad storage path ${storagePath}`);
  return join(importFilesDir(db), name);
}

/** The type of a source file by its name (what the download is served as). */
export function mimeOf(fileName: string, pasted: boolean): string {
  if (pasted) return 'text/plain; charset=utf-8';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (ext === 'html' || ext === 'htm') return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

export type ImportSourceInput = {
  sha256: string;
  fileName: string;
  mime: string;
  bytes: Uint8Array | string;
  /** The extracted text the figures were read from. */
  text: string;
  uploadedBy: number | null;
};

/**
 * Keep one original (idempotent by hash): write the bytes first (temp file, then rename, 0600),
 * then the row inside the caller's transaction. A second import of the same bytes reuses both.
 */
export function storeImportSource(db: Db, tx: Tx | Db, input: ImportSourceInput): void {
  const dir = importFilesDir(db);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, input.sha256);
  if (!existsSync(path)) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, typeof input.bytes === 'string' ? Buffer.from(input.bytes, 'utf8') : input.bytes, { mode: IMPORT_FILE_MODE });
    chmodSync(tmp, IMPORT_FILE_MODE);
    renameSync(tmp, path);
  }
  const size = typeof input.bytes === 'string' ? Buffer.byteLength(input.bytes, 'utf8') : input.bytes.length;
  tx.insert(importSources)
    .values({ sha256: input.sha256, fileName: input.fileName, mime: input.mime, size, text: input.text, storagePath: storagePathOf(input.sha256), uploadedBy: input.uploadedBy })
    .onConflictDoNothing({ target: importSources.sha256 })
    .run();
}

/** 历史导入 marks of a publication for the public page; null when it was filed on the portal. */
export function provenanceOf(db: Db, p: typeof publications.$inferSelect) {
  if (!p.importedFrom) return null;
  const source = p.importedSha256
    ? db.select({ fileName: importSources.fileName, size: importSources.size }).from(importSources).where(eq(importSources.sha256, p.importedSha256)).get()
    : undefined;
  return {
    from: p.importedFrom,
    sha256: p.importedSha256,
    importedAt: p.importedAt,
    originalPublishedAt: p.originalPublishedAt,
    /** The original can be downloaded (kept, and this is the current version). */
    download: !!source && p.current && !p.withdrawnAt ? { fileName: source.fileName, size: source.size } : null,
  };
}

/**
 * The original file of a current publication's import, for download; NOT_FOUND for anything else
 * (a publication filed on the portal, superseded or withdrawn, or a file no longer on disk).
 */
export function importSourceFile(db: Db, publicationId: number): { fileName: string; mime: string; bytes: Buffer; sha256: string } {
  const p = db
    .select({ sha256: publications.importedSha256 })
    .from(publications)
    .where(and(eq(publications.id, publicationId), eq(publications.current, true), isNull(publications.withdrawnAt)))
    .get();
  if (!p?.sha256) throw notFound();
  const source = db.select().from(importSources).where(eq(importSources.sha256, p.sha256)).get();
  if (!source) throw notFound();
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath(db, source.storagePath));
  } catch {
    throw notFound();
  }
  return { fileName: source.fileName, mime: source.mime, bytes, sha256: source.sha256 };
}
