import {
  and,
  asc,
  departments,
  desc,
  eq,
  inArray,
  publications,
  reportEvents,
  reports,
  reportVersions,
  reviewComments,
  reportingYears,
  users,
  type Db,
} from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { STATUS_LABELS, type ReportStatus } from '@ccgov/report';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { checkStoredReport } from './check';
import { previousYearReport, readSettings } from './context';
import { loadScopedReport, signoffsOf, submittedVersion, transition } from './workflow';

export const reviewCommentInput = z.strictObject({
  target: z.string().min(1).max(100),
  body: z.string().trim().min(1, { error: '意见不能为空' }).max(1000, { error: '意见不能超过1000字' }),
});

export const returnInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  comments: z.array(reviewCommentInput).min(1, { error: '退回修改至少需要一条意见' }).max(100),
  summary: z.string().max(1000).optional(),
});

export const queueInput = z.strictObject({
  year: z.number().int().optional(),
  status: z.enum(['draft', 'submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn', 'not_started']).optional(),
  departmentId: z.number().int().optional(),
  search: z.string().max(50).optional(),
});

export function currentYear(db: Db): number {
  const open = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(desc(reportingYears.year)).get();
  const any = open ?? db.select().from(reportingYears).orderBy(desc(reportingYears.year)).get();
  return any?.year ?? new Date().getFullYear();
}

/** All reports of a year with status counts and the departments that have not started. */
export function reviewQueue(db: Db, input: z.infer<typeof queueInput>) {
  const year = input.year ?? currentYear(db);
  const yearRow = db.select().from(reportingYears).where(eq(reportingYears.year, year)).get();
  const depts = db.select().from(departments).where(eq(departments.active, true)).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
  const rows = db.select().from(reports).where(eq(reports.year, year)).all();
  const byDept = new Map(rows.map((r) => [r.departmentId, r]));
  const deadline = yearRow?.legalDeadline ?? `${year + 1}-01-31`;
  const daysToDeadline = Math.ceil((Date.parse(`${deadline}T23:59:59+08:00`) - Date.now()) / 86_400_000);
  const counts: Record<string, number> = {};
  const items = depts.map((d) => {
    const r = byDept.get(d.id);
    const status = (r?.status ?? 'not_started') as ReportStatus | 'not_started';
    counts[status] = (counts[status] ?? 0) + 1;
    const warnings = r && r.status !== 'draft' ? checkStoredReport(db, r).warnings.length : null;
    return {
      departmentId: d.id,
      departmentName: d.name,
      departmentKind: d.kind,
      reportId: r?.id ?? null,
      status,
      statusLabel: status === 'not_started' ? '未提交' : STATUS_LABELS[status],
      submittedAt: r?.submittedAt ?? null,
      updatedAt: r?.updatedAt ?? null,
      warnings,
    };
  });
  const filtered = items.filter(
    (i) =>
      (!input.status || i.status === input.status) &&
      (!input.departmentId || i.departmentId === input.departmentId) &&
      (!input.search || i.departmentName.includes(input.search.trim())),
  );
  return { year, deadline, daysToDeadline, counts, items: filtered, notStarted: items.filter((i) => i.status === 'not_started') };
}

/** One report as the reviewer needs it: content, checks, 说明, previous year, history, comments. */
export function reviewDetail(db: Db, actor: SessionUser, id: number) {
  const report = loadScopedReport(db, actor, id);
  // A draft is the department's work in progress; the bureau sees a report once it was submitted.
  if (report.status === 'draft' && actor.role !== 'department') throw notFound();
  const dept = db.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const events = db
    .select({
      id: reportEvents.id,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      comment: reportEvents.comment,
      role: reportEvents.role,
      version: reportEvents.version,
      createdAt: reportEvents.createdAt,
      userName: users.displayName,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.userId))
    .where(eq(reportEvents.reportId, report.id))
    .orderBy(asc(reportEvents.id))
    .all();
  const comments = db
    .select({ id: reviewComments.id, target: reviewComments.target, body: reviewComments.body, version: reviewComments.version, createdAt: reviewComments.createdAt, userName: users.displayName })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.reportId, report.id))
    .orderBy(asc(reviewComments.id))
    .all();
  const versions = db
    .select({ version: reportVersions.version, content: reportVersions.content, createdAt: reportVersions.createdAt })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(asc(reportVersions.version))
    .all();
  // For a resubmission: the snapshot the reviewer last returned, to diff against the current one.
  const lastReturn = [...events].reverse().find((e) => e.action === 'return');
  const returnedSnapshot = lastReturn ? [...versions].reverse().find((v) => v.version <= (lastReturn.version ?? 0)) ?? null : null;
  const sv = submittedVersion(db, report.id);
  const settings = readSettings(db);
  return {
    report,
    department: { id: dept.id, name: dept.name, kind: dept.kind },
    check: checkStoredReport(db, report),
    previous: previousYearReport(db, report.departmentId, report.year),
    events,
    comments,
    returnedSnapshot,
    signoffs: sv == null ? [] : signoffsOf(db, report.id, sv),
    requiredSignoffs: settings.requiredSignoffs,
  };
}

