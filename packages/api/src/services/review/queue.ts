import { and, asc, departments, desc, eq, inArray, reportEvents, reportingYears, reports, signoffs, sql, users, type Db } from '@ccgov/db';
import { NOT_STARTED_LABEL, STATUS_LABELS, checkReport, chinaToday, daysUntil, defaultLegalDeadline, signoffStepLabel, type ReportStatus } from '@ccgov/report';
import { deadlineState } from '@ccgov/report';
import { z } from 'zod';
import { extensionsOfYear } from '../deadlines';
import { loadSensitiveWords, readSettings } from '../context';

/**
 * Filter values of the queue: a status, 未提交 (no report yet, or a draft the bureau cannot see),
 * or the sign-off a report under review waits for: 待初审 (none yet) / 待终审 (only the last one missing).
 */
export const QUEUE_STATUSES = ['submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn', 'not_submitted', 'awaiting_first', 'awaiting_final'] as const;
export type QueueStatus = ReportStatus | 'not_started';

/**
 * The queue's order: what the bureau acts on first. 待审核 and 审核中 (a sign-off is due), then
 * 已通过 (the publisher's 发布), then what waits for the department (已退回, 未提交), then 已撤销
 * and 已发布. Within a group the oldest submission comes first, then the departments' own order.
 */
export const QUEUE_ORDER: readonly QueueStatus[] = ['submitted', 'in_review', 'approved', 'returned', 'draft', 'not_started', 'withdrawn', 'published'];
const rank = (s: QueueStatus) => QUEUE_ORDER.indexOf(s);

export const queueInput = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  status: z.enum(QUEUE_STATUSES).optional(),
  departmentId: z.number().int().positive().optional(),
  search: z.string().max(50, { error: '搜索词不能超过50字' }).optional(),
});

export function currentYear(db: Db): number {
  const open = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(desc(reportingYears.year)).get();
  const any = open ?? db.select().from(reportingYears).orderBy(desc(reportingYears.year)).get();
  return any?.year ?? new Date().getFullYear();
}

const notSubmitted = (s: QueueStatus) => s === 'not_started' || s === 'draft';

/**
 * All reports of a year with status counts and the departments that have not submitted. A draft
 * is the department's own work in progress: the bureau sees only that it is not submitted yet.
 */
