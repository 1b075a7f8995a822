import { and, asc, deadlineExtensions, departments, eq, inArray, isNull, notifications, reminders, reportEvents, reportingYears, reports, sql, type Db } from '@ccgov/db';
import {
  chinaToday,
  daysLeftText,
  deadlineNoticeStep,
  deadlineState,
  extensionText,
  isIsoDate,
  isLocked,
  lockApplies,
  lockMessage,
  stripNonXmlChars,
  type DeadlineState,
} from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';
import { departmentUsers, notifyUsers } from './notifications';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type AnyDb = Db | Tx;

/** The extension (延期) granted to one body for one year, if any. */
export function extensionOf(db: AnyDb, year: number, departmentId: number) {
  return (
    db
      .select({ until: deadlineExtensions.until, reason: deadlineExtensions.reason, createdAt: deadlineExtensions.createdAt })
      .from(deadlineExtensions)
      .where(and(eq(deadlineExtensions.year, year), eq(deadlineExtensions.departmentId, departmentId)))
      .get() ?? null
  );
}

/** Every extension of a year, by department id. */
export function extensionsOfYear(db: AnyDb, year: number) {
  return new Map(
    db
      .select({ departmentId: deadlineExtensions.departmentId, until: deadlineExtensions.until, reason: deadlineExtensions.reason })
      .from(deadlineExtensions)
      .where(eq(deadlineExtensions.year, year))
      .all()
      .map((e) => [e.departmentId, e]),
  );
}

/** One body's deadline for one year today (null when the year does not exist). */
export function bodyDeadline(db: AnyDb, year: number, departmentId: number, now: Date = new Date()): DeadlineState | null {
  const y = db.select().from(reportingYears).where(eq(reportingYears.year, year)).get();
  if (!y) return null;
  return deadlineState(y, chinaToday(now), extensionOf(db, year, departmentId)?.until ?? null);
}

/**
 * Refuse an act of the department on a report that the deadline has locked (a draft or a report
 * not yet started, once the body's deadline has passed). Called inside the act's transaction,
 * before anything is written.
 */
export function assertNotLocked(db: AnyDb, r: { year: number; departmentId: number; status: string }, now: Date = new Date()): void {
  if (!lockApplies(r.status)) return;
  const state = bodyDeadline(db, r.year, r.departmentId, now);
  if (state && isLocked(state, r.status)) throw new AppError('BAD_REQUEST', lockMessage(state), { locked: true, deadline: state });
}

/**
 * The China calendar day of each report's first submission (report_events, action submit).
 * Timeliness is judged on it: a later return and resubmission does not make a body late.
 */
export function firstSubmissionDays(db: AnyDb, reportIds: readonly number[]): Map<number, Date> {
  if (reportIds.length === 0) return new Map();
  return new Map(
    db
      .select({ reportId: reportEvents.reportId, at: sql<number>`min(${reportEvents.createdAt})` })
      .from(reportEvents)
      .where(and(eq(reportEvents.action, 'submit'), inArray(reportEvents.reportId, [...reportIds])))
      .groupBy(reportEvents.reportId)
      .all()
      .map((r) => [r.reportId, new Date(r.at)]),
  );
}

// ---------------------------------------------------------------------------------------------
// Extensions (延期), granted by the admin to one body
// ---------------------------------------------------------------------------------------------

export const extendInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  departmentId: z.number().int().positive(),
  until: z.string().trim().refine(isIsoDate, { error: '延期日期应为 YYYY-MM-DD 格式的有效日期' }),
  reason: z
    .string()
    .overwrite(stripNonXmlChars)
    .trim()
    .min(1, { error: '请填写延期原因' })
    .max(200, { error: '延期原因不能超过200字' }),
});

/**
 * Grant (or change) one body's extension: it may save and submit through the end of `until`.
 * The others keep the year's deadline. One row per year and body; audited with the reason.
 */
