import { and, asc, departments, eq, reportingYears, reports, reviewComments, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import {
  emptyContent,
  isEditableByDepartment,
  reportContentSchema,
  standardOpening,
  type ReportContent,
} from '@ccgov/report';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { checkStoredReport } from './check';
import { previousYearReport } from './context';
import { insertEvent, loadScopedReport, transition } from './workflow';

const explanationsSchema = z
  .record(z.string().max(200), z.string().max(500, { error: '说明不能超过500字' }))
  .refine((r) => Object.keys(r).length <= 200, { error: '说明条目过多' });

export const saveDraftInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  content: reportContentSchema,
  explanations: explanationsSchema.optional(),
});

export const createReportInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** Also copy last year's text sections as a starting point. */
  copyText: z.boolean().default(false),
});

/** The department's reports by year, plus open years it has not started. */
export function listOwnReports(db: Db, actor: SessionUser & { departmentId: number }) {
  const rows = db
    .select({ id: reports.id, year: reports.year, status: reports.status, updatedAt: reports.updatedAt, submittedAt: reports.submittedAt, version: reports.version })
    .from(reports)
    .where(eq(reports.departmentId, actor.departmentId))
    .orderBy(asc(reports.year))
    .all()
    .reverse();
  const years = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(asc(reportingYears.year)).all();
  const notStarted = years.filter((y) => !rows.some((r) => r.year === y.year));
  return { reports: rows, openYears: years, notStarted };
}

export function getOwnReport(db: Db, actor: SessionUser, id: number) {
  const report = loadScopedReport(db, actor, id);
  const dept = db.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const previous = previousYearReport(db, report.departmentId, report.year);
  const comments = db
    .select()
    .from(reviewComments)
    .where(eq(reviewComments.reportId, report.id))
    .all();
  return {
    report,
    department: { id: dept.id, name: dept.name, kind: dept.kind },
    previous,
    comments,
    check: checkStoredReport(db, report),
  };
}

/** Prefill a new report from last year's: carry-over, baseline counts, contact, optionally text. */
export function prefillFromPrevious(year: number, body: string, previous: ReportContent | null, copyText: boolean): ReportContent {
  const content = emptyContent();
  if (previous) {
    content.requests.carriedIn = [...previous.requests.carriedOver];
    content.proactive.rules.inForce = previous.proactive.rules.inForce;
    content.proactive.normativeDocs.inForce = previous.proactive.normativeDocs.inForce;
    content.contact = { ...previous.contact };
    if (copyText) {
      content.overview = { ...previous.overview };
      content.problems = previous.problems;
      content.other = previous.other;
    }
  } else {
    content.contact.unit = body;
  }
  content.opening = standardOpening({ year, body, contact: content.contact });
  return content;
}

export function createReport(db: Db, actor: SessionUser & { departmentId: number }, input: z.infer<typeof createReportInput>) {
  return db.transaction((tx) => {
    const year = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!year || !year.open) throw new AppError('BAD_REQUEST', `${input.year}年度未开放填报`);
    const existing = tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.departmentId, actor.departmentId), eq(reports.year, input.year)))
      .get();
    if (existing) return { id: existing.id, created: false };
    const dept = tx.select().from(departments).where(eq(departments.id, actor.departmentId)).get()!;
    const prev = previousYearReport(tx as unknown as Db, actor.departmentId, input.year);
    const content = prefillFromPrevious(input.year, dept.name, prev?.content ?? null, input.copyText);
    const row = tx
      .insert(reports)
      .values({ departmentId: actor.departmentId, year: input.year, status: 'draft', content })
      .returning({ id: reports.id })
      .get();
    insertEvent(tx, { reportId: row.id, actor, action: 'create', from: null, to: 'draft', version: 1 });
    return { id: row.id, created: true };
  });
}

/** Save a draft under optimistic locking: the write names the version it read. */
export function saveDraft(db: Db, actor: SessionUser, input: z.infer<typeof saveDraftInput>) {
  const result = db.transaction((tx) => {
    const report = loadScopedReport(tx, actor, input.id);
    if (!isEditableByDepartment(report.status)) {
      throw new AppError('BAD_REQUEST', '报告已提交或已发布，当前不能修改');
    }
    if (report.version !== input.version) {
      throw new AppError('CONFLICT', '报告已在别处（其他窗口或同事）修改，本次保存未生效。您输入的内容仍保留在页面上，请复制后刷新页面再合并。', {
        version: report.version,
      });
    }
    const next = report.version + 1;
    tx.update(reports)
      .set({
        content: input.content,
        explanations: input.explanations ?? report.explanations,
        version: next,
        updatedAt: new Date(),
      })
      .where(eq(reports.id, report.id))
      .run();
    return { ...report, content: input.content, version: next };
  });
  return { version: result.version, check: checkStoredReport(db, result) };
}

export function submitReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  // Idempotent: a retry or double click on a report already submitted at that version succeeds quietly.
  const current = loadScopedReport(db, actor, input.id);
  if (current.status === 'submitted' && current.version === input.version + 1) {
    return { status: current.status, version: current.version, alreadySubmitted: true };
  }
  const check = checkStoredReport(db, current);
  if (check.errors.length > 0) {
    throw new AppError('BAD_REQUEST', `报告还有${check.errors.length}处错误，不能提交：${check.errors.slice(0, 3).map((e) => e.message).join('；')}`, {
      errors: check.errors,
    });
  }
  const r = transition(db, actor, { reportId: input.id, action: 'submit', version: input.version });
  return { ...r, alreadySubmitted: false };
}

export function recallReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  return transition(db, actor, { reportId: input.id, action: 'recall', version: input.version });
}

export { notFound };
