/**
 * 对照原文: the figures of an import placed beside the source lines they were read from, for the
 * admin's preview. Each line of the source carries the figures read from it; a figure read from a
 * blank cell (taken as 0) and a figure that could not be placed (left blank) are marked, so the
 * reader checks exactly those against the original.
 */
import { FIGURE_BY_KEY, type Figure } from '@ccgov/report';
import type { ParsedReport } from './parse';

export type SourceFigureState =
  /** Read from a number (or a dash meaning 0) in the source. */
  | 'placed'
  /** The source cell was blank: taken as 0, check it. */
  | 'blank'
  /** Could not be placed with certainty: left blank (see the message). */
  | 'unplaced';

export type SourceFigure = {
  /** Figure key; empty for a source row that is not a row of the format. */
  key: string;
  /** The figure in words: 表三 （三）不予公开1.属于国家秘密 自然人. */
  label: string;
  value: number | null;
  /** The cell text as the source printed it. */
  raw: string;
  state: SourceFigureState;
  /** For unplaced figures: the importer's message. */
  message?: string;
};

export type SourceViewLine = { line: number; text: string; figures: SourceFigure[] };

export type SourceView = {
  /** Every line of the source, in order, with the figures read from it. */
  lines: SourceViewLine[];
  /** Unplaced figures whose row was not found in the source at all (no line to stand beside). */
  unlocated: SourceFigure[];
  counts: { placed: number; blank: number; unplaced: number };
};

const TABLE_NAME: Record<Figure['table'], string> = { proactive: '表二', requests: '表三', reviews: '表四' };

/** "表三 （三）不予公开1.属于国家秘密 自然人" */
export function figureWords(key: string): string {
  const f = FIGURE_BY_KEY.get(key);
  return f ? `${TABLE_NAME[f.table]} ${f.name}` : key;
}

export function sourceView(parsed: Pick<ParsedReport, 'sourceLines' | 'sources' | 'published' | 'unplaced'>): SourceView {
  const lines: SourceViewLine[] = parsed.sourceLines.map((text, i) => ({ line: i + 1, text, figures: [] }));
  const unlocated: SourceFigure[] = [];
  const counts = { placed: 0, blank: 0, unplaced: 0 };
  const at = (line: number | undefined) => (line && line >= 1 && line <= lines.length ? lines[line - 1]! : null);

  for (const [key, ref] of Object.entries(parsed.sources)) {
    const raw = ref.text.trim();
    const state: SourceFigureState = raw === '' ? 'blank' : 'placed';
    counts[state]++;
    const figure: SourceFigure = { key, label: figureWords(key), value: parsed.published[key] ?? null, raw, state };
    (at(ref.line)?.figures ?? unlocated).push(figure);
  }
  for (const u of parsed.unplaced) {
    const line = at(u.ref?.line);
    const entries: SourceFigure[] = u.keys.length
      ? u.keys.map((key) => ({ key, label: figureWords(key), value: null, raw: '', state: 'unplaced' as const, message: u.message }))
      : [{ key: '', label: `${u.table} ${u.label}`, value: null, raw: u.snippet, state: 'unplaced' as const, message: u.message }];
    counts.unplaced += u.keys.length;
    (line?.figures ?? unlocated).push(...entries);
  }
  // Within a line, in the order of the format (the order the cells stand in the row).
  const order = new Map([...FIGURE_BY_KEY.keys()].map((k, i) => [k, i]));
  for (const l of lines) l.figures.sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
  return { lines, unlocated, counts };
}
