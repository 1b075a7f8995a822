/**
 * 全区汇总: the district's figures added up over published reports, and the rates computed on them.
 * Pure: the public pages run these on cached data, the exports on the rows they write.
 */
import {
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_INPUT_ROWS,
  REQUEST_ROWS,
  RESULT_GROUP_LABEL,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
} from './format';
import { emptyContent, type ReportContent } from './content';
import { computeTotals, sumAmounts, type ComputedTotals } from './totals';

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
