/**
 * 管理 → 导入历史报告 and the clerk's 从 Word 文件导入: files arrive as base64 inside a tRPC call
 * (same size bound as the Excel upload), every zip — a .docx or a .zip of reports — passes the
 * Excel upload's zip guard before anything inflates it, and @ccgov/importer reads them.
 *
 * `previewUpload` writes nothing; `commitUpload` reads the same source again on the server (so the
 * stored figures are exactly the ones read from the file whose SHA-256 is recorded) and imports it:
 * a new body and year through importPublishedReport, or — when that body and year is itself an
 * import — as a correction with a reason (a new publication that supersedes the old one).
 */
import { createHash } from 'node:crypto';
import { and, asc, departments, desc, eq, publications, reportEvents, reports, sql, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { recordAudit } from '@ccgov/auth/audit';
import { MAX_UPLOAD_BYTES, readZipEntries } from '@ccgov/excel';
import { importReport, MESSAGES, sourceView, type ParsedReport, type SourceView } from '@ccgov/importer';
import { FIGURE_BY_KEY, stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { IMPORT_AUDIT_ACTION, IMPORT_EVENT, importComment, importPublishedReport, originalDate, provenanceColumns } from './history-import';
import { mimeOf, storeImportSource } from './import-files';
import { currentRequestIp } from './request-context';
import { writePublication } from './review/shared';
import { decodeUpload, uploadSchema } from './uploads';
import { loadScopedReport } from './workflow';
import { previousYearReport } from './context';
import { assertNotLocked } from './deadlines';

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;
const fileName = z.string().overwrite(stripNonXmlChars).trim().min(1, { error: '缺少文件名' }).max(200, { error: '文件名过长' });

/** One source: an uploaded file (base64) or pasted text. */
export const sourceInput = z
  .strictObject({
    name: fileName,
    file: uploadSchema.optional(),
    text: z.string().max(MAX_UPLOAD_BYTES, { error: `粘贴的文字过长（上限 ${MB} MB）` }).optional(),
  })
  .refine((s) => (s.file === undefined) !== (s.text === undefined), { error: '请上传文件或粘贴文字' });

export const commitInput = z.strictObject({
  source: sourceInput,
  /** The file inside a .zip the report was read from. */
  entry: z.string().max(500).optional(),
  departmentId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  /** 原发布日期 (YYYY-MM-DD), when known. */
  publishedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '发布日期应为“年-月-日”，如 2025-01-20' })
    .nullable()
    .optional(),
  /** Import although some figures could not be placed (they stay blank). */
  allowBlank: z.boolean().default(false),
  /** 更正原因: required when the body and year already hold an imported report. */
  reason: z.string().overwrite(stripNonXmlChars).trim().max(1000, { error: '更正原因不能超过1000字' }).optional(),
});

type SourceFile = { name: string; entry: string | null; bytes: Uint8Array | string; sha256: string };
export type PreviewItem =
  | { name: string; entry: string | null; sha256: string | null; ok: false; error: string }
  | ({ name: string; entry: string | null; sha256: string; ok: true; sourceView: SourceView } & Omit<ParsedReport, 'ok'>);

const sha256Of = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The files of one source: the file itself, or each file of a .zip. */
async function sourceFiles(source: z.infer<typeof sourceInput>): Promise<SourceFile[] | { error: string }> {
  if (source.text !== undefined) return [{ name: source.name, entry: null, bytes: source.text, sha256: sha256Of(source.text) }];
  const bytes = decodeUpload(source.file!);
  if (bytes.length > MAX_UPLOAD_BYTES) return { error: `文件过大（上限 ${MB} MB）` };
  if (/\.zip$/i.test(source.name)) {
    const zip = await readZipEntries(bytes);
    if (!zip.ok) return { error: `压缩包未读取：${zip.message.replace(/ \.xlsx（zip）文件|Excel 表格/g, '压缩包')}` };
    const files = zip.entries.filter((e) => /\.(txt|html?|docx|doc|wps)$/i.test(e.name));
    if (!files.length) return { error: '压缩包中没有可导入的文件（.txt、.html、.docx）' };
    if (files.length > 50) return { error: '压缩包中的文件过多（一次最多50个）' };
    return files.map((e) => ({ name: source.name, entry: e.name, bytes: e.data, sha256: sha256Of(e.data) }));
  }
  return [{ name: source.name, entry: null, bytes, sha256: sha256Of(bytes) }];
}

