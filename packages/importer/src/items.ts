/**
 * The reading model every input is brought into before the report is found in it: a list of
 * items in document order. A paragraph of text is a `line`; a table cell is a `cell`; `rowEnd`
 * closes a table row where the input has real rows (HTML, DOCX). Text copied off a web page has
 * no real tables: its table lines stay `line`s until the section they sit in turns them into
 * cells (see textCells).
 */
import { RESULT_GROUPS, RESULT_GROUP_LABEL, isZeroToken, parseCellText } from '@ccgov/report';

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
  /**
   * `loose`: text that may stand inside a row label without being part of it (a text layer writes
   * a group label printed vertically one character a line, or beside the rows it spans): 'char'
   * for a single character, 'group' for a piece of a group label (（六）其他处理, 本年度办理结果).
   * A row label may take these characters or leave them out.
   */
  | { kind: 'label'; text: string; ref: SourceRef; loose?: 'char' | 'group' }
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
  const unit = s.replace(/(?:[件个次条]|万元)$/, '');
  if (!NUMBERISH.test(unit)) return undefined;
  const v = parseCellText(unit);
  return typeof v === 'number' ? { value: v } : undefined;
}

/** Is this whitespace-separated part of a text cell a figure (a number, with its unit, or a dash)? */
function isFigurePart(part: string): boolean {
  // One rule with cellValue, so a part taken as a figure always has a value ("3." is a label's ordinal).
  return part.trim() !== '' && cellValue(part) !== undefined;
}

/** The group labels of table 三 (三、本年度办理结果, （三）不予公开 …), reduced by normLabel. */
const GROUP_LABELS = [RESULT_GROUP_LABEL, ...RESULT_GROUPS.map((g) => g.label)].map(normLabel);

/** Is this bit of label text one a row label may leave out (a vertical character, a piece of a group label)? */
export function looseKind(text: string): 'char' | 'group' | undefined {
  const n = normLabel(text);
  if (n.length === 0 || (n.length === 1 && !/[0-9]/.test(n))) return 'char';
  return GROUP_LABELS.some((g) => g.includes(n)) ? 'group' : undefined;
}

/** A label run of a line as tokens: its loose pieces at either end apart from the label itself. */
function labelTokens(parts: string[], ref: SourceRef): Token[] {
  let a = 0;
  let b = parts.length;
  while (a < b && looseKind(parts[a]!)) a++;
  while (b > a && looseKind(parts[b - 1]!)) b--;
  const loose = (p: string): Token => ({ kind: 'label', text: p, ref, loose: looseKind(p) });
  return [...parts.slice(0, a).map(loose), ...(b > a ? [{ kind: 'label' as const, text: parts.slice(a, b).join(' '), ref }] : []), ...parts.slice(b).map(loose)];
}

/**
 * Tokens of a table written without separators, one text line at a time (a PDF's text layer, a
 * flip-book page, or a page copied one cell a line): on each line, label text and the figures apart
 * after it ("规章 0 0 0", "行政规范性文件 2件 0件 5件", "（二）部分公开（区分处理的，只计 0 0 0 0 0 0 0").
 * An ordinal before the label ("1. 属于国家秘密", "2 重复申请") is the label's, not a figure.
 */
export function layerTokens(lines: readonly { text: string; line: number }[]): Token[] {
  const out: Token[] = [];
  for (const { text, line } of lines) {
    const t = text.trim();
    if (!t) continue;
    const ref: SourceRef = { line, text: t };
    const parts: string[] = [];
    // A unit apart from its figure ("3 件") is the figure's.
    for (const p of t.split(/[\s\u3000\u00a0]+/)) {
      if (/^(?:[件个次条]|万元)$/.test(p) && parts.length && isFigurePart(parts[parts.length - 1]!)) parts[parts.length - 1] += p;
      else parts.push(p);
    }
    const fig = parts.map(isFigurePart);
    if (fig[0] && parts.length > 1 && !fig[1]) fig[0] = false;
    for (let i = 0; i < parts.length; ) {
      let j = i;
      while (j < parts.length && fig[j] === fig[i]) j++;
      if (fig[i]) for (const p of parts.slice(i, j)) out.push({ kind: 'value', value: cellValue(p)!.value, raw: p, ref });
      else out.push(...labelTokens(parts.slice(i, j), ref));
      i = j;
    }
  }
  return out;
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
        if (k > 0) out.push(...labelTokens([parts.slice(0, k).join(' ')], item.ref));
        for (const p of parts.slice(k)) out.push({ kind: 'value', value: cellValue(p)!.value, raw: p, ref: item.ref });
        continue;
      }
    }
    out.push(...(loose ? labelTokens([text], item.ref) : [{ kind: 'label' as const, text, ref: item.ref }]));
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
