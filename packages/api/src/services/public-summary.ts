import { and, asc, departments, eq, isNull, publications, reportingYears, reports, type Db } from '@ccgov/db';
import { chinaToday, computeTotals, defaultLegalDeadline, disclosureRates, REQUEST_COLUMN_COUNT, sumContents, type RateKey, type ReportContent } from '@ccgov/report';
import { z } from 'zod';
import { notFound } from '../errors';

// ---------------------------------------------------------------------------------------------
// Use cases over the database (current, not withdrawn publications only).
// ---------------------------------------------------------------------------------------------

export const summaryInput = z.strictObject({ year: z.number({ error: '年度应为数字' }).int().min(2000).max(2100) });

function currentPublications(db: Db, year?: number) {
  const where = and(eq(publications.current, true), isNull(publications.withdrawnAt), year == null ? undefined : eq(publications.year, year));
  return db
    .select({
      id: publications.id,
      departmentId: publications.departmentId,
      departmentName: publications.departmentName,
      departmentKind: publications.departmentKind,
      year: publications.year,
      publishedAt: publications.publishedAt,
      supersedesId: publications.supersedesId,
      content: publications.content,
    })
    .from(publications)
    .where(where)
    .orderBy(asc(publications.year), asc(publications.departmentId))
    .all();
}

/** 全区汇总 for one year: sums of tables 二、三、四, rates, who published and who has not. */
export function yearSummary(db: Db, year: number) {
  const pubs = currentPublications(db, year);
  if (pubs.length === 0) throw notFound(`${year}年度的已发布报告`);
  const sums = sumContents(pubs.map((p) => p.content));
  const totals = computeTotals(sums);
  const publishedIds = new Set(pubs.map((p) => p.departmentId));
  const expected = expectedBodies(db, year);
  const notPublished = activeBodies(db).filter((d) => !publishedIds.has(d.id) && expected(d.id));
  const published = pubs.map((p) => ({
    id: p.id,
    departmentName: p.departmentName,
    departmentKind: p.departmentKind,
    publishedAt: p.publishedAt,
    corrected: p.supersedesId != null,
    newReceived: computeTotals(p.content).requests.rowTotal.newReceived,
  }));
  return {
    year,
    published,
    notPublished,
    departmentCount: published.length + notPublished.length,
    sums,
    totals,
    rates: disclosureRates(sums, totals),
    /** The ten bodies with most new requests (一、本年新收…总计), most first. */
    topRequests: [...published].sort((a, b) => b.newReceived - a.newReceived || a.id - b.id).slice(0, 10),
  };
}

const activeBodies = (db: Db) =>
  db
    .select({ id: departments.id, name: departments.name, kind: departments.kind })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .all();

/**
 * Who is expected to publish a year: for an open year every active body; for a closed year only
 * those that took part in its cycle (a body set up later was never asked to report for that year).
 */
function expectedBodies(db: Db, year: number): (departmentId: number) => boolean {
  const yearRow = db.select({ open: reportingYears.open }).from(reportingYears).where(eq(reportingYears.year, year)).get();
  const tookPart = new Set(
    db.select({ id: reports.departmentId }).from(reports).where(eq(reports.year, year)).all().map((r) => r.id),
  );
  return (id) => yearRow?.open !== false || tookPart.has(id);
}

/**
 * One line per published year: the headline district figures and rates, oldest year first, with
 * how many bodies were expected to publish and whether all have (`complete`), and the year's legal
 * deadline, so the page can mark an incomplete year and choose its default year by today's date.
 */
export function summaryTrend(db: Db) {
  const byYear = new Map<number, { departmentId: number; content: ReportContent }[]>();
  for (const p of currentPublications(db)) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p]);
  const bodies = activeBodies(db);
  const deadlines = new Map(db.select({ year: reportingYears.year, legalDeadline: reportingYears.legalDeadline }).from(reportingYears).all().map((y) => [y.year, y.legalDeadline]));
  return [...byYear.entries()].map(([year, pubs]) => {
    const contents = pubs.map((p) => p.content);
    const expected = expectedBodies(db, year);
    const publishedIds = new Set(pubs.map((p) => p.departmentId));
    const missing = bodies.filter((d) => !publishedIds.has(d.id) && expected(d.id)).length;
    const sums = sumContents(contents);
    const totals = computeTotals(sums);
    const rates = Object.fromEntries(disclosureRates(sums, totals).map((r) => [r.key, r.value])) as Record<RateKey, number | null>;
    return {
      year,
      reports: contents.length,
      /** Bodies expected to publish this year (those published plus those still missing). */
      expected: contents.length + missing,
      complete: missing === 0,
      legalDeadline: deadlines.get(year) ?? defaultLegalDeadline(year),
      newReceived: totals.requests.rowTotal.newReceived,
      resultTotal: totals.requests.resultTotal[REQUEST_COLUMN_COUNT]!,
      reviewTotal: totals.reviews.review,
      suitTotal: totals.reviews.suitDirect + totals.reviews.suitAfterReview,
      rates,
    };
  });
}

export type TrendYear = Pick<ReturnType<typeof summaryTrend>[number], 'year' | 'complete' | 'legalDeadline'>;

/**
 * The year 全区汇总 opens on without ?year=: the latest published year whose legal deadline has
 * passed (China date) or that every expected body has published; before any year qualifies, the
 * latest published year. Not an open year with 1 of 47 published, whose sums mean little yet.
 */
export function pickSummaryYear(trend: readonly TrendYear[], now: Date = new Date()): number | null {
  const today = chinaToday(now);
  const years = [...trend].sort((a, b) => b.year - a.year);
  return (years.find((t) => t.complete || t.legalDeadline < today) ?? years[0])?.year ?? null;
}

/** The same over the database (the open data and tests). */
export const defaultSummaryYear = (db: Db, now: Date = new Date()) => pickSummaryYear(summaryTrend(db), now);
