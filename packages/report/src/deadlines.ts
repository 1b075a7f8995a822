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
