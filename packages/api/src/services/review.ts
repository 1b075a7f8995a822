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
  signoffs,
  users,
  type Db,
} from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import {
  NOT_STARTED_LABEL,
  STATUS_LABELS,
  availableActions,
  checkReport,
  commentTargetLabel,
  compareWithPrevious,
  diffContent,
  isCommentTarget,
  signoffStepLabel,
  type ReportContent,
  type ReportStatus,
} from '@ccgov/report';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { checkStoredReport } from './check';
import { loadSensitiveWords, previousYearReport, readSettings } from './context';
import { loadScopedReport, submittedVersion, transition } from './workflow';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const reviewCommentInput = z.strictObject({
  target: z
    .string()
    .max(100)
    .refine(isCommentTarget, { error: '意见所指的位置无效，请在报告中重新选择单元格、行或章节' }),
  body: z.string().trim().min(1, { error: '意见不能为空' }).max(1000, { error: '意见不能超过1000字' }),
});

export const returnInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  comments: z.array(reviewCommentInput).min(1, { error: '退回修改至少需要一条意见' }).max(100, { error: '一次最多100条意见' }),
  summary: z.string().max(1000, { error: '退回说明不能超过1000字' }).optional(),
});

/** Filter values of the queue: a status, or 未提交 (no report yet, or a draft the bureau cannot see). */
export const QUEUE_STATUSES = ['submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn', 'not_submitted'] as const;
export type QueueStatus = ReportStatus | 'not_started';

export const queueInput = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  status: z.enum(QUEUE_STATUSES).optional(),
  departmentId: z.number().int().positive().optional(),
  search: z.string().max(50, { error: '搜索词不能超过50字' }).optional(),
});

const CHINA_DAY_MS = 86_400_000;

/** Whole days from now to the end of a China calendar date (negative once it has passed). */
export function daysUntil(isoDate: string, now = Date.now()): number {
  return Math.ceil((Date.parse(`${isoDate}T23:59:59.999+08:00`) - now) / CHINA_DAY_MS) - 1;
}

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
  const deadline = yearRow?.legalDeadline ?? `${year + 1}-01-31`;
  const daysToDeadline = daysUntil(deadline);
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

function signoffsWithNames(db: Db | Tx, reportId: number, version: number, required: number) {
  return db
    .select({ step: signoffs.step, role: signoffs.role, createdAt: signoffs.createdAt, userId: signoffs.userId, userName: users.displayName })
    .from(signoffs)
    .innerJoin(users, eq(users.id, signoffs.userId))
    .where(and(eq(signoffs.reportId, reportId), eq(signoffs.version, version)))
    .orderBy(asc(signoffs.step))
    .all()
    .map((s) => ({ ...s, label: signoffStepLabel(s.step, required) }));
}

/** One report as the reviewer needs it: content, checks, 说明, previous year, changes, history, comments. */
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
    .select({
      id: reviewComments.id,
      target: reviewComments.target,
      body: reviewComments.body,
      version: reviewComments.version,
      resolved: reviewComments.resolved,
      createdAt: reviewComments.createdAt,
      userName: users.displayName,
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.reportId, report.id))
    .orderBy(asc(reviewComments.id))
    .all()
    .map((c) => ({ ...c, targetLabel: commentTargetLabel(c.target) }));
  const versions = db
    .select({ version: reportVersions.version, content: reportVersions.content, createdAt: reportVersions.createdAt })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(asc(reportVersions.version))
    .all();
  const latest = versions.at(-1) ?? null;

  // The last time the bureau sent the report back (退回修改, or 更正 of a published one), and the
  // submitted version it sent back: a resubmission is compared with that, cell by cell.
  const lastSentBack = [...events].reverse().find((e) => e.action === 'return' || e.action === 'reopen') ?? null;
  const sentBackSnapshot = lastSentBack ? ([...versions].reverse().find((v) => v.version <= (lastSentBack.version ?? 0)) ?? null) : null;
  const underReview = report.status === 'submitted' || report.status === 'in_review' || report.status === 'approved';
  const resubmitted = underReview && sentBackSnapshot != null && latest != null && latest.version > sentBackSnapshot.version;

  // While the department is revising, the bureau reads the version it sent back, not half-done edits.
  const content: ReportContent = report.status === 'returned' && sentBackSnapshot ? sentBackSnapshot.content : report.content;
  const settings = readSettings(db);
  const required = settings.requiredSignoffs;
  const currentSignoffs = latest == null ? [] : signoffsWithNames(db, report.id, latest.version, required);
  const previous = previousYearReport(db, report.departmentId, report.year);
  const check = checkStoredReport(db, { ...report, content });
  const actions =
    actor.role === 'department'
      ? []
      : availableActions({ status: report.status, actorRole: actor.role, actorUserId: actor.id, signoffs: currentSignoffs, requiredSignoffs: required }).filter(
          (a) => a !== 'submit' && a !== 'recall',
        );
  const publication = db
    .select({ id: publications.id, publishedAt: publications.publishedAt, current: publications.current, withdrawnAt: publications.withdrawnAt })
    .from(publications)
    .where(eq(publications.reportId, report.id))
    .orderBy(desc(publications.id))
    .get();

  return {
    report: { ...report, content },
    department: { id: dept.id, name: dept.name, kind: dept.kind },
    check,
    explanations: report.explanations ?? {},
    previousYear: previous?.year ?? null,
    comparison: previous ? compareWithPrevious(content, previous.content) : [],
    events,
    comments,
    /** The version under review (sign-offs and comments of this round belong to it). */
    reviewVersion: latest?.version ?? null,
    submissions: events.filter((e) => e.action === 'submit').length,
    sentBack: lastSentBack
      ? { action: lastSentBack.action as 'return' | 'reopen', at: lastSentBack.createdAt, by: lastSentBack.userName, comment: lastSentBack.comment, version: sentBackSnapshot?.version ?? null }
      : null,
    changes: resubmitted ? diffContent(sentBackSnapshot.content, content) : null,
    signoffs: currentSignoffs,
    requiredSignoffs: required,
    nextSignoffLabel: currentSignoffs.length < required ? signoffStepLabel(currentSignoffs.length + 1, required) : null,
    actions,
    publication: publication ?? null,
  };
}

