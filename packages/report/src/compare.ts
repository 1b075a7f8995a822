/**
 * This year's figures beside the same body's previous-year figures, for the reviewer. Unlike the
 * checker's rule 10 (a ×10 swing in requests, a warning the department must answer), this marks
 * every figure that doubled or halved so the reviewer knows where to look; it decides nothing.
 */
import {
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  SECTION_HEADINGS,
  type RequestInputRowKey,
} from './format';
import type { ReportContent } from './content';
import { computeTotals, sumAmounts, type ComputedTotals } from './totals';
import { proactiveLocation, proactiveTarget, requestCellLocation, requestCellTarget, reviewLocation, reviewTarget } from './targets';

/** A figure is a large swing when it at least doubles or halves… */
export const LARGE_SWING_FACTOR = 2;
/** …and the larger of the two years is at least this much (1 → 3 requests is not news). */
export const LARGE_SWING_FLOOR = 10;

export type CompareSection = 'proactive' | 'requests' | 'reviews';

export type FigureComparison = {
  target: string;
  section: CompareSection;
  label: string;
  kind: 'count' | 'amount';
  /** Whether the figure is a computed total (总计) rather than a typed cell. */
  total: boolean;
  previous: number | null;
  current: number | null;
  /** current − previous; null when either year left the cell empty. */
  change: number | null;
  largeSwing: boolean;
};

export const COMPARE_SECTION_HEADINGS: Record<CompareSection, string> = {
  proactive: SECTION_HEADINGS.proactive,
  requests: SECTION_HEADINGS.requests,
  reviews: SECTION_HEADINGS.reviews,
};

export function isLargeSwing(previous: number | null, current: number | null): boolean {
  if (previous == null || current == null) return false;
  if (Math.max(previous, current) < LARGE_SWING_FLOOR) return false;
  if (previous === 0 || current === 0) return true;
  return current >= previous * LARGE_SWING_FACTOR || current * LARGE_SWING_FACTOR <= previous;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function difference(previous: number | null, current: number | null, kind: 'count' | 'amount'): number | null {
  if (previous == null || current == null) return null;
  // Fee amounts in 万元 carry 4 decimals; subtract in whole yuan so 18.8710 − 18.0000 is 0.871 exactly.
  return kind === 'amount' ? sumAmounts([current, -previous]) : current - previous;
}

function figure(
  section: CompareSection,
  target: string,
  label: string,
  previous: number | null,
  current: number | null,
  opts: { kind?: 'count' | 'amount'; total?: boolean } = {},
): FigureComparison {
  const kind = opts.kind ?? 'count';
  return {
    target,
    section,
    label,
    kind,
    total: opts.total ?? false,
    previous,
    current,
    change: difference(previous, current, kind),
    largeSwing: isLargeSwing(previous, current),
  };
}

function requestValue(content: ReportContent, totals: ComputedTotals, row: RequestInputRowKey | 'resultTotal', col: number): number | null {
  if (row === 'resultTotal') return totals.requests.resultTotal[col] ?? null;
  if (col === REQUEST_COLUMN_COUNT) return totals.requests.rowTotal[row] ?? null;
  return num(content.requests?.[row]?.[col]);
}

/**
 * Every figure of 二, 三 (the six columns and 总计 of each row, （七）总计 included) and 四 (the
 * four results and 总计 of each block), with this year's and last year's value.
 */
export function compareWithPrevious(current: ReportContent, previous: ReportContent): FigureComparison[] {
  const out: FigureComparison[] = [];
  for (const c of PROACTIVE_CELLS) {
    const read = (content: ReportContent) => num((content.proactive as Record<string, Record<string, unknown> | undefined>)?.[c.rowKey]?.[c.colKey]);
    out.push(figure('proactive', proactiveTarget(c.path), proactiveLocation(c.path), read(previous), read(current), { kind: c.kind }));
  }

  const nowTotals = computeTotals(current);
  const prevTotals = computeTotals(previous);
  for (const row of REQUEST_ROWS) {
    for (let col = 0; col <= REQUEST_COLUMN_COUNT; col++) {
      const isTotal = col === REQUEST_COLUMN_COUNT || row.key === 'resultTotal';
      const ref = col === REQUEST_COLUMN_COUNT ? 'total' : col;
      out.push(
        figure(
          'requests',
          requestCellTarget(row.key, ref),
          requestCellLocation(row.key, ref),
          requestValue(previous, prevTotals, row.key, col),
          requestValue(current, nowTotals, row.key, col),
          { total: isTotal },
        ),
      );
    }
  }

  for (const block of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) {
      const read = (content: ReportContent) => num(content.reviews?.[block.key]?.[r.key]);
      out.push(figure('reviews', reviewTarget(block.key, r.key), reviewLocation(block.key, r.key), read(previous), read(current)));
    }
    out.push(
      figure('reviews', reviewTarget(block.key, 'total'), reviewLocation(block.key, 'total'), prevTotals.reviews[block.key], nowTotals.reviews[block.key], {
        total: true,
      }),
    );
  }
  return out;
}
