/**
 * 历史导入: a report that was published before the portal existed becomes that body's published
 * report for that year. One transaction writes the report (status published), its publication,
 * a report event `imported` naming the source file and its SHA-256, and an audit line.
 *
 * The existing tables carry it; the marks the issue asks for beyond that (a 历史导入 flag on the
 * publication, the original file for download, imported_at/by as columns) need schema columns
 * that are not there yet, so the source is kept in the event's comment and the audit detail.
 */
import { createHash } from 'node:crypto';
import { and, departments, eq, publications, reportEvents, reports, type Db } from '@ccgov/db';
import { reportContentSchema, type ReportContent } from '@ccgov/report';
import { AppError } from '../errors';
// The audit writer without the rest of @ccgov/auth (next-auth), so the command line can load this.
import { recordAudit } from '@ccgov/auth/audit';
import type { Actor } from './audit-trail';
import { storeImportSource } from './import-files';
export { mimeOf } from './import-files';

export const IMPORT_EVENT = 'imported';
export const IMPORT_AUDIT_ACTION = 'report.import';

export type HistoryImportInput = {
  departmentId: number;
  year: number;
  content: ReportContent;
  /** The file the report was read from (name as given) and the SHA-256 of its bytes (hex). */
  sourceFile: string;
  sourceSha256: string;
  /** The original bytes (or pasted text) and the text the figures were read from, kept for download and the source view. */
  source: { bytes: Uint8Array | string; fileName: string; mime: string; text: string };
  /** The original publication date (YYYY-MM-DD) when known; the publication's date is then that day, else the moment of the import. */
  originalPublishedAt?: string | null;
  /** Figures the importer could not place (left blank): recorded with the import. */
  unplaced?: string[];
};

export type HistoryImportResult = { reportId: number; publicationId: number; departmentName: string; year: number };

/** The comment of the `imported` event: 历史导入 with the source file and its hash. */
export function importComment(file: string, sha256: string): string {
  return `历史导入：${file}（SHA-256 ${sha256}）`;
}

/** 原发布日期 as the moment the publication is dated with (midnight, China time). */
export function originalDate(date: string | null | undefined): Date | null {
  if (!date) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new AppError('BAD_REQUEST', '发布日期应为“年-月-日”，如 2025-01-20');
  const d = new Date(`${date}T00:00:00+08:00`);
  // 2023-02-30 parses as 3 March: the day must read back as typed.
  if (Number.isNaN(d.getTime()) || new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) !== date) {
    throw new AppError('BAD_REQUEST', `发布日期“${date}”无效`);
  }
  return d;
}

/** The 历史导入 columns of a publication read from this source. */
export function provenanceColumns(actorId: number, input: Pick<HistoryImportInput, 'sourceFile' | 'sourceSha256' | 'originalPublishedAt'>, now: Date) {
  return {
    importedFrom: input.sourceFile,
    importedSha256: input.sourceSha256,
    importedAt: now,
    importedBy: actorId,
    originalPublishedAt: input.originalPublishedAt ?? null,
  };
}

export function importPublishedReport(db: Db, actor: Actor, input: HistoryImportInput): HistoryImportResult {
  if (actor.user.role !== 'admin' && actor.user.role !== 'reviewer' && actor.user.role !== 'publisher') {
    throw new AppError('FORBIDDEN', '只有数据局的账号可以导入历史报告');
  }
  if (!Number.isInteger(input.year) || input.year < 2021 || input.year > new Date().getFullYear()) {
    throw new AppError('BAD_REQUEST', `报告年度“${input.year}”无效：只能导入2021年度及以后、已经结束的年度`);
  }
  const parsed = reportContentSchema.safeParse(input.content);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `报告内容不符合格式：${parsed.error.issues[0]?.message ?? ''}`);
  if (!/^[0-9a-f]{64}$/.test(input.sourceSha256)) throw new AppError('BAD_REQUEST', '来源文件的校验值无效');
  if (createHash('sha256').update(input.source.bytes).digest('hex') !== input.sourceSha256) throw new AppError('BAD_REQUEST', '来源文件的校验值与文件内容不符');
  const publishedAt = originalDate(input.originalPublishedAt);

  return db.transaction((tx) => {
    const dept = tx.select().from(departments).where(eq(departments.id, input.departmentId)).get();
    if (!dept || !dept.active) throw new AppError('NOT_FOUND', '未找到该部门（或已停用）');
    const existing = tx
      .select({ id: reports.id, status: reports.status })
      .from(reports)
      .where(and(eq(reports.departmentId, dept.id), eq(reports.year, input.year)))
      .get();
    if (existing) throw new AppError('CONFLICT', `${dept.name}${input.year}年度的报告已在平台中（报告编号 ${existing.id}），未导入`);

    const now = new Date();
    storeImportSource(db, tx, { sha256: input.sourceSha256, uploadedBy: actor.user.id, ...input.source });
    const report = tx
      .insert(reports)
      .values({ departmentId: dept.id, year: input.year, status: 'published', content: parsed.data, submittedAt: null, updatedAt: now })
      .returning({ id: reports.id })
      .get();
    const publication = tx
      .insert(publications)
      .values({
        reportId: report.id,
        departmentId: dept.id,
        departmentName: dept.name,
        departmentKind: dept.kind,
        year: input.year,
        content: parsed.data,
        publishedAt: publishedAt ?? now,
        publishedBy: actor.user.id,
        correctionNote: null,
        supersedesId: null,
        current: true,
        // An imported report was written off the portal: it carries no 说明.
        explanations: {},
        ...provenanceColumns(actor.user.id, input, now),
      })
      .returning({ id: publications.id })
      .get();
    tx.insert(reportEvents)
      .values({
        reportId: report.id,
        userId: actor.user.id,
        role: actor.user.role,
        action: IMPORT_EVENT,
        fromStatus: null,
        toStatus: 'published',
        version: 1,
        comment: importComment(input.sourceFile, input.sourceSha256),
      })
      .run();
    recordAudit(tx as unknown as Db, {
      userId: actor.user.id,
      username: actor.user.username,
      role: actor.user.role,
      ip: actor.ip,
      outcome: 'success',
      action: IMPORT_AUDIT_ACTION,
      target: `report:${report.id}`,
      detail: JSON.stringify({
        department: dept.name,
        year: input.year,
        file: input.sourceFile,
        sha256: input.sourceSha256,
        publicationId: publication.id,
        publishedAt: (publishedAt ?? now).toISOString(),
        originalPublishedAt: input.originalPublishedAt ?? null,
        unplaced: input.unplaced ?? [],
      }),
    });
    return { reportId: report.id, publicationId: publication.id, departmentName: dept.name, year: input.year };
  });
}