export function grantExtension(db: Db, actor: Actor, input: z.infer<typeof extendInput>, now: Date = new Date()) {
  return db.transaction((tx) => {
    const y = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!y) throw new AppError('NOT_FOUND', `${input.year}年度不存在`);
    if (!y.open) throw new AppError('BAD_REQUEST', `${input.year}年度未开放填报，不能延期`);
    const dept = tx.select().from(departments).where(eq(departments.id, input.departmentId)).get();
    if (!dept || !dept.active) throw new AppError('NOT_FOUND', '没有这个单位，或该单位已停用');
    const state = deadlineState(y, chinaToday(now));
    if (input.until <= state.deadline) throw new AppError('BAD_REQUEST', `延期日期应晚于截止日期（${state.deadline}）`);
    if (input.until < chinaToday(now)) throw new AppError('BAD_REQUEST', `延期日期不能早于今天（${chinaToday(now)}）`);
    if (input.until > y.legalDeadline) throw new AppError('BAD_REQUEST', `延期日期不能晚于法定公开期限（${y.legalDeadline}）`);
    const before = extensionOf(tx, input.year, input.departmentId);
    tx.insert(deadlineExtensions)
      .values({ year: input.year, departmentId: input.departmentId, until: input.until, reason: input.reason, grantedBy: actor.user.id, createdAt: now })
      .onConflictDoUpdate({
        target: [deadlineExtensions.year, deadlineExtensions.departmentId],
        set: { until: input.until, reason: input.reason, grantedBy: actor.user.id, createdAt: now },
      })
      .run();
    audit(tx, actor, {
      action: 'deadline.extend',
      target: `department:${dept.id}`,
      detail: `${input.year}年度 ${dept.name}：${before ? `延期 ${before.until} → ${input.until}` : `延期至 ${input.until}`}；原因：${input.reason}`,
    });
    notifyUsers(tx, departmentUsers(tx, dept.id), {
      kind: 'deadline',
      title: `${input.year}年度报告${extensionText(input.until)}`,
      body: `原因：${input.reason}`,
      link: '/dept',
    });
    return { year: input.year, departmentId: dept.id, departmentName: dept.name, until: input.until, reason: input.reason, updated: before != null };
  });
}

// ---------------------------------------------------------------------------------------------
// Deadline notices: 7, 3 and 1 days before, to every body that has not submitted
// ---------------------------------------------------------------------------------------------

/**
 * Create today's deadline notices (idempotent: each body's users get each of the 7/3/1-day
 * notices once, by dedupe key). Lazily called when a department's pages load and on a timer in
 * the server. `departmentId` limits it to one body. Returns the number of notifications created.
 */
export function ensureDeadlineNotices(db: Db, now: Date = new Date(), departmentId?: number): number {
  const today = chinaToday(now);
  const years = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(asc(reportingYears.year)).all();
  let created = 0;
  for (const y of years) {
    const extensions = extensionsOfYear(db, y.year);
    const status = new Map(
      db
        .select({ departmentId: reports.departmentId, status: reports.status })
        .from(reports)
        .where(departmentId != null ? and(eq(reports.year, y.year), eq(reports.departmentId, departmentId)) : eq(reports.year, y.year))
        .all()
        .map((r) => [r.departmentId, r.status as string]),
    );
    const bodies = db
      .select({ id: departments.id })
      .from(departments)
      .where(departmentId != null ? and(eq(departments.active, true), eq(departments.id, departmentId)) : eq(departments.active, true))
      .all();
    const due = bodies.flatMap((b) => {
      if (!lockApplies(status.get(b.id) ?? 'not_started')) return [];
      const ext = extensions.get(b.id)?.until ?? null;
      const state = deadlineState(y, today, ext);
      const step = deadlineNoticeStep(state.daysLeft);
      return step == null ? [] : [{ id: b.id, state, step, key: ext ? `deadline-${y.year}-${ext}-${step}` : `deadline-${y.year}-${step}` }];
    });
    if (due.length === 0) continue;
    db.transaction((tx) => {
      for (const d of due) {
        const when = d.state.daysLeft === 0 ? '今天截止' : `距截止${daysLeftText(d.state.daysLeft)}`;
        created += notifyUsers(tx, departmentUsers(tx, d.id), {
          kind: 'deadline',
          title: `${y.year}年度报告尚未提交，${when}`,
          body: `${d.state.extendedUntil ? '延期截止日期' : d.state.internal ? '区内报送截止日期' : '截止日期'} ${d.state.due}，逾期未提交将锁定填报。`,
          link: '/dept',
          dedupeKey: d.key,
        });
      }
    });
  }
  return created;
}

// ---------------------------------------------------------------------------------------------
// Reminders (催报): read state
// ---------------------------------------------------------------------------------------------

/**
 * The department opened its landing page, where its reminders are listed: they are read, and so
 * are the reminder notifications of the person who opened it (the page is the same notice).
 */
export function markRemindersRead(db: Db, departmentId: number, now: Date = new Date(), userId?: number): number {
  return db.transaction((tx) => {
    if (userId != null) {
      tx.update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'reminder'), isNull(notifications.readAt)))
        .run();
    }
    return tx
      .update(reminders)
      .set({ readAt: now })
      .where(and(eq(reminders.departmentId, departmentId), isNull(reminders.readAt)))
      .run().changes;
  });
}
