/**
 * Reporting deadlines. They are calendar days in China (UTC+8), whatever the server's or the
 * browser's time zone: a report due on 31 January is on time all of that day in 陈仓区.
 */
import { REPORT_TITLE_SUFFIX } from './format';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Today's date in China as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `today` to `date` (both YYYY-MM-DD): 0 on the day itself, negative once passed. */
export function daysUntil(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The legal deadline of a year's report: 31 January of the next year (条例第五十条). */
export const defaultLegalDeadline = (year: number): string => `${year + 1}-01-31`;

/** The deadline a department works to: the internal one when set, else the legal one. */
export function effectiveDeadline(y: { legalDeadline: string; internalDeadline: string | null }): string {
  return y.internalDeadline ?? y.legalDeadline;
}

/** "还有 12 天" / "今天截止" / "已逾期 3 天" */
export function daysLeftText(days: number): string {
  if (days > 0) return `还有 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已逾期 ${-days} 天`;
}

/** The bureau's reminder when the admin writes none of their own. */
export const defaultReminder = (year: number, deadline: string): string =>
  `请抓紧完成${year}年度${REPORT_TITLE_SUFFIX}的填报并提交审核，截止日期为${deadline}。`;

/** "法定公开期限 2027年1月31日": the legal date as the page shows it beside a day count. */
export function legalDeadlineText(legalDeadline: string): string {
  const [y, m, d] = legalDeadline.split('-').map(Number);
  return `法定公开期限 ${y}年${m}月${d}日`;
}

/** What a year's deadlines are, as stored in reporting_years. */
export type YearDeadlines = { legalDeadline: string; internalDeadline: string | null };

/**
 * The one reading of a year's deadline for one body (or for the year, without an extension).
 * Every page that shows days left takes `daysLeft` from here, so the clerk, the reviewer and the
 * admin see the same count against the same date on the same day (a day in Asia/Shanghai).
 */
export type DeadlineState = {
  /** The year's 区内报送截止, or the legal deadline when there is none. */
  deadline: string;
  /** Whether `deadline` is an internal deadline (else it is the legal one). */
  internal: boolean;
  legalDeadline: string;
  /** The body's extension (延期), when one was granted. */
  extendedUntil: string | null;
  /** The date this body works to: its extension, else `deadline`. */
  due: string;
  /** Whole days from today to `due`: 0 on the day itself, negative once passed. */
  daysLeft: number;
  daysToLegal: number;
  /** `due` has passed (its whole day, China time). */
  passed: boolean;
};

export function deadlineState(y: YearDeadlines, today: string, extendedUntil: string | null = null): DeadlineState {
  const deadline = effectiveDeadline(y);
  const due = extendedUntil ?? deadline;
  const daysLeft = daysUntil(today, due);
  return {
    deadline,
    internal: y.internalDeadline != null,
    legalDeadline: y.legalDeadline,
    extendedUntil,
    due,
    daysLeft,
    daysToLegal: daysUntil(today, y.legalDeadline),
    passed: daysLeft < 0,
  };
}

/**
 * Which reports the deadline locks once it has passed: one not started and a draft (never or no
 * longer submitted). A returned report is NOT locked: it was handed in, and the bureau sent it
 * back for corrections it wants made, so the clerk must be able to correct and resubmit it;
 * its timeliness is judged on its first submission, which the lock cannot change.
 */
export function lockApplies(status: string): boolean {
  return status === 'not_started' || status === 'draft';
}

/** Whether the department may no longer change or submit a report in this status. */
export function isLocked(state: DeadlineState, status: string): boolean {
  return state.passed && lockApplies(status);
}

/** The refusal every locked act answers with (and the editor's banner). */
export function lockMessage(state: DeadlineState): string {
  if (state.extendedUntil) {
    return `已过延期截止日期（${state.extendedUntil}），本单位年报已锁定，如需继续填报请联系数据局。`;
  }
  const which = state.internal ? '区内报送截止日期' : '报送截止日期';
  return `已过${which}（${state.deadline}），本单位年报已锁定，如需继续填报请联系数据局申请延期。`;
}

/** "截止日期已延期至 2027-02-05" */
export const extensionText = (until: string) => `截止日期已延期至 ${until}`;

/** Timeliness, kept apart from locking: when the body first handed its report in. */
export type Timeliness = 'on_time' | 'late' | 'not_submitted';
export const TIMELINESS_LABELS: Record<Timeliness, string> = { on_time: '按时报送', late: '逾期报送', not_submitted: '未报送' };

/** `firstSubmitted` is the China calendar day of the first submission (null: never, or recalled). */
export function timeliness(firstSubmitted: string | null, due: string): Timeliness {
  if (firstSubmitted == null) return 'not_submitted';
  return daysUntil(firstSubmitted, due) >= 0 ? 'on_time' : 'late';
}

/** A body that has not submitted is told 7, 3 and 1 days before its deadline. */
export const DEADLINE_NOTICE_DAYS = [7, 3, 1] as const;

/**
 * The notice due today, if any: the nearest of 7/3/1 not yet behind us (on day 5 it is the
 * 7-day one, for a server that was down on day 7; on the deadline day itself, the 1-day one).
 */
export function deadlineNoticeStep(daysLeft: number): (typeof DEADLINE_NOTICE_DAYS)[number] | null {
  if (daysLeft < 0 || daysLeft > DEADLINE_NOTICE_DAYS[0]) return null;
  return [...DEADLINE_NOTICE_DAYS].reverse().find((d) => d >= daysLeft) ?? null;
}