/** Read one file; a .docx (a zip itself) is guarded before mammoth inflates it. */
async function readOne(f: SourceFile): Promise<ParsedReport | { ok: false; error: string }> {
  const shown = f.entry ?? f.name;
  if (typeof f.bytes !== 'string' && isZip(f.bytes)) {
    const guard = await readZipEntries(f.bytes);
    if (!guard.ok) return { ok: false, error: MESSAGES.unreadableDocx };
  }
  return importReport(shown, f.bytes);
}

export async function previewUpload(source: z.infer<typeof sourceInput>): Promise<{ items: PreviewItem[] }> {
  const files = await sourceFiles(source);
  if ('error' in files) return { items: [{ name: source.name, entry: null, sha256: null, ok: false, error: files.error }] };
  const items: PreviewItem[] = [];
  for (const f of files) {
    const parsed = await readOne(f);
    if (!parsed.ok) items.push({ name: f.name, entry: f.entry, sha256: f.sha256, ok: false, error: parsed.error });
    else {
      const { ok: _, ...rest } = parsed;
      items.push({ name: f.name, entry: f.entry, sha256: f.sha256, ok: true, ...rest, sourceView: sourceView(parsed) });
    }
  }
  return { items };
}

/** Every active department, with the years it already has in the portal and whether each is an import. */
export function importTargets(db: Db) {
  const depts = db
    .select({ id: departments.id, name: departments.name, code: departments.code, kind: departments.kind })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .all();
  const rows = db.select({ id: reports.id, departmentId: reports.departmentId, year: reports.year, status: reports.status }).from(reports).all();
  // 历史导入 = a publication of the report read from a source (publications.imported_from).
  const imported = new Set(
    db
      .selectDistinct({ reportId: publications.reportId })
      .from(publications)
      .where(sql`${publications.importedFrom} is not null`)
      .all()
      .map((r) => r.reportId),
  );
  return depts.map((d) => ({
    ...d,
    years: rows
      .filter((r) => r.departmentId === d.id)
      .map((r) => ({ year: r.year, reportId: r.id, status: r.status, imported: imported.has(r.id) }))
      .sort((a, b) => a.year - b.year),
  }));
}

