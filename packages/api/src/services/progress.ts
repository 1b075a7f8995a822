import { and, asc, departments, desc, eq, isNull, reminders, reportingYears, reports, sql, type Db } from '@ccgov/db';
import {
  NOT_STARTED_LABEL,
  STATUS_LABELS,
  TIMELINESS_LABELS,
  chinaToday,
  deadlineState,
  defaultReminder,
  effectiveDeadline,
  formatDate,
  lockApplies,
  signoffStepLabel,
  timeliness,
  type ReportStatus,
  stripNonXmlChars,
} from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';
import { readSettings } from './context';
import { signoffsOf, submittedVersion } from './workflow';
import { extensionOf, extensionsOfYear, firstSubmissionDays } from './deadlines';
import { departmentUsers, notifyUsers } from './notifications';

export type ProgressStatus = ReportStatus | 'not_started';

/** Statuses in which the department still owes the bureau its report. */
export const NOT_SUBMITTED: readonly ProgressStatus[] = ['not_started', 'draft', 'returned'];
export const PROGRESS_STATUS_ORDER: readonly ProgressStatus[] = ['not_started', 'draft', 'returned', 'submitted', 'in_review', 'approved', 'published', 'withdrawn'];
export const progressStatusLabel = (s: ProgressStatus) => (s === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[s]);

const yearField = z.number().int().min(2000).max(2100);
export const progressInput = z.strictObject({ year: yearField.optional() });
export const remindInput = z.strictObject({
  year: yearField,
  message: z.string().overwrite(stripNonXmlChars).trim().max(500, { error: '提醒内容不能超过500字' }).optional(),
});

function pickYear(db: Db, year: number | undefined) {
  const years = db.select().from(reportingYears).orderBy(desc(reportingYears.year)).all();
  const chosen = year != null ? years.find((y) => y.year === year) : (years.find((y) => y.open) ?? years[0]);
  if (!chosen) throw new AppError('NOT_FOUND', year != null ? `${year}年度不存在` : '尚未开放任何报告年度');
  return { chosen, years };
}

/**
 * 进度: every active department for one year, with its status, last activity, sign-offs, the days
 * left to the internal and legal deadline, and whether it is late (not submitted, deadline passed).
 */
