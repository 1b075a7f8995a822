/**
 * 报送稿扫描件: the scan of the signed and sealed 报送稿 a department attaches to the version it
 * submitted, and the per-year rule that the final sign-off waits for it.
 *
 * - Who: only the body's own clerks attach (another body's report answers NOT_FOUND); the bureau's
 *   reviewers and publishers and the owning department read. Attaching is open while the submitted
 *   version is with the bureau (待审核, 审核中, 审核通过); a returned report carries none of its own —
 *   the scan belongs to the version it was signed on, and the next submission is a new version that
 *   needs a new signature — nor a recalled (草稿) or published one.
 * - What: PDF, JPEG or PNG, recognised by the file's first bytes (never by its name), at most
 *   MAX_SCAN_BYTES; the extension must agree with the content.
 * - Where: `scans/<sha256>.<ext>` beside the database file (`.data/scans/` by default; SCANS_DIR
 *   elsewhere), mode 0600 like the database. A refused file leaves neither a row nor a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { and, asc, eq, reportingYears, reportScans, sql, users, type Db, type Report } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { recordAudit } from '@ccgov/auth/audit';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { audit, type Actor } from './audit-trail';
import { currentRequestIp } from './request-context';
import { loadScopedReport, submittedVersion } from './workflow';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** 10 MB: a few pages scanned at 200–300 dpi. Also the largest body Next hands a route (proxyClientMaxBodySize). */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export const MAX_SCANS_PER_VERSION = 10;
const MB = MAX_SCAN_BYTES / 1024 / 1024;

export type ScanKind = { mime: 'application/pdf' | 'image/jpeg' | 'image/png'; ext: 'pdf' | 'jpg' | 'png'; label: string };
const PDF: ScanKind = { mime: 'application/pdf', ext: 'pdf', label: 'PDF 文件' };
const JPEG: ScanKind = { mime: 'image/jpeg', ext: 'jpg', label: 'JPG 图片' };
const PNG: ScanKind = { mime: 'image/png', ext: 'png', label: 'PNG 图片' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The file's type from its first bytes: %PDF-, FF D8 FF, or the PNG signature with its IHDR chunk; else null. */
export function sniffScan(bytes: Uint8Array): ScanKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return PNG;
  return null;
}

const EXT_KIND: Record<string, ScanKind> = { pdf: PDF, jpg: JPEG, jpeg: JPEG, png: PNG };
const formatMb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why a file cannot be a scan, in the clerk's words, or null when it can. Checked before anything
 * is written.
 */
export function scanProblem(fileName: string, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空，请重新选择扫描件';
  if (bytes.length > MAX_SCAN_BYTES) return `文件过大：扫描件不能超过 ${MB} MB（本文件 ${formatMb(bytes.length)}），请降低扫描分辨率或改为黑白扫描后重新上传`;
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const named = EXT_KIND[ext];
  if (!named) return '只能上传 PDF、JPG 或 PNG 格式的扫描件（文件名应以 .pdf、.jpg、.jpeg 或 .png 结尾）';
  const kind = sniffScan(bytes);
  if (!kind) return `文件内容不是 PDF、JPG 或 PNG（文件名为 .${ext}，但内容不是${named.label}，可能是改了扩展名的其他文件），请上传扫描得到的原始文件`;
  if (kind !== named) return `文件内容是${kind.label}，与文件名的扩展名 .${ext} 不符，请改正文件名或重新导出后上传`;
  return null;
}

/** Where scans are kept: SCANS_DIR, else `scans/` beside the database file (`.data/scans/`). */
export function scansDir(db: Db): string {
  if (process.env.SCANS_DIR) return resolve(process.env.SCANS_DIR);
  const file = db.$client.name;
  return join(dirname(resolve(file)), 'scans');
}

/** Statuses in which the submitted version is with the bureau and may take a scan. */
const ATTACHABLE = new Set(['submitted', 'in_review', 'approved']);

