import { afterAll, describe, expect, it } from 'vitest';
import { defaultSummaryYear, pickSummaryYear } from './public-summary';
import { harness } from '../test-utils';

const row = (year: number, complete: boolean) => ({ year, complete, legalDeadline: `${year + 1}-01-31` });

describe('the year 全区汇总 opens on without ?year=', () => {
  it('is the latest year whose legal deadline has passed in China, not an open year with a few reports', () => {
    const trend = [row(2024, true), row(2025, true), row(2026, false)];
    expect(pickSummaryYear(trend, new Date('2026-12-02T08:00:00Z'))).toBe(2025);
    // 31 January is still within the deadline all day in China; from 1 February the year is due.
    expect(pickSummaryYear(trend, new Date('2027-01-31T15:59:59Z'))).toBe(2025);
    expect(pickSummaryYear(trend, new Date('2027-01-31T16:00:00Z'))).toBe(2026);
  });

  it('is a year every expected body has published even before its deadline', () => {
    expect(pickSummaryYear([row(2025, true), row(2026, true)], new Date('2026-12-02T08:00:00Z'))).toBe(2026);
  });

  it('falls back to the latest published year when none qualifies, and to none without publications', () => {
    expect(pickSummaryYear([row(2026, false)], new Date('2026-12-02T08:00:00Z'))).toBe(2026);
    expect(pickSummaryYear([], new Date())).toBeNull();
  });
});

describe('over the demo district', () => {
  const h = harness();
  afterAll(() => h.cleanup());
  const open = h.openYear;
  const beforeDeadline = new Date(`${open}-12-02T08:00:00Z`);
  const afterDeadline = new Date(`${open + 1}-02-01T08:00:00Z`);

  it('stays on the last closed year when one body of the open year has published, and marks the open year incomplete', async () => {
    const id = h.reportId('fgj', open);
    await h.as('publisher').review.publish({ id, version: h.report(id).version });
    const trend = await h.as(null).public.trend();
    expect(trend.find((t) => t.year === open)).toMatchObject({ reports: 1, expected: 47, complete: false, legalDeadline: `${open + 1}-01-31` });
    expect(trend.find((t) => t.year === open - 1)).toMatchObject({ reports: 47, expected: 47, complete: true });
    expect(defaultSummaryYear(h.db, beforeDeadline)).toBe(open - 1);
    expect(defaultSummaryYear(h.db, afterDeadline)).toBe(open);
  });

  it('follows a changed legal deadline', async () => {
    const midJanuary = new Date(`${open + 1}-01-20T08:00:00Z`);
    expect(defaultSummaryYear(h.db, midJanuary)).toBe(open - 1);
    await h.as('admin').years.update({ year: open, legalDeadline: `${open + 1}-01-10`, internalDeadline: null });
    expect(defaultSummaryYear(h.db, midJanuary)).toBe(open);
  });
});
