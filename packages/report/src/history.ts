/**
 * A figure's values in the body's previous years, for the small history shown beside a cell in
 * the editor and the review screen ("2021 12 · 2022 15 · 2023 14 · 本年 80 ↑").
 */
import type { ReportContent } from './content';
import { FIGURES, figureValues } from './figures';

/** At most this many previous years are shown. */
export const HISTORY_YEARS = 5;

export type FigureHistory = {
  /** Previous years, oldest first; `imported` when the year's publication came from 历史导入. */
  years: { year: number; imported: boolean }[];
  /** Per figure key, the value in each of `years` (same order; null when the report left it empty). */
  byFigure: Record<string, (number | null)[]>;
};

/**
 * The history of every figure from the body's published reports (one per year), the
 * `HISTORY_YEARS` latest years before `year`.
 */
export function figureHistory(published: readonly { year: number; content: ReportContent; imported: boolean }[], year: number): FigureHistory {
  const rows = [...published].filter((p) => p.year < year).sort((a, b) => a.year - b.year).slice(-HISTORY_YEARS);
  const values = rows.map((p) => figureValues(p.content));
  const byFigure: Record<string, (number | null)[]> = {};
  for (const f of FIGURES) byFigure[f.key] = values.map((v) => v[f.key] ?? null);
  return { years: rows.map((p) => ({ year: p.year, imported: p.imported })), byFigure };
}

/**
 * Whether this year's value jumps from the latest previous one: at least doubled or halved and
 * by 5 or more (so 1 → 2 is no jump, 12 → 80 is). Null when there is nothing to compare.
 */
export function historyJump(previous: number | null | undefined, current: number | null | undefined): 'up' | 'down' | null {
  if (previous == null || current == null) return null;
  const diff = current - previous;
  if (Math.abs(diff) < 5) return null;
  if (diff > 0 && current >= previous * 2) return 'up';
  if (diff < 0 && current * 2 <= previous) return 'down';
  return null;
}
