/**
 * 口径变化 footnotes: a figure that a cross-year rule flags (R10 a ×10 swing in 本年新收, R07 上年结转
 * ≠ last year's 结转下年度, R12 现行有效 not rolling forward) may be explained by a change in how it
 * is counted. A 说明 on such a warning that begins with “口径变化” (e.g. “口径变化：自2024年起，
 * 12345 热线转来的申请也计入本表”) is published: the public page marks the figure 注1 and prints the
 * note below its table. Other 说明 stay between the department and the reviewer.
 */
import { FIGURE_BY_KEY, FIGURES } from './figures';
import type { CheckIssue } from './issues';

/** The warnings a 口径变化 note can explain: cross-year comparisons of one figure. */
export const CALIBER_CODES: ReadonlySet<string> = new Set(['previous.swing', 'crossYear.carriedIn', 'crossYear.inForce']);

/** “口径变化” at the start of a 说明, with or without a colon or brackets after it. */
const CALIBER_MARK = /^[\s\u3000]*[（(【[]?口径变化[）)】\]]?[\s\u3000]*[：:，,、。.\-—]?[\s\u3000]*/;

export type CaliberFootnote = {
  /** 1-based, in the order of the figures in the report. */
  n: number;
  /** The figure the note stands beside (a figure key). */
  figureKey: string;
  table: 'proactive' | 'requests' | 'reviews';
  /** The note as the department wrote it, without the leading “口径变化：”. */
  text: string;
  /** The warning it explains (e.g. previous.swing). */
  code: string;
};

/** Is this 说明 a 口径变化 note? */
export function isCaliberNote(text: string | undefined): boolean {
  return !!text && /^[\s\u3000]*[（(【[]?口径变化/.test(text);
}

/** The note's text for the public page (“统计口径变化” when nothing follows the mark). */
export function caliberText(text: string): string {
  const rest = text.replace(CALIBER_MARK, '').trim();
  return rest === '' ? '统计口径变化。' : rest;
}

/**
 * The footnotes of a report: one per figure whose cross-year warning (raised on this content
 * against the year before) carries a 口径变化 说明. A note on a warning the content no longer
 * raises is not shown: the footnote explains a difference the reader can see.
 */
export function caliberFootnotes(warnings: readonly CheckIssue[], explanations: Readonly<Record<string, string>>): CaliberFootnote[] {
  const byFigure = new Map<string, { text: string; code: string }>();
  for (const w of warnings) {
    if (!CALIBER_CODES.has(w.code) || !FIGURE_BY_KEY.has(w.target)) continue;
    const note = explanations[w.key];
    if (!isCaliberNote(note)) continue;
    const text = caliberText(note!);
    const had = byFigure.get(w.target);
    // Two warnings on one figure: one footnote, both notes (unless they say the same).
    byFigure.set(w.target, had ? { text: had.text === text ? text : `${had.text} ${text}`, code: had.code } : { text, code: w.code });
  }
  const out: CaliberFootnote[] = [];
  for (const f of FIGURES) {
    const hit = byFigure.get(f.key);
    if (hit) out.push({ n: out.length + 1, figureKey: f.key, table: f.table, text: hit.text, code: hit.code });
  }
  return out;
}