export function reviewQueue(db: Db, input: z.infer<typeof queueInput>) {
  const year = input.year ?? currentYear(db);
  const years = db.select({ year: reportingYears.year, open: reportingYears.open }).from(reportingYears).orderBy(desc(reportingYears.year)).all();
  const yearRow = db.select().from(reportingYears).where(eq(reportingYears.year, year)).get();
  const depts = db.select().from(departments).where(eq(departments.active, true)).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
  const rows = db.select().from(reports).where(eq(reports.year, year)).all();
  const byDept = new Map(rows.map((r) => [r.departmentId, r]));
  const { requiredSignoffs } = readSettings(db);
  const signoffsByReport = currentSignoffs(db, year);
  // The same reading of the deadline as the clerk's (packages/report deadlines.ts): the days left
  // to the internal deadline (else the legal one), with the legal date shown beside it.
  const yearDeadlines = yearRow ?? { legalDeadline: defaultLegalDeadline(year), internalDeadline: null };
  const deadlineNow = deadlineState(yearDeadlines, chinaToday());
  const deadline = deadlineNow.deadline;
  const daysToDeadline = deadlineNow.daysLeft;
  // A body's extension (延期) moves its own date: its row counts to it, as its clerk's page does.
  const extensions = extensionsOfYear(db, year);
  const sentBack = new Set(
    rows.length === 0
      ? []
      : db
          .select({ reportId: reportEvents.reportId })
          .from(reportEvents)
          .where(and(inArray(reportEvents.reportId, rows.map((r) => r.id)), inArray(reportEvents.action, ['return', 'reopen'])))
          .all()
          .map((e) => e.reportId),
  );

  // The checker runs for every report on the page: read its shared inputs once, not per report.
  const sensitiveWords = loadSensitiveWords(db);
  const previousByDept = new Map(
    db
      .select({ departmentId: reports.departmentId, content: reports.content })
      .from(reports)
      .where(eq(reports.year, year - 1))
      .all()
      .map((p) => [p.departmentId, p.content]),
  );
  const warningsOf = (r: (typeof rows)[number], body: string) => {
    const prev = previousByDept.get(r.departmentId);
    return checkReport({ year, body, content: r.content, previous: prev ? { year: year - 1, content: prev } : null, sensitiveWords }).warnings.length;
  };

  const deptOrder = new Map(depts.map((d, i) => [d.id, i]));
  const counts: Record<string, number> = {};
  const items = depts.map((d) => {
    const r = byDept.get(d.id);
    const status: QueueStatus = r?.status ?? 'not_started';
    counts[status] = (counts[status] ?? 0) + 1;
    if (notSubmitted(status)) counts.not_submitted = (counts.not_submitted ?? 0) + 1;
    const visible = r && r.status !== 'draft';
    const done = visible && SIGNED_STATUSES.has(status) ? (signoffsByReport.get(r.id) ?? []) : [];
    // The sign-off due next, while a report is under review: 1 = 初审, requiredSignoffs = 终审.
    const nextStep = visible && (status === 'submitted' || status === 'in_review') && done.length < requiredSignoffs ? done.length + 1 : null;
    return {
      departmentId: d.id,
      departmentName: d.name,
      departmentKind: d.kind,
      reportId: visible ? r.id : null,
      status,
      statusLabel: status === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[status],
      submittedAt: visible ? r.submittedAt : null,
      /** Submitted again after a return or a correction: the reviewer will want the changes. */
      resubmitted: visible ? sentBack.has(r.id) && (r.status === 'submitted' || r.status === 'in_review' || r.status === 'approved') : false,
      warnings: visible ? warningsOf(r, d.name) : null,
      /** Sign-offs on the version under review (or the one approved and published), in step order. */
      signoffs: done.map((s) => ({ step: s.step, label: signoffStepLabel(s.step, requiredSignoffs), userName: s.userName, at: s.createdAt })),
      nextStep,
      nextStepLabel: nextStep == null ? null : signoffStepLabel(nextStep, requiredSignoffs),
      extendedUntil: extensions.get(d.id)?.until ?? null,
      daysLeft: extensions.has(d.id) ? deadlineState(yearDeadlines, chinaToday(), extensions.get(d.id)!.until).daysLeft : daysToDeadline,
    };
  });
  const awaiting = (i: (typeof items)[number], which: 'awaiting_first' | 'awaiting_final') =>
    i.nextStep != null && requiredSignoffs > 1 && i.nextStep === (which === 'awaiting_first' ? 1 : requiredSignoffs);
  if (requiredSignoffs > 1) {
    counts.awaiting_first = items.filter((i) => awaiting(i, 'awaiting_first')).length;
    counts.awaiting_final = items.filter((i) => awaiting(i, 'awaiting_final')).length;
  }
  const matchesStatus = (i: (typeof items)[number]) => {
    if (!input.status) return true;
    if (input.status === 'not_submitted') return notSubmitted(i.status);
    if (input.status === 'awaiting_first' || input.status === 'awaiting_final') return awaiting(i, input.status);
    return i.status === input.status;
  };
  const submittedTime = (i: (typeof items)[number]) => i.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  items.sort((a, b) => rank(a.status) - rank(b.status) || submittedTime(a) - submittedTime(b));
  const search = input.search?.trim();
  const filtered = items.filter(
    (i) =>
      matchesStatus(i) &&
      (!input.departmentId || i.departmentId === input.departmentId) &&
      (!search || i.departmentName.includes(search)),
  );
  return {
    year,
    years,
    deadline,
    internalDeadline: yearRow?.internalDeadline ?? null,
    legalDeadline: deadlineNow.legalDeadline,
    daysToDeadline,
    counts,
    requiredSignoffs,
    /** The sign-off filters' names (待初审 / 待终审), or null with a single level of review. */
    stepFilters: requiredSignoffs > 1 ? { awaiting_first: `待${signoffStepLabel(1, requiredSignoffs)}`, awaiting_final: `待${signoffStepLabel(requiredSignoffs, requiredSignoffs)}` } : null,
    total: items.length,
    items: filtered,
    departments: depts.map((d) => ({ id: d.id, name: d.name })),
    notSubmitted: [...items].sort((a, b) => deptOrder.get(a.departmentId)! - deptOrder.get(b.departmentId)!).filter((i) => notSubmitted(i.status)).map((i) => ({ departmentId: i.departmentId, departmentName: i.departmentName, started: i.status === 'draft' })),
    /** What 全部发布 would publish now. */
    approved: items.filter((i) => i.status === 'approved').map((i) => i.departmentName),
  };
}

/** Statuses whose current version carries sign-offs worth showing. */
const SIGNED_STATUSES = new Set<QueueStatus>(['submitted', 'in_review', 'approved', 'published']);

/**
 * Every sign-off of the year's reports on their latest submitted version, with the signer's name:
 * one query for the whole queue (the version under review is the highest in report_versions).
 */
function currentSignoffs(db: Db, year: number) {
  const rows = db
    .select({ reportId: signoffs.reportId, step: signoffs.step, createdAt: signoffs.createdAt, userName: users.displayName })
    .from(signoffs)
    .innerJoin(reports, eq(reports.id, signoffs.reportId))
    .innerJoin(users, eq(users.id, signoffs.userId))
    .where(
      and(
        eq(reports.year, year),
        sql`${signoffs.version} = (select max(rv.version) from report_versions rv where rv.report_id = ${signoffs.reportId})`,
      ),
    )
    .orderBy(asc(signoffs.reportId), asc(signoffs.step))
    .all();
  const byReport = new Map<number, typeof rows>();
  for (const r of rows) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), r]);
  return byReport;
}
