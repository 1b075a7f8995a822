import { and, asc, departments, eq, isNull, publications, reportingYears, reports, type Db } from '@ccgov/db';
import {
  computeTotals,
  emptyContent,
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_INPUT_ROWS,
  REQUEST_ROWS,
  RESULT_GROUP_LABEL,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  sumAmounts,
  type ComputedTotals,
  type ReportContent,
} from '@ccgov/report';
import { z } from 'zod';
import { notFound } from '../errors';

// ---------------------------------------------------------------------------------------------
// Pure math: district sums and rates over published contents.
// ---------------------------------------------------------------------------------------------

/** The figures of many reports added up cell by cell (text left empty); fees summed exactly. */
export function sumContents(contents: readonly ReportContent[]): ReportContent {
  const sum = emptyContent();
  for (const cell of PROACTIVE_CELLS) {
    const values = contents.map((c) => (c.proactive[cell.rowKey as keyof ReportContent['proactive']] as Record<string, number | null>)[cell.colKey] ?? 0);
    (sum.proactive[cell.rowKey as keyof ReportContent['proactive']] as Record<string, number | null>)[cell.colKey] =
      cell.kind === 'amount' ? sumAmounts(values) : values.reduce((a, b) => a + b, 0);
  }
  for (const row of REQUEST_INPUT_ROWS) {
    sum.requests[row.key] = Array.from({ length: REQUEST_COLUMN_COUNT }, (_, i) => contents.reduce((a, c) => a + (c.requests[row.key][i] ?? 0), 0));
  }
  for (const block of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) sum.reviews[block.key][r.key] = contents.reduce((a, c) => a + (c.reviews[block.key][r.key] ?? 0), 0);
  }
  return sum;
}

export type RateKey = 'disclosure' | 'reviewCorrection' | 'suitCorrection';
export type Rate = {
  key: RateKey;
  label: string;
  /** How it is computed, in the words of the format's own labels. */
  definition: string;
  numerator: number;
  denominator: number;
  /** Share between 0 and 1; null when the denominator is 0 (nothing to divide). */
  value: number | null;
};

const rowLabel = (key: string) => REQUEST_ROWS.find((r) => r.key === key)!.label;
/** "（二）部分公开" without the format's parenthetical instruction. */
const shortLabel = (label: string) => label.replace(/（[^（）]*）$/, '');
const resultLabel = (key: string) => REVIEW_RESULTS.find((r) => r.key === key)!.label;

export const RATE_DEFINITIONS: Record<RateKey, { label: string; definition: string }> = {
  disclosure: {
    label: '公开率',
    definition: `（${shortLabel(rowLabel('granted'))} + ${shortLabel(rowLabel('partial'))}）÷ 办理总计（${RESULT_GROUP_LABEL}${rowLabel('resultTotal')}），均取“总计”列`,
  },
  reviewCorrection: {
    label: '行政复议纠错率',
    definition: `${REVIEW_BLOCKS[0].label}${resultLabel('corrected')} ÷（${REVIEW_BLOCKS[0].label}${REVIEW_TOTAL_LABEL} − ${resultLabel('pending')}）`,
  },
  suitCorrection: {
    label: '行政诉讼纠错率',
    definition: `${resultLabel('corrected')} ÷（${REVIEW_TOTAL_LABEL} − ${resultLabel('pending')}），${REVIEW_BLOCKS[1].label}与${REVIEW_BLOCKS[2].label}合计`,
  },
};

const rate = (key: RateKey, numerator: number, denominator: number): Rate => ({
  key,
  ...RATE_DEFINITIONS[key],
  numerator,
  denominator,
  value: denominator > 0 ? numerator / denominator : null,
});

/** 公开率, 行政复议纠错率 and 行政诉讼纠错率 of one report or of a district sum. */
export function disclosureRates(content: ReportContent, totals: ComputedTotals = computeTotals(content)): Rate[] {
  const t = totals.requests.rowTotal;
  const concluded = (block: (typeof REVIEW_BLOCKS)[number]['key']) => totals.reviews[block] - (content.reviews[block].pending ?? 0);
  const corrected = (block: (typeof REVIEW_BLOCKS)[number]['key']) => content.reviews[block].corrected ?? 0;
  return [
    rate('disclosure', t.granted + t.partial, totals.requests.resultTotal[REQUEST_COLUMN_COUNT]!),
    rate('reviewCorrection', corrected('review'), concluded('review')),
    rate('suitCorrection', corrected('suitDirect') + corrected('suitAfterReview'), concluded('suitDirect') + concluded('suitAfterReview')),
  ];
}

/** "83.6%", or "—" when there is nothing to divide. */
export function formatRate(value: number | null): string {
  return value == null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

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
  // For an open year every active body is expected to publish; for a closed year only those that
  // took part in its cycle (a body set up later was never asked to report for that year).
  const yearRow = db.select({ open: reportingYears.open }).from(reportingYears).where(eq(reportingYears.year, year)).get();
  const tookPart = new Set(
    db.select({ id: reports.departmentId }).from(reports).where(eq(reports.year, year)).all().map((r) => r.id),
  );
  const expected = (id: number) => yearRow?.open !== false || tookPart.has(id);
  const notPublished = db
    .select({ id: departments.id, name: departments.name, kind: departments.kind })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .all()
    .filter((d) => !publishedIds.has(d.id) && expected(d.id));
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

/** One line per published year: the headline district figures and rates, oldest year first. */
export function summaryTrend(db: Db) {
  const byYear = new Map<number, ReportContent[]>();
  for (const p of currentPublications(db)) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.content]);
  return [...byYear.entries()].map(([year, contents]) => {
    const sums = sumContents(contents);
    const totals = computeTotals(sums);
    const rates = Object.fromEntries(disclosureRates(sums, totals).map((r) => [r.key, r.value])) as Record<RateKey, number | null>;
    return {
      year,
      reports: contents.length,
      newReceived: totals.requests.rowTotal.newReceived,
      resultTotal: totals.requests.resultTotal[REQUEST_COLUMN_COUNT]!,
      reviewTotal: totals.reviews.review,
      suitTotal: totals.reviews.suitDirect + totals.reviews.suitAfterReview,
      rates,
    };
  });
}
