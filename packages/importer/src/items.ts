/**
 * The reading model every input is brought into before the report is found in it: a list of
 * items in document order. A paragraph of text is a `line`; a table cell is a `cell`; `rowEnd`
 * closes a table row where the input has real rows (HTML, DOCX). Text copied off a web page has
 * no real tables: its table lines stay `line`s until the section they sit in turns them into
 * cells (see textCells).
 */
import { isZeroToken, parseCellText } from '@ccgov/report';

/** Where a piece of the source stands, for the preview and for messages. */
export type SourceRef = {
  /** 1-based line of a text input. */
  line?: number;
  /** Character offset in an HTML input. */
  offset?: number;
  /** HTML / DOCX tables: 1-based table, row and cell (as the source lists cells). */
  table?: number;
  row?: number;
  cell?: number;
  /** The source text itself. */
  text: string;
};

export type Item =
  | { kind: 'line'; text: string; ref: SourceRef }
  | { kind: 'cell'; text: string; ref: SourceRef }
  | { kind: 'rowEnd' };

/** A table cell classified: a label, or a value (null when the cell is blank). */
export type Token =
  | { kind: 'label'; text: string; ref: SourceRef }
  | { kind: 'value'; value: number | null; raw: string; ref: SourceRef }
  | { kind: 'rowEnd' };

/**
 * A label reduced to what identifies it: full-width letters, digits and brackets folded to
 * half-width (NFKC), and every space, line break, bracket, quote and punctuation mark removed,
 * so “三安全一稳定” and "三安全一稳定", （一） and (一), 1. and 1、 read alike.
 */
export function normLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[、，,。.．:：;；()（）[\]［］【】{}“”"‘’'「」『』〈〉《》<>·•・\-—–_/／|｜!！?？]/g, '');
}

const NUMBERISH = /^[0-9０-９][0-9０-９,，.．]*$/;

/** A cell's text as a value (blank, a dash meaning 0, a number), or undefined for a label. */
export function cellValue(raw: string): { value: number | null } | undefined {
  // Digits apart ("0 0 0", "3 0") are several figures, not one; only "1 234" (groups of three
  // after the first) is one number written with spaces between its thousands.
  const groups = raw.trim().split(/[\s\u3000\u00a0]+/);
  if (groups.length > 1 && groups.every((g) => /^[0-9０-９]+$/.test(g)) && !groups.slice(1).every((g) => g.length === 3)) return undefined;
  const s = raw.replace(/[\s\u3000\u00a0]+/g, '');
  if (s === '') return { value: null };
  if (isZeroToken(s)) return { value: 0 };
  const unit = s.replace(/[件个次条]$/, '');
  if (!NUMBERISH.test(unit)) return undefined;
  const v = parseCellText(unit);
  return typeof v === 'number' ? { value: v } : undefined;
}

/** Is this whitespace-separated part of a text cell a figure (a number or a dash)? */
function isFigurePart(part: string): boolean {
  return isZeroToken(part) || NUMBERISH.test(part);
}

/**
 * Classify cells into tokens. `loose` (text input): a cell that is a label followed by numbers
 * separated by spaces ("规章 0 0 0") or several numbers ("0 0 0") is split; real table cells
 * are taken as they are.
 */
export function tokenize(items: readonly Item[], loose: boolean): Token[] {
  const out: Token[] = [];
  for (const item of items) {
    if (item.kind === 'rowEnd') {
      out.push(item);
      continue;
    }
    const text = item.text.trim();
    // Text input: figures apart on one line ("0 0 0 0", a PDF's text layer) are one cell each.
    const apart = loose ? text.split(/[\s\u3000\u00a0]+/) : [];
    if (apart.length > 1 && apart.every(isFigurePart)) {
      for (const p of apart) out.push({ kind: 'value', value: cellValue(p)!.value, raw: p, ref: item.ref });
      continue;
    }
    const v = cellValue(text);
    if (v) {
      out.push({ kind: 'value', value: v.value, raw: text, ref: item.ref });
      continue;
    }
    if (loose) {
      const parts = text.split(/[\s\u3000\u00a0]+/);
      let k = parts.length;
      while (k > 0 && isFigurePart(parts[k - 1]!)) k--;
      if (parts.length > 1 && k < parts.length) {
        if (k > 0) out.push({ kind: 'label', text: parts.slice(0, k).join(' '), ref: item.ref });
        for (const p of parts.slice(k)) out.push({ kind: 'value', value: cellValue(p)!.value, raw: p, ref: item.ref });
        continue;
      }
    }
    out.push({ kind: 'label', text, ref: item.ref });
  }
  return out;
}

/** Does this bit of text end (or start) with a figure, so a line break there separates cells? */
function figureAtEnd(s: string): boolean {
  const parts = s.trim().split(/[\s\u3000\u00a0]+/);
  return parts.length > 0 && parts[parts.length - 1] !== '' && isFigurePart(parts[parts.length - 1]!);
}
function figureAtStart(s: string): boolean {
  const first = s.trim().split(/[\s\u3000\u00a0|]+/)[0] ?? '';
  return first !== '' && isFigurePart(first);
}

/**
 * Cells of a table flattened into text lines with `|` (or tab) separators, as a web page's table
 * reads when copied: every `|` ends a cell (so `| |` is a blank cell), a line break inside a label
 * continues the label, and a line break next to a figure ends the cell.
 */
export function textCells(lines: readonly { text: string; line: number }[]): Item[] {
  const out: Item[] = [];
  let buf = '';
  let bufLine = 0;
  let open = false;
  const emit = () => {
    out.push({ kind: 'cell', text: buf.trim(), ref: { line: bufLine, text: buf.trim() } });
    buf = '';
    open = false;
  };
  for (const { text: raw, line } of lines) {
    const s = raw.replace(/\t/g, '|');
    if (s.trim() === '') continue;
    if (open && !s.trimStart().startsWith('|') && (figureAtEnd(buf) || figureAtStart(s))) emit();
    const parts = s.split('|');
    parts.forEach((part, i) => {
      if (i > 0) emit();
      if (!open) {
        bufLine = line;
        open = true;
      }
      buf += part;
    });
    if (buf.trim() === '') {
      buf = '';
      open = false;
    }
  }
  if (open && buf.trim() !== '') emit();
  return out;
}
