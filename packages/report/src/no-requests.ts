/**
 * 本年度未收到政府信息公开申请: the common case of a body that received no requests, filled in one
 * act and undone in one. Table 三 becomes 0 everywhere except 二、上年结转 (prefilled from last
 * year's 结转下年度继续办理; those requests still have to be handled this year, so the clerk is told
 * how many remain), table 四 becomes 0 when the clerk confirms there were no 复议 or 诉讼 either, and
 * （二）依申请公开 gets the sentence quiet bodies publish ("2024年，区数据局未收到政府信息公开申请。").
 */
import { REQUEST_COLUMNS } from './format';
import type { Cell, ReportContent } from './content';
import { INPUT_FIGURES, readInput, writeInputs } from './figures';

/** What the confirmation tells the clerk before anything changes. */
export type NoRequestsPlan = {
  /** 二、上年结转, total and by column (only columns holding a number above 0). */
  carriedIn: { total: number; columns: { label: string; count: number }[] };
  /** Cells of 上年结转 still blank (no report last year): the clerk fills them (0 when none). */
  carriedInBlank: number;
  /** Table 四 already holds a number above 0: it is not zeroed unless the clerk says so. */
  reviewsHaveFigures: boolean;
  /** （二）依申请公开 already has text: the sentence replaces it only when the clerk says so. */
  requestTextPresent: boolean;
  /** The customary sentence for （二）依申请公开. */
  sentence: string;
};

/** Exactly what the fill replaced, so one undo puts it back. */
export type NoRequestsUndo = { cells: [string, Cell][]; requestText: string | null };

export type NoRequestsFill = { content: ReportContent; undo: NoRequestsUndo; changedCells: number };

const isCarriedIn = (key: string) => key.startsWith('requests.carriedIn.');
const REQUEST_KEYS = INPUT_FIGURES.filter((f) => f.table === 'requests' && !isCarriedIn(f.key)).map((f) => f.key);
const REVIEW_KEYS = INPUT_FIGURES.filter((f) => f.table === 'reviews').map((f) => f.key);

/** The sentence real bodies write when nothing came in ("2024年，区数据局未收到政府信息公开申请。"). */
export function noRequestsSentence(year: number, body: string, carriedIn: number): string {
  return carriedIn > 0
    ? `${year}年，${body}未收到新的政府信息公开申请，上年结转申请${carriedIn}件。`
    : `${year}年，${body}未收到政府信息公开申请。`;
}

export function planNoRequests(content: ReportContent, ctx: { year: number; body: string }): NoRequestsPlan {
  const row = content.requests.carriedIn;
  const columns = REQUEST_COLUMNS.map((c, i) => ({ label: c.label, count: row[i] ?? 0 })).filter((c) => c.count > 0);
  const total = columns.reduce((a, c) => a + c.count, 0);
  return {
    carriedIn: { total, columns },
    carriedInBlank: row.filter((v) => v == null).length,
    reviewsHaveFigures: REVIEW_KEYS.some((k) => (readInput(content, k) ?? 0) > 0),
    requestTextPresent: content.overview.request.trim() !== '',
    sentence: noRequestsSentence(ctx.year, ctx.body, total),
  };
}

/**
 * Fill: every typed cell of 三 but 上年结转 becomes 0; with `reviews` every typed cell of 四 too;
 * with `sentence` （二）依申请公开 becomes that text. The undo holds the previous value of every
 * cell and text it wrote.
 */
export function fillNoRequests(content: ReportContent, opts: { reviews: boolean; sentence: string | null }): NoRequestsFill {
  const keys = opts.reviews ? [...REQUEST_KEYS, ...REVIEW_KEYS] : REQUEST_KEYS;
  const undo: NoRequestsUndo = { cells: keys.map((k) => [k, readInput(content, k)]), requestText: null };
  const changedCells = undo.cells.filter(([, v]) => v !== 0).length;
  let next = writeInputs(content, new Map(keys.map((k) => [k, 0])));
  if (opts.sentence != null) {
    undo.requestText = content.overview.request;
    next = { ...next, overview: { ...next.overview, request: opts.sentence } };
  }
  return { content: next, undo, changedCells };
}

/** Undo: the cells and the text the fill wrote get back exactly what they held before it. */
export function undoNoRequests(content: ReportContent, undo: NoRequestsUndo): ReportContent {
  let next = writeInputs(content, new Map(undo.cells));
  if (undo.requestText != null) next = { ...next, overview: { ...next.overview, request: undo.requestText } };
  return next;
}
