/**
 * Deadlines are calendar days in China (UTC+8), whatever the server's time zone: a report due on
 * 31 January is on time all of that day in 陈仓区.
 */
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
export const defaultLegalDeadline = (year: number) => `${year + 1}-01-31`;

/** The deadline a department works to: the internal one when set, else the legal one. */
export function effectiveDeadline(y: { legalDeadline: string; internalDeadline: string | null }): string {
  return y.internalDeadline ?? y.legalDeadline;
}
