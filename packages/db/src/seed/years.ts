import { defaultLegalDeadline } from '@ccgov/report';

/** Deadlines are Chinese calendar dates; compare in UTC+8 whatever the server's zone. */
const CHINA_OFFSET_MS = 8 * 3600_000;

export function chinaDate(now: Date): { year: number; month: number; day: number } {
  const d = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The year whose report is due next: the report on year Y is due 31 January of Y+1, so until
 * that day passes the open year is the previous one (2027-01-15 → 2026; 2027-02-01 → 2027).
 */
export function openYearFor(now: Date): number {
  const { year, month } = chinaDate(now);
  return month === 1 ? year - 1 : year;
}

/** 31 January of the next year (条例第五十条). */
export const legalDeadline = defaultLegalDeadline;

/** The city's earlier date for handing the report to the bureau. */
export function internalDeadline(year: number): string {
  return `${year + 1}-01-26`;
}

/** A moment on a China calendar day, e.g. chinaTime(2025, 1, 20, 10, 30). */
export function chinaTime(year: number, month: number, day: number, hour = 9, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - CHINA_OFFSET_MS);
}