export function signoffReport(db: Db, actor: SessionUser, input: { id: number; version: number; comment?: string }) {
  return transition(db, actor, { reportId: input.id, action: 'signoff', version: input.version, comment: input.comment ?? null });
}

export function returnReport(db: Db, actor: SessionUser, input: z.infer<typeof returnInput>) {
  const summary = input.summary?.trim() || input.comments.map((c) => c.body).join('；').slice(0, 1000);
  return transition(db, actor, { reportId: input.id, action: 'return', version: input.version, comment: summary }, (tx, report) => {
    const sv = submittedVersion(tx, report.id) ?? report.version;
    for (const c of input.comments) {
      tx.insert(reviewComments).values({ reportId: report.id, version: sv, target: c.target, body: c.body, userId: actor.id }).run();
    }
  });
}

/** Freeze the current content as the public version; the previous public version is kept, not current. */
function writePublication(tx: Parameters<Parameters<Db['transaction']>[0]>[0], actor: SessionUser, reportId: number, correctionNote: string | null) {
  const report = tx.select().from(reports).where(eq(reports.id, reportId)).get()!;
  const dept = tx.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const prior = tx
    .select()
    .from(publications)
    .where(eq(publications.reportId, reportId))
    .orderBy(desc(publications.id))
    .get();
  tx.update(publications).set({ current: false }).where(eq(publications.reportId, reportId)).run();
  tx.insert(publications)
    .values({
      reportId,
      departmentId: dept.id,
      departmentName: dept.name,
      departmentKind: dept.kind,
      year: report.year,
      content: report.content,
      publishedAt: new Date(),
      publishedBy: actor.id,
      correctionNote,
      supersedesId: prior?.id ?? null,
      current: true,
    })
    .run();
}

export function publishReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  const r = transition(db, actor, { reportId: input.id, action: 'publish', version: input.version }, (tx, report) => {
    const reopen = tx
      .select({ comment: reportEvents.comment, createdAt: reportEvents.createdAt })
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, report.id), eq(reportEvents.action, 'reopen')))
      .orderBy(desc(reportEvents.id))
      .get();
    const hadPublication = tx.select({ id: publications.id }).from(publications).where(eq(publications.reportId, report.id)).get();
    writePublication(tx, actor, report.id, hadPublication && reopen ? reopen.comment : null);
  });
  return r;
}

/** Publish every approved report of a year in one action (one transaction per report, all or each reported). */
export function publishAllApproved(db: Db, actor: SessionUser, input: { year: number }) {
  const approved = db.select({ id: reports.id, version: reports.version }).from(reports).where(and(eq(reports.year, input.year), eq(reports.status, 'approved'))).all();
  return db.transaction(() => {
    const published: number[] = [];
    for (const r of approved) {
      publishReport(db, actor, r);
      published.push(r.id);
    }
    return { published: published.length };
  });
}

export const reasonInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, { error: '请填写原因' }).max(1000, { error: '原因不能超过1000字' }),
});

export function reopenForCorrection(db: Db, actor: SessionUser, input: z.infer<typeof reasonInput>) {
  return transition(db, actor, { reportId: input.id, action: 'reopen', version: input.version, comment: input.reason });
}

export function unpublishReport(db: Db, actor: SessionUser, input: z.infer<typeof reasonInput>) {
  return transition(db, actor, { reportId: input.id, action: 'unpublish', version: input.version, comment: input.reason }, (tx, report) => {
    tx.update(publications).set({ current: false, withdrawnAt: new Date() }).where(eq(publications.reportId, report.id)).run();
  });
}

export function republishReport(db: Db, actor: SessionUser, input: { id: number; version: number }) {
  return transition(db, actor, { reportId: input.id, action: 'republish', version: input.version }, (tx, report) => {
    writePublication(tx, actor, report.id, null);
  });
}

export { inArray, notFound, AppError };