export const fileNameSchema = z
  .string()
  .trim()
  .min(1, { error: '缺少文件名' })
  .max(200, { error: '文件名过长（最多200字）' })
  // Path separators and control characters have no place in a name shown back to people.
  .transform((s) => basename(s.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, ''));

/** The scans of one submitted version, oldest first, with the uploader's name. */
export function scansOf(db: Db | Tx, reportId: number, version: number) {
  return db
    .select({
      id: reportScans.id,
      version: reportScans.version,
      fileName: reportScans.fileName,
      mime: reportScans.mime,
      size: reportScans.size,
      sha256: reportScans.sha256,
      createdAt: reportScans.createdAt,
      uploadedBy: users.displayName,
    })
    .from(reportScans)
    .leftJoin(users, eq(users.id, reportScans.uploadedBy))
    .where(and(eq(reportScans.reportId, reportId), eq(reportScans.version, version)))
    .orderBy(asc(reportScans.id))
    .all();
}

export function scanRequiredFor(db: Db | Tx, year: number): boolean {
  return db.select({ v: reportingYears.scanRequired }).from(reportingYears).where(eq(reportingYears.year, year)).get()?.v ?? false;
}

/** Why the department cannot attach a scan now, or null. */
function attachRefusal(report: Report): string | null {
  if (ATTACHABLE.has(report.status)) return null;
  if (report.status === 'returned') return '报告已退回修改：扫描件应附在重新提交的版本上。请修改后重新提交，再打印新的报送稿签字盖章后上传';
  if (report.status === 'draft') return '报告尚未提交（或已撤回），提交后才能上传签字盖章的报送稿扫描件';
  return '报告已发布或已撤销发布，不能再上传扫描件';
}

/** Write the bytes to `<dir>/<name>` with mode 0600 (temp file, fsync, rename); `created` when it was not there. */
function storeFile(dir: string, name: string, bytes: Uint8Array): { path: string; created: boolean } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  // Named by the hash: the same bytes are already there.
  if (existsSync(path) && statSync(path).size === bytes.length) return { path, created: false };
  const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  return { path, created: true };
}

export type AttachScanInput = { reportId: number; fileName: string; bytes: Uint8Array };

/**
 * Attach a scan to the report's submitted version. Every refusal (not the body's report, wrong
 * status, too large, not a PDF/JPG/PNG) is an AppError with a Chinese message and stores nothing.
 */
export function attachScan(db: Db, actor: SessionUser, input: AttachScanInput) {
  if (actor.role !== 'department' || actor.departmentId == null) throw new AppError('FORBIDDEN', '只有本单位的填报人可以上传报送稿扫描件');
  const name = fileNameSchema.safeParse(input.fileName);
  if (!name.success) throw new AppError('BAD_REQUEST', name.error.issues[0]?.message ?? '文件名无效');
  const fileName = name.data;
  const dir = scansDir(db);
  return db.transaction(
    (tx) => {
      const report = loadScopedReport(tx, actor, input.reportId);
      const refusal = attachRefusal(report);
      if (refusal) throw new AppError('BAD_REQUEST', refusal);
      const version = submittedVersion(tx, report.id);
      if (version == null) throw new AppError('BAD_REQUEST', '报告尚未提交，提交后才能上传签字盖章的报送稿扫描件');
      const problem = scanProblem(fileName, input.bytes);
      if (problem) throw new AppError('BAD_REQUEST', problem);
      const already = tx.select({ n: sql<number>`count(*)` }).from(reportScans).where(and(eq(reportScans.reportId, report.id), eq(reportScans.version, version))).get()?.n ?? 0;
      if (already >= MAX_SCANS_PER_VERSION) throw new AppError('BAD_REQUEST', `本版本已上传${already}份扫描件，已达上限（${MAX_SCANS_PER_VERSION}份）`);

      const kind = sniffScan(input.bytes)!;
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const stored = `${sha256}.${kind.ext}`;
      const file = storeFile(dir, stored, input.bytes);
      try {
        const row = tx
          .insert(reportScans)
          .values({ reportId: report.id, version, fileName, mime: kind.mime, size: input.bytes.length, sha256, storagePath: `scans/${stored}`, uploadedBy: actor.id })
          .returning()
          .get();
        recordAudit(tx as unknown as Db, {
          userId: actor.id,
          username: actor.username,
          role: actor.role,
          action: 'report.scan',
          target: `report:${report.id}`,
          ip: currentRequestIp(),
          outcome: 'success',
          detail: `版本 ${version}：${fileName}（${kind.mime}，${input.bytes.length} 字节，SHA-256 ${sha256}）`,
        });
        return { id: row.id, version, fileName, mime: kind.mime, size: row.size, sha256, createdAt: row.createdAt };
      } catch (err) {
        // The row did not make it: a file this call created must not stay behind.
        if (file.created) rmSync(file.path, { force: true });
        throw err;
      }
    },
    { behavior: 'immediate' },
  );
}

