import { and, asc, departments, desc, eq, inArray, reportEvents, reportingYears, reports, type Db } from '@ccgov/db';
import { NOT_STARTED_LABEL, STATUS_LABELS, checkReport, chinaToday, daysUntil, defaultLegalDeadline, type ReportStatus } from '@ccgov/report';
import { z } from 'zod';
import { loadSensitiveWords } from '../context';

/** Filter values of the queue: a status, or 未提交 (no report yet, or a draft the bureau cannot see). */
export const QUEUE_STATUSES = ['submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn', 'not_submitted'] as const;
export type QueueStatus = ReportStatus | 'not_started';

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
  const deadline = yearRow?.legalDeadline ?? defaultLegalDeadline(year);
  const daysToDeadline = daysUntil(chinaToday(), deadline);
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

  const counts: Record<string, number> = {};
  const items = depts.map((d) => {
    const r = byDept.get(d.id);
    const status: QueueStatus = r?.status ?? 'not_started';
    counts[status] = (counts[status] ?? 0) + 1;
    if (notSubmitted(status)) counts.not_submitted = (counts.not_submitted ?? 0) + 1;
    const visible = r && r.status !== 'draft';
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
    };
  });
  const search = input.search?.trim();
  const filtered = items.filter(
    (i) =>
      (!input.status || (input.status === 'not_submitted' ? notSubmitted(i.status) : i.status === input.status)) &&
      (!input.departmentId || i.departmentId === input.departmentId) &&
      (!search || i.departmentName.includes(search)),
  );
  return {
    year,
    years,
    deadline,
    internalDeadline: yearRow?.internalDeadline ?? null,
    daysToDeadline,
    counts,
    total: items.length,
    items: filtered,
    departments: depts.map((d) => ({ id: d.id, name: d.name })),
    notSubmitted: items.filter((i) => notSubmitted(i.status)).map((i) => ({ departmentId: i.departmentId, departmentName: i.departmentName, started: i.status === 'draft' })),
    /** What 全部发布 would publish now. */
    approved: items.filter((i) => i.status === 'approved').map((i) => i.departmentName),
  };
}
