import { and, asc, departments, eq, isNull, publications, reportingYears, reports, type Db } from '@ccgov/db';
import { chinaToday, computeTotals, defaultLegalDeadline, disclosureRates, REQUEST_COLUMN_COUNT, sumContents, type RateKey } from '@ccgov/report';
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

type YearFigures = {
  reports: number;
  newReceived: number;
  resultTotal: number;
  reviewTotal: number;
  suitTotal: number;
  rates: Record<RateKey, number | null>;
};

/**
 * The district figures of each year, summed from every report of the year: the costly part of the
 * trend (at 2,000 bodies × 10 years, reading and summing 20,000 reports). Kept per database and
 * per year, under the list of that year's current publication ids: a publication's content never
 * changes (a correction is a new publication, a withdrawal takes it out of the list), so an entry
 * is right exactly while its year's list is the same. A publish, correction or withdrawal then
 * re-sums only its own year; the cheap parts (who is expected, deadlines) are read every time.
 * One entry per year, replaced, never more.
 */
type YearFiguresMemo = WeakMap<Db, Map<number, { ids: string; figures: YearFigures }>>;
const MEMO_KEY = Symbol.for('ccgov.trendYearFigures'); // one memo however many bundles load this module
const yearFiguresMemo: YearFiguresMemo = ((globalThis as Record<symbol, unknown>)[MEMO_KEY] as YearFiguresMemo | undefined) ?? new WeakMap();
(globalThis as Record<symbol, unknown>)[MEMO_KEY] = yearFiguresMemo;

function yearFigures(db: Db, year: number, ids: string): YearFigures {
  let memo = yearFiguresMemo.get(db);
  if (!memo) yearFiguresMemo.set(db, (memo = new Map()));
  const hit = memo.get(year);
  if (hit?.ids === ids) return hit.figures;
  const contents = currentPublications(db, year).map((p) => p.content);
  yearSums++;
  const sums = sumContents(contents);
  const totals = computeTotals(sums);
  const figures: YearFigures = {
    reports: contents.length,
    newReceived: totals.requests.rowTotal.newReceived,
    resultTotal: totals.requests.resultTotal[REQUEST_COLUMN_COUNT]!,
    reviewTotal: totals.reviews.review,
    suitTotal: totals.reviews.suitDirect + totals.reviews.suitAfterReview,
    rates: Object.fromEntries(disclosureRates(sums, totals).map((r) => [r.key, r.value])) as Record<RateKey, number | null>,
  };
  memo.set(year, { ids, figures });
  return figures;
}

let yearSums = 0;
/** How many times a year's reports were read and summed in this process (tests: a warm trend sums none). */
export const trendYearSumCount = () => yearSums;

/** Forget the summed figures (tests; the memo is otherwise right by construction). */
export function clearTrendMemo(db: Db): void {
  yearFiguresMemo.delete(db);
}

/**
 * One line per published year: the headline district figures and rates, oldest year first, with
 * how many bodies were expected to publish and whether all have (`complete`), and the year's legal
 * deadline, so the page can mark an incomplete year and choose its default year by today's date.
 * The sums of a year are recomputed only when its publications changed (yearFigures).
 */
export function summaryTrend(db: Db) {
  const byYear = new Map<number, { departmentId: number; id: number }[]>();
  const rows = db
    .select({ id: publications.id, departmentId: publications.departmentId, year: publications.year })
    .from(publications)
    .where(and(eq(publications.current, true), isNull(publications.withdrawnAt)))
    .orderBy(asc(publications.year), asc(publications.id))
    .all();
  for (const p of rows) {
    const list = byYear.get(p.year);
    if (list) list.push(p);
    else byYear.set(p.year, [p]);
  }
  const bodies = activeBodies(db);
  const deadlines = new Map(db.select({ year: reportingYears.year, legalDeadline: reportingYears.legalDeadline }).from(reportingYears).all().map((y) => [y.year, y.legalDeadline]));
  return [...byYear.entries()].map(([year, pubs]) => {
    const expected = expectedBodies(db, year);
    const publishedIds = new Set(pubs.map((p) => p.departmentId));
    const missing = bodies.filter((d) => !publishedIds.has(d.id) && expected(d.id)).length;
    const f = yearFigures(db, year, pubs.map((p) => p.id).join(','));
    return {
      year,
      reports: f.reports,
      /** Bodies expected to publish this year (those published plus those still missing). */
      expected: f.reports + missing,
      complete: missing === 0,
      legalDeadline: deadlines.get(year) ?? defaultLegalDeadline(year),
      newReceived: f.newReceived,
      resultTotal: f.resultTotal,
      reviewTotal: f.reviewTotal,
      suitTotal: f.suitTotal,
      rates: f.rates,
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
