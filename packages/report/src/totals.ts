import { REQUEST_COLUMN_COUNT, RESULT_ROW_KEYS, REVIEW_BLOCKS, REVIEW_RESULTS, type RequestInputRowKey, type ReviewBlockKey } from './format';
import type { Cell, ReportContent } from './content';

const n = (c: Cell | undefined) => c ?? 0;
const sum = (cells: readonly Cell[]) => cells.reduce<number>((a, c) => a + n(c), 0);

export type RequestTotals = {
  /** 总计 column (7th) of every typed row. */
  rowTotal: Record<RequestInputRowKey, number>;
  /** （七）总计: six columns then its own 总计. */
  resultTotal: number[];
};

export type ComputedTotals = {
  requests: RequestTotals;
  reviews: Record<ReviewBlockKey, number>;
};

/** Every computed value of the format. Derived, never typed; empty cells count as 0 here. */
export function computeTotals(content: ReportContent): ComputedTotals {
  const rowTotal = Object.fromEntries(
    Object.entries(content.requests).map(([k, cells]) => [k, sum(cells)]),
  ) as Record<RequestInputRowKey, number>;
  const resultCols = Array.from({ length: REQUEST_COLUMN_COUNT }, (_, i) =>
    RESULT_ROW_KEYS.reduce((a, k) => a + n(content.requests[k][i]), 0),
  );
  const resultTotal = [...resultCols, resultCols.reduce((a, b) => a + b, 0)];
  const reviews = Object.fromEntries(
    REVIEW_BLOCKS.map((b) => [b.key, REVIEW_RESULTS.reduce((a, r) => a + n(content.reviews[b.key][r.key]), 0)]),
  ) as Record<ReviewBlockKey, number>;
  return { requests: { rowTotal, resultTotal }, reviews };
}

/** A row of table 三 with all seven columns (six typed + 总计), computed rows included. */
export function requestRowWithTotal(content: ReportContent, totals: ComputedTotals, rowKey: RequestInputRowKey | 'resultTotal'): number[] {
  if (rowKey === 'resultTotal') return totals.requests.resultTotal;
  const cells = content.requests[rowKey].map(n);
  return [...cells, totals.requests.rowTotal[rowKey]];
}

/** Sum fee amounts exactly (to 0.0001 万元) so district sums do not drift. */
export function sumAmounts(values: readonly Cell[]): number {
  const units = values.reduce<number>((a, v) => a + Math.round(n(v) * 10000), 0);
  return units / 10000;
}