export function progressTable(db: Db, input: z.infer<typeof progressInput>, now: Date = new Date()) {
  const { chosen: y, years } = pickYear(db, input.year);
  const today = chinaToday(now);
  const { requiredSignoffs } = readSettings(db);
  const depts = db.select().from(departments).where(eq(departments.active, true)).orderBy(asc(departments.sortOrder), asc(departments.id)).all();
  const byDept = new Map(db.select().from(reports).where(eq(reports.year, y.year)).all().map((r) => [r.departmentId, r]));
  const lastReminder = new Map(
    db
      .select({ id: reminders.departmentId, at: sql<number>`max(${reminders.createdAt})` })
      .from(reminders)
      .where(eq(reminders.year, y.year))
      .groupBy(reminders.departmentId)
      .all()
      .map((r) => [r.id, new Date(r.at)]),
  );
  // One reading of the deadline (packages/report deadlines.ts): the same count the clerk sees.
  const yearState = deadlineState(y, today);
  const daysToInternal = y.internalDeadline ? yearState.daysLeft : null;
  const daysToLegal = yearState.daysToLegal;
  const extensions = extensionsOfYear(db, y.year);
  const firstSubmitted = firstSubmissionDays(db, [...byDept.values()].map((r) => r.id));

  const counts = Object.fromEntries(PROGRESS_STATUS_ORDER.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  const rows = depts.map((d) => {
    const r = byDept.get(d.id);
    const status: ProgressStatus = r?.status ?? 'not_started';
    counts[status]++;
    const submitted = !NOT_SUBMITTED.includes(status);
    const version = r ? submittedVersion(db, r.id) : null;
    const signed = r && version != null && status !== 'returned' && status !== 'draft' ? signoffsOf(db, r.id, version) : [];
    const ext = extensions.get(d.id) ?? null;
    const state = deadlineState(y, today, ext?.until ?? null);
    // Timeliness, apart from locking: judged on the first submission against the body's date. A
    // report recalled to a draft (or never handed in) is 未报送; a returned one was handed in.
    const first = r ? (firstSubmitted.get(r.id) ?? null) : null;
    const handedIn = lockApplies(status) ? null : first;
    const timely = timeliness(handedIn ? formatDate(handedIn) : null, state.due);
    return {
      departmentId: d.id,
      departmentName: d.name,
      departmentKind: d.kind,
      reportId: r?.id ?? null,
      status,
      statusLabel: progressStatusLabel(status),
      submitted,
      submittedAt: r?.submittedAt ?? null,
      lastActivity: r?.updatedAt ?? null,
      signoffs: signed.map((s) => signoffStepLabel(s.step, requiredSignoffs)),
      // 逾期未提交: what the deadline has locked (a returned report was handed in; it is not late).
      late: state.passed && lockApplies(status),
      /** Locked for the department (a draft or nothing, its deadline passed). */
      locked: state.passed && lockApplies(status),
      extension: ext && { until: ext.until, reason: ext.reason },
      daysLeft: state.daysLeft,
      firstSubmittedAt: handedIn,
      timeliness: timely,
      timelinessLabel: TIMELINESS_LABELS[timely],
      lastReminderAt: lastReminder.get(d.id) ?? null,
    };
  });
  return {
    year: y.year,
    open: y.open,
    legalDeadline: y.legalDeadline,
    internalDeadline: y.internalDeadline,
    today,
    daysToInternal,
    daysToLegal,
    /** The deadline every body works to unless extended, and the days left to it. */
    deadline: yearState.deadline,
    daysLeft: yearState.daysLeft,
    requiredSignoffs,
    counts,
    total: rows.length,
    lateCount: rows.filter((r) => r.late).length,
    timelinessCounts: {
      on_time: rows.filter((r) => r.timeliness === 'on_time').length,
      late: rows.filter((r) => r.timeliness === 'late').length,
      not_submitted: rows.filter((r) => r.timeliness === 'not_submitted').length,
    },
    notSubmittedCount: rows.filter((r) => !r.submitted).length,
    rows,
    years: years.map((x) => ({ year: x.year, open: x.open })),
  };
}

/** The same table for download; exporting it is recorded (it is not public). */
export function progressExport(db: Db, actor: Actor, input: z.infer<typeof progressInput>, now: Date = new Date()) {
  const table = progressTable(db, input, now);
  audit(db, actor, { action: 'export.progress', target: `year:${table.year}`, detail: `${table.rows.length}个单位` });
  return table;
}

export const DUPLICATE_REMINDER = '已有相同的未读催报，未重复发送';

/**
 * An in-app reminder (催报) to every active department that has not submitted the year's report,
 * also a notification to each of its users. A department that still has an identical reminder
 * (same year, same text) unread is skipped: it would only see the same notice twice.
 */
export function sendReminders(db: Db, actor: Actor, input: z.infer<typeof remindInput>, now: Date = new Date()) {
  const table = progressTable(db, { year: input.year }, now);
  if (!table.open) throw new AppError('BAD_REQUEST', `${input.year}年度未开放填报，不能发送提醒`);
  const pending = table.rows.filter((r) => !r.submitted);
  if (pending.length === 0) throw new AppError('BAD_REQUEST', '所有单位均已提交，无需提醒');
  const message = input.message || defaultReminder(input.year, effectiveDeadline(table));
  return db.transaction((tx) => {
    const unread = new Set(
      tx
        .select({ departmentId: reminders.departmentId })
        .from(reminders)
        .where(and(eq(reminders.year, input.year), eq(reminders.message, message), isNull(reminders.readAt)))
        .all()
        .map((r) => r.departmentId),
    );
    const targets = pending.filter((t) => !unread.has(t.departmentId));
    const skipped = pending.filter((t) => unread.has(t.departmentId));
    if (targets.length === 0) throw new AppError('BAD_REQUEST', `${DUPLICATE_REMINDER}（${skipped.length}个单位）`, { skipped: skipped.length });
    const rows = tx
      .insert(reminders)
      .values(targets.map((t) => ({ year: input.year, departmentId: t.departmentId, message, sentBy: actor.user.id, createdAt: now })))
      .returning({ id: reminders.id, departmentId: reminders.departmentId })
      .all();
    for (const r of rows) {
      notifyUsers(tx, departmentUsers(tx, r.departmentId), {
        kind: 'reminder',
        title: `数据局催报：${input.year}年度报告`,
        body: message,
        link: '/dept',
        dedupeKey: `reminder-${r.id}`,
      });
    }
    audit(tx, actor, {
      action: 'reminder.send',
      target: `year:${input.year}`,
      detail: `${targets.length}个单位${skipped.length ? `（${skipped.length}个单位${DUPLICATE_REMINDER}）` : ''}：${message}`,
    });
    return {
      sent: targets.length,
      departments: targets.map((t) => t.departmentName),
      skipped: skipped.length,
      skippedDepartments: skipped.map((t) => t.departmentName),
    };
  });
}

/**
 * What a department sees on its landing page: for each open year whose report it has not
 * submitted, the deadline with the days left (negative = overdue) and the bureau's reminders.
 */
export function departmentNotices(db: Db, departmentId: number, now: Date = new Date()) {
  const today = chinaToday(now);
  const open = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(asc(reportingYears.year)).all();
  const notices = open.flatMap((y) => {
    const r = db
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.departmentId, departmentId), eq(reports.year, y.year)))
      .get();
    const status: ProgressStatus = r?.status ?? 'not_started';
    if (!NOT_SUBMITTED.includes(status)) return [];
    const ext = extensionOf(db, y.year, departmentId);
    const state = deadlineState(y, today, ext?.until ?? null);
    const all = db
      .select({ id: reminders.id, message: reminders.message, createdAt: reminders.createdAt, readAt: reminders.readAt })
      .from(reminders)
      .where(and(eq(reminders.departmentId, departmentId), eq(reminders.year, y.year)))
      .orderBy(desc(reminders.createdAt), desc(reminders.id))
      .limit(50)
      .all();
    // The same text sent twice is one notice (the latest), not two.
    const seen = new Set<string>();
    const sent = all.filter((r) => !seen.has(r.message) && (seen.add(r.message), true)).slice(0, 10);
    return [
      {
        year: y.year,
        status,
        statusLabel: progressStatusLabel(status),
        /** The year's deadline (internal, else legal); `due` is this body's own (its extension). */
        deadline: state.deadline,
        due: state.due,
        legalDeadline: y.legalDeadline,
        internalDeadline: y.internalDeadline,
        extension: ext && { until: ext.until, reason: ext.reason },
        daysLeft: state.daysLeft,
        locked: state.passed && lockApplies(status),
        reminders: sent.map((r) => ({ id: r.id, message: r.message, createdAt: r.createdAt, unread: r.readAt == null })),
      },
    ];
  });
  return { today, notices };
}