export async function commitUpload(db: Db, actor: SessionUser, input: z.infer<typeof commitInput>) {
  const files = await sourceFiles(input.source);
  if ('error' in files) throw new AppError('BAD_REQUEST', files.error);
  const file = input.entry === undefined ? files[0] : files.find((f) => f.entry === input.entry);
  if (!file) throw new AppError('BAD_REQUEST', `压缩包中没有文件“${input.entry}”`);
  const parsed = await readOne(file);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  const blanks = parsed.unplaced.reduce((a, u) => a + u.keys.length, 0);
  if (blanks && !input.allowBlank) throw new AppError('BAD_REQUEST', `有${blanks}个数字未能识别，未导入：核对原文后勾选“未能识别的数字留空导入”，或改正原文后重新上传`);
  const shownFile = file.entry ? `${file.name}/${file.entry}` : file.name;
  const publishedDate = input.publishedDate === undefined ? parsed.publishedDate : input.publishedDate;
  originalDate(publishedDate);
  const unplaced = parsed.unplaced.map((u) => u.message);
  const pasted = typeof file.bytes === 'string';
  const ownName = file.entry ?? file.name;
  const source = {
    bytes: file.bytes,
    fileName: pasted && !/\.txt$/i.test(ownName) ? `${ownName}.txt` : ownName,
    mime: mimeOf(ownName, pasted),
    text: parsed.sourceLines.join('\n'),
  };

  const existing = db
    .select({ id: reports.id, status: reports.status, version: reports.version })
    .from(reports)
    .where(and(eq(reports.departmentId, input.departmentId), eq(reports.year, input.year)))
    .get();
  if (!existing) {
    const r = importPublishedReport(db, { user: actor, ip: currentRequestIp() }, {
      departmentId: input.departmentId,
      year: input.year,
      content: parsed.content,
      sourceFile: shownFile,
      sourceSha256: file.sha256,
      source,
      originalPublishedAt: publishedDate,
      unplaced,
    });
    return { ...r, corrected: false };
  }

  // The body and year are in the portal: only an earlier import may be replaced, as a correction.
  const wasImported = db
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.reportId, existing.id), sql`${publications.importedFrom} is not null`))
    .get();
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, input.departmentId)).get();
  if (!wasImported || existing.status !== 'published') {
    throw new AppError('CONFLICT', `${dept?.name ?? ''}${input.year}年度的报告已在平台中填报（报告编号 ${existing.id}），不能用导入覆盖`);
  }
  if (!input.reason) throw new AppError('BAD_REQUEST', `${dept?.name ?? ''}${input.year}年度已有导入的报告：重新导入即为更正，请填写更正原因`);
  return db.transaction((tx) => {
    const version = existing.version + 1;
    tx.update(reports).set({ content: parsed.content, version, updatedAt: new Date() }).where(eq(reports.id, existing.id)).run();
    writePublication(tx, actor, existing.id, input.reason!);
    // The new publication is read from the new source: it carries that source's marks.
    storeImportSource(db, tx, { sha256: file.sha256, uploadedBy: actor.id, ...source });
    const latest = tx.select({ id: publications.id }).from(publications).where(eq(publications.reportId, existing.id)).orderBy(desc(publications.id)).get()!;
    const marks = provenanceColumns(actor.id, { sourceFile: shownFile, sourceSha256: file.sha256, originalPublishedAt: publishedDate }, new Date());
    tx.update(publications).set(marks).where(eq(publications.id, latest.id)).run();
    tx.insert(reportEvents)
      .values({
        reportId: existing.id,
        userId: actor.id,
        role: actor.role,
        action: IMPORT_EVENT,
        fromStatus: 'published',
        toStatus: 'published',
        version,
        comment: `${importComment(shownFile, file.sha256)}；更正：${input.reason}`,
      })
      .run();
    recordAudit(tx as unknown as Db, {
      userId: actor.id,
      username: actor.username,
      role: actor.role,
      ip: currentRequestIp(),
      outcome: 'success',
      action: IMPORT_AUDIT_ACTION,
      target: `report:${existing.id}`,
      detail: JSON.stringify({ department: dept?.name, year: input.year, file: shownFile, sha256: file.sha256, correction: input.reason, unplaced }),
    });
    return { reportId: existing.id, publicationId: latest.id as number | null, departmentName: dept?.name ?? '', year: input.year, corrected: true };
  });
}

/**
 * 从 Word 文件导入 (the clerk's own draft): read the DOCX and answer what it holds; nothing is
 * stored — the editor merges it into the form and saves as usual. Another department's report
 * answers NOT_FOUND.
 */
export async function readWordForDraft(db: Db, actor: SessionUser, input: { id: number; name: string; file: string }, now: Date = new Date()) {
  const report = loadScopedReport(db, actor, input.id);
  // Nothing is stored here, but what it reads could only go into a locked draft: say so now.
  assertNotLocked(db, report, now);
  if (!/\.(docx|doc|wps)$/i.test(input.name)) throw new AppError('BAD_REQUEST', '请选择 Word 文件（.docx）');
  const bytes = decodeUpload(input.file);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('BAD_REQUEST', `文件过大（上限 ${MB} MB）`);
  const parsed = await readOne({ name: input.name, entry: null, bytes, sha256: '' });
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.error);
  const figures = Object.keys(parsed.sources).filter((k) => FIGURE_BY_KEY.get(k) && !FIGURE_BY_KEY.get(k)!.computed);
  return {
    reportYear: report.year,
    year: parsed.year,
    body: parsed.body,
    content: parsed.content,
    figures,
    unplaced: parsed.unplaced,
    notes: parsed.notes,
  };
}

/**
 * The body's report of the year before the one being imported, for the preview's cross-year rules
 * (7 上年结转, 10 与上年比较, 12 现行有效件数): the same report the checker uses on submission.
 */
export function importPrevious(db: Db, input: { departmentId: number; year: number }) {
  const dept = db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).get();
  if (!dept) throw new AppError('NOT_FOUND', '未找到该部门');
  const prev = previousYearReport(db, input.departmentId, input.year);
  return prev ? { year: prev.year, content: prev.content } : null;
}