export function signoffReport(db: Db, actor: SessionUser, input: { id: number; version: number; comment?: string }) {
  return transition(db, actor, { reportId: input.id, action: 'signoff', version: input.version, comment: input.comment?.trim() || null });
}

export function returnReport(db: Db, actor: SessionUser, input: z.infer<typeof returnInput>) {
  const summary = input.summary?.trim() || input.comments.map((c) => c.body).join('；').slice(0, 1000);
  return transition(db, actor, { reportId: input.id, action: 'return', version: input.version, comment: summary }, (tx, report) => {
    insertComments(tx, actor, report.id, report.version, input.comments);
  });
}

/** Comments belong to the submitted version they were made on, so the department sees this round's. */
function insertComments(tx: Tx, actor: SessionUser, reportId: number, fallbackVersion: number, comments: z.infer<typeof reviewCommentInput>[]) {
  const sv = submittedVersion(tx, reportId) ?? fallbackVersion;
  for (const c of comments) {
    tx.insert(reviewComments).values({ reportId, version: sv, target: c.target, body: c.body.trim(), userId: actor.id }).run();
  }
}

/** Freeze the current content as the public version; the previous public version is kept, not current. */
function writePublication(tx: Tx, actor: SessionUser, reportId: number, correctionNote: string | null) {
  const report = tx.select().from(reports).where(eq(reports.id, reportId)).get()!;
  const dept = tx.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const prior = tx.select().from(publications).where(eq(publications.reportId, reportId)).orderBy(desc(publications.id)).get();
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
  return transition(db, actor, { reportId: input.id, action: 'publish', version: input.version }, (tx, report) => {
    // A report published before and sent back with 更正 comes out as a correction: its reason is
    // the 更正说明 the public reads beside the corrected report.
    const lastReopen = tx
      .select({ id: reportEvents.id, comment: reportEvents.comment })
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, report.id), eq(reportEvents.action, 'reopen')))
      .orderBy(desc(reportEvents.id))
      .get();
    const lastPublish = tx
      .select({ id: reportEvents.id })
      .from(reportEvents)
      .where(and(eq(reportEvents.reportId, report.id), inArray(reportEvents.action, ['publish', 'republish'])))
      .orderBy(desc(reportEvents.id))
      .all()
      // The event of this very publication is already written; the one before it is what counts.
      .at(1);
    const isCorrection = lastReopen != null && lastPublish != null && lastReopen.id > lastPublish.id;
    writePublication(tx, actor, report.id, isCorrection ? lastReopen.comment : null);
  });
}

/**
 * Publish every approved report of a year as one action: one transaction, so either all of them
 * go public or, if any one cannot (someone acted on it a moment ago), none does and nothing changes.
 */
export function publishAllApproved(db: Db, actor: SessionUser, input: { year: number }) {
  return db.transaction(
    (tx) => {
      const approved = tx
        .select({ id: reports.id, version: reports.version, departmentName: departments.name })
        .from(reports)
        .innerJoin(departments, eq(departments.id, reports.departmentId))
        .where(and(eq(reports.year, input.year), eq(reports.status, 'approved')))
        .orderBy(asc(departments.sortOrder))
        .all();
      for (const r of approved) {
        try {
          publishReport(db, actor, r);
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, `${r.departmentName}：${e.userMessage}；本次没有发布任何报告`, e.data);
          throw e;
        }
      }
      return { published: approved.length, departments: approved.map((r) => r.departmentName) };
    },
    { behavior: 'immediate' },
  );
}

export const reasonInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, { error: '请填写原因' }).max(1000, { error: '原因不能超过1000字' }),
});

/** 更正 may also point the department at the places to correct, like the comments of a return. */
export const reopenInput = reasonInput.extend({
  comments: z.array(reviewCommentInput).max(100, { error: '一次最多100条意见' }).optional(),
});

export function reopenForCorrection(db: Db, actor: SessionUser, input: z.infer<typeof reopenInput>) {
  return transition(db, actor, { reportId: input.id, action: 'reopen', version: input.version, comment: input.reason }, (tx, report) => {
    insertComments(tx, actor, report.id, report.version, input.comments ?? []);
  });
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