/** Who may read a report's scans: its own department, and the bureau's reviewers and publishers. */
function assertReader(actor: SessionUser) {
  if (actor.role === 'department' ? actor.departmentId == null : actor.role !== 'reviewer' && actor.role !== 'publisher') {
    throw new AppError('FORBIDDEN', '仅本单位填报人和数据局审核人员可以查看报送稿扫描件');
  }
}

/** One stored scan with its bytes, for the download route. Another body's, or a mismatched id: NOT_FOUND. */
export function readScan(db: Db, actor: SessionUser, reportId: number, scanId: number) {
  assertReader(actor);
  const report = loadScopedReport(db, actor, reportId);
  // The bureau sees a report once it was submitted; a recalled draft is the department's again.
  if (report.status === 'draft' && actor.role !== 'department') throw notFound('扫描件');
  const row = db.select().from(reportScans).where(and(eq(reportScans.id, scanId), eq(reportScans.reportId, report.id))).get();
  if (!row) throw notFound('扫描件');
  const path = join(scansDir(db), basename(row.storagePath));
  if (!existsSync(path)) throw new AppError('NOT_FOUND', '扫描件文件缺失，请联系管理员从备份恢复 .data/scans/');
  return { ...row, bytes: readFileSync(path) };
}

/**
 * The final sign-off (the one that makes a report 审核通过) of a year that requires the scan waits
 * until the submitted version has one. Runs inside the sign-off's transaction.
 */
export function assertScanForApproval(tx: Tx, report: Pick<Report, 'id' | 'year'>) {
  if (!scanRequiredFor(tx, report.year)) return;
  const version = submittedVersion(tx, report.id);
  const has = version != null && (tx.select({ n: sql<number>`count(*)` }).from(reportScans).where(and(eq(reportScans.reportId, report.id), eq(reportScans.version, version))).get()?.n ?? 0) > 0;
  if (!has) {
    throw new AppError(
      'BAD_REQUEST',
      `${report.year}年度要求附签字盖章的报送稿扫描件：该单位尚未为本次提交的版本上传扫描件，暂不能审核通过。请通知该单位打印报送稿、签字盖章后在“本部门年报”中上传`,
    );
  }
}

export const setScanRequiredInput = z.strictObject({ year: z.number().int().min(2000).max(2100), required: z.boolean() });

/** 管理 → 年度: whether the year's reports need the scan before the final sign-off (audited). */
export function setScanRequired(db: Db, actor: Actor, input: z.infer<typeof setScanRequiredInput>) {
  return db.transaction((tx) => {
    const y = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!y) throw new AppError('NOT_FOUND', `${input.year}年度不存在`);
    if (y.scanRequired === input.required) return { year: input.year, required: input.required, changed: false };
    tx.update(reportingYears).set({ scanRequired: input.required }).where(eq(reportingYears.year, input.year)).run();
    audit(tx, actor, { action: 'year.scanRequired', target: `year:${input.year}`, detail: input.required ? '要求附报送稿扫描件' : '不要求附报送稿扫描件' });
    return { year: input.year, required: input.required, changed: true };
  });
}
