/**
 * Tables 二, 三 and 四 read from their cells by the official labels of @ccgov/report.
 *
 * A row is a run of label cells followed by its value cells. A row's values are placed only when
 * its label is an official row label and it has exactly as many values as the format has
 * columns (blank cells after the last one are layout, not figures; an all-blank row is all 0).
 * Anything else is left blank and reported: a figure is never guessed.
 */
import {
  FIGURE_BY_KEY,
  PROACTIVE_TABLES,
  REQUEST_COLUMNS,
  REQUEST_ORG_GROUP,
  REQUEST_ROWS,
  RESULT_GROUPS,
  REVIEW_BLOCKS,
  REVIEW_GROUP_LABEL,
  REVIEW_RESULTS,
  LAWSUIT_GROUP_LABEL,
  TOTAL_KEY,
  type RequestRowKey,
} from '@ccgov/report';
import { normLabel, type SourceRef, type Token } from './items';

export type TableName = '表二' | '表三' | '表四';

/** A figure the parser could not place with certainty: left blank, listed with the source. */
export type Unplaced = {
  table: TableName;
  /** The row (or block) in words, e.g. “（四）无法提供 2.没有现成信息需要另行制作”. */
  label: string;
  /** Figure keys left blank. */
  keys: string[];
  /** The user-facing sentence: 表三‘（四）无法提供 2.没有现成信息需要另行制作’ 未能识别（…）. */
  message: string;
  /** The source text the row was read from (empty when the row was not found at all). */
  snippet: string;
  ref?: SourceRef;
};

/** One value read from the source, by figure key (typed figures and published totals alike). */
export type Placed = Map<string, { value: number; ref: SourceRef }>;

type Row = { labels: Token[]; values: Extract<Token, { kind: 'value' }>[] };

/** Group tokens into rows: label cells, then the value cells up to the next label or row end. */
function rows(tokens: readonly Token[]): Row[] {
  const out: Row[] = [];
  let row: Row = { labels: [], values: [] };
  const close = () => {
    if (row.labels.length || row.values.length) out.push(row);
    row = { labels: [], values: [] };
  };
  for (const t of tokens) {
    if (t.kind === 'rowEnd') close();
    else if (t.kind === 'label') {
      if (row.values.length) close();
      row.labels.push(t);
    } else row.values.push(t);
  }
  close();
  return out;
}

const labelOf = (row: Row) => normLabel(row.labels.map((l) => (l.kind === 'label' ? l.text : '')).join(''));
const snippetOf = (row: Row) =>
  [...row.labels.map((l) => (l.kind === 'label' ? l.text : '')), ...row.values.map((v) => v.raw || '（空）')].join(' | ');

/**
 * The values of a row when they are certain, else null: exactly `n` cells once trailing blanks
 * are dropped (blank = 0), or exactly `n` figures (then every blank is layout), or no figure at
 * all in at least `n` cells (all 0).
 */
function exactValues(row: Row, n: number, stream = false): Row['values'] | null {
  const vals = [...row.values];
  if (vals.length >= n && vals.every((v) => v.value === null)) return vals.slice(0, n);
  while (vals.length > n && vals[vals.length - 1]!.value === null) vals.pop();
  if (vals.length === n) return vals;
  if (stream) {
    // Text has no row ends: a blank among the figures is a cell (0), not layout; only blanks before
    // the first figure are (a merged cell's `|`).
    while (vals.length > n && vals[0]!.value === null) vals.shift();
    return vals.length === n ? vals : null;
  }
  const figures = row.values.filter((v) => v.value !== null);
  return figures.length === n ? figures : null;
}

const hasFigures = (row: Row) => row.values.some((v) => v.value !== null);

/** The label forms a row may take: the official one, and without a trailing parenthetical note. */
function labelForms(label: string): string[] {
  const full = normLabel(label);
  const short = normLabel(label.replace(/[（(][^（()）]*[）)]$/, ''));
  return short && short !== full ? [full, short] : [full];
}

type RowDef = { key: string; forms: string[]; label: string };

/** The official row a label ends with (the longest form wins; two rows on the same form: none). */
function matchRow(label: string, defs: readonly RowDef[]): RowDef | null {
  let best: RowDef | null = null;
  let bestLen = 0;
  let tie = false;
  for (const d of defs) {
    for (const f of d.forms) {
      if (!label.endsWith(f)) continue;
      if (f.length > bestLen) {
        best = d;
        bestLen = f.length;
        tie = false;
      } else if (f.length === bestLen && best !== d) tie = true;
    }
  }
  return tie ? null : best;
}

const unplacedMessage = (table: TableName, label: string, why: string) => `${table}‘${label}’ 未能识别（${why}）`;

// ---------------------------------------------------------------------------------------------
// Text without row ends (a PDF's text layer, text copied off a page): rows found in the stream
// ---------------------------------------------------------------------------------------------
type Value = Extract<Token, { kind: 'value' }>;
type StreamDef = RowDef & { n: number };
/** A row read from the stream: where its label stands and the figures inside it or right after it. */
type StreamHit = {
  def: StreamDef;
  s: number;
  e: number;
  values: Value[];
  labels: Token[];
  /** Lots of figures (with label text between them) read into the row. */
  groups: number;
  /** The figures may as well be the next row's (or the table's figures may stand before their labels). */
  doubtful?: string;
}
type Stream = {
  hits: StreamHit[];
  /** Figures inside no row label (after the first row): never placed, listed with their text. */
  stray: { labels: Token[]; values: Value[] }[];
};

/**
 * Rows of a table read as a person reads a text that has no row ends: the label text of all cells
 * in one run, and each official row label found in it. A row's figures are those that stand
 * inside its label (a label wrapped over lines, the figures on its first or middle line) or
 * right after it, before the next label text; characters a text layer puts inside labels — a
 * group label printed vertically, one character a line, or beside the rows it spans — may be
 * passed over. Figures before the first row are the table's head.
 */
function readStream(tokens: readonly Token[], defs: readonly StreamDef[], serial = false): Stream {
  const chars: { ch: string; tok: number; loose?: 'char' | 'group' }[] = [];
  const groups: { pos: number; values: Value[] }[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'label') for (const ch of normLabel(t.text)) chars.push({ ch, tok: i, loose: t.loose });
    else if (t.kind === 'value') {
      const g = groups[groups.length - 1];
      if (g && g.pos === chars.length) g.values.push(t);
      else groups.push({ pos: chars.length, values: [t] });
    }
  });
  // Where a form matches from chars[i]: the end, or -1. Loose characters may be passed over.
  const matchAt = (i: number, f: string): number => {
    let budget = 2000;
    const go = (a: number, b: number): number => {
      if (b === f.length) return a;
      if (a >= chars.length || --budget < 0) return -1;
      if (chars[a]!.ch === f[b]) {
        const r = go(a + 1, b + 1);
        if (r >= 0) return r;
      }
      return chars[a]!.loose ? go(a + 1, b) : -1;
    };
    return go(i, 0);
  };
  const found: { def: StreamDef; s: number; e: number; len: number }[] = [];
  for (const def of defs) {
    for (const f of def.forms) {
      for (let i = 0; i < chars.length; i++) {
        if (chars[i]!.ch !== f[0]) continue;
        const e = matchAt(i, f);
        if (e >= 0) found.push({ def, s: i, e, len: f.length });
      }
    }
  }
  // The longest label wins where two overlap (（二）部分公开（…） over （二）部分公开).
  found.sort((a, b) => b.len - a.len || a.s - b.s);
  const taken: typeof found = [];
  for (const m of found) if (!taken.some((t) => m.s < t.e && t.s < m.e)) taken.push(m);
  taken.sort((a, b) => a.s - b.s);

  const labelsOf = (from: number, to: number) => {
    const toks = new Set<number>();
    for (let k = from; k < to; k++) toks.add(chars[k]!.tok);
    return [...toks].map((k) => tokens[k]!);
  };
  const hits: StreamHit[] = taken.map((m) => ({ def: m.def, s: m.s, e: m.e, values: [], labels: labelsOf(m.s, m.e), groups: 0 }));
  const stray: Stream['stray'] = [];
  let lastEnd = 0;
  for (const g of groups) {
    // The row whose label holds the figures, or ends right before them (vertical characters between).
    const k = taken.findIndex((m, j) => {
      let ext = m.e;
      const next = taken[j + 1]?.s ?? chars.length;
      while (ext < next && chars[ext]!.loose === 'char') ext++;
      return m.s < g.pos && g.pos <= ext;
    });
    if (k >= 0) {
      const next = taken[k + 1];
      const last = g.values[g.values.length - 1]!;
      // A 序号 column: the number right before the next row's label is that row's 序号, no figure.
      const extra = g.values.length + hits[k]!.values.length > taken[k]!.def.n;
      if (serial && next && extra && /^\d{1,2}$/.test(last.raw.trim()) && chars.slice(g.pos, next.s).every((c) => c.loose)) g.values = g.values.slice(0, -1);
      hits[k]!.values.push(...g.values);
      if (g.values.some((v) => v.value !== null)) hits[k]!.groups++;
      lastEnd = taken[k]!.e;
    } else if (taken.length && g.pos > taken[0]!.s && g.values.some((v) => v.value !== null)) {
      const from = Math.max(lastEnd, ...taken.filter((m) => m.e <= g.pos).map((m) => m.e));
      stray.push({ labels: labelsOf(from, g.pos), values: g.values });
    }
  }
  // Figures on a line of their own between two labels are the row's above, unless the row below
  // has none: then they may be its figures printed before its label, and the row above blank.
  // A row with a second lot of figures after its own (or too many) says the same: the lot may be the next row's,
  // and so on down while the rows' figures stand on lines of their own.
  const lineOf = (t: Token) => (t.kind === 'rowEnd' ? undefined : t.ref.line);
  const apartOf = (h: StreamHit) => {
    const own = new Set(h.labels.map(lineOf));
    return h.values.length > 0 && h.values.every((v) => !own.has(v.ref.line));
  };
  let shifted = false;
  for (const h of hits) {
    if (h.groups > 1 || h.values.filter((v) => v.value !== null).length > h.def.n) shifted = true;
    else if (shifted && apartOf(h)) h.doubtful = '上一行的数字分在几处，本行的数字可能属于别的行';
    else shifted = false;
  }
  hits.forEach((h, k) => {
    const next = hits[k + 1];
    if (!next || next.values.length || !h.values.length) return;
    const apart = apartOf(h);
    // A text cut right after a row's label (a page store's cut) leaves that row without figures;
    // not so the table's last row, after which the section ends.
    const finalRow = defs.filter((d) => !d.key.startsWith('#')).at(-1);
    const textEnds = k + 1 === hits.length - 1 && next.def !== finalRow && chars.length === next.e && tokens.indexOf(next.labels[next.labels.length - 1]!) === tokens.length - 1;
    if (apart && !textEnds) h.doubtful = '数字在两行名之间，属于本行还是下一行无法确定';
  });
  // Figures right before the first row's label: a row whose label the page lost, or a table that
  // writes each row's figures before its label — then its last row has none after it.
  const first = taken[0];
  const before = first ? groups.find((g) => g.pos <= first.s && g.values.some((v) => v.value !== null) && chars.slice(g.pos, first.s).every((c) => c.loose)) : undefined;
  if (before && !hits[hits.length - 1]!.values.length) for (const h of hits) h.doubtful = '数字在行名之前，无法对应';
  else if (before) stray.unshift({ labels: [], values: before.values });
  return { hits, stray };
}

const textOf = (labels: readonly Token[]) => labels.map((l) => (l.kind === 'label' ? l.text : '')).join('');
const streamSnippet = (labels: readonly Token[], values: readonly Value[]) =>
  [...labels.map((l) => (l.kind === 'label' ? l.text : '')), ...values.map((v) => v.raw || '（空）')].join(' | ');
const refOf = (labels: readonly Token[], values: readonly Value[]) => (labels[0]?.kind === 'label' ? labels[0].ref : values[0]?.ref);

/**
 * Each def's hit as a row (labels, then values), and why it cannot be read: found more than once,
 * or its figures in two places with label text between them (a row's figures stand on one line; a
 * second lot on a later line may be a page number or another row's).
 */
function streamRows(st: Stream, def: StreamDef): { row: Row | null; why: string | null } {
  const hits = st.hits.filter((h) => h.def.key === def.key);
  const row = hits[0] ? { labels: hits[0].labels, values: hits[0].values } : null;
  const why = !row ? '未找到该行' : hits.length > 1 ? '该行出现不止一次' : hits[0]!.groups > 1 ? '数字分在几处，无法对应' : hits[0]!.doubtful ? hits[0]!.doubtful : exactValues(row, def.n, true) ? null : `应有${def.n}个数字，读到${row.values.filter((v) => v.value !== null).length}个`;
  return { row, why };
}

// ---------------------------------------------------------------------------------------------
// 三
// ---------------------------------------------------------------------------------------------
const REQUEST_COL_KEYS = [...REQUEST_COLUMNS.map((c) => c.key as string), TOTAL_KEY];

function requestRowLabel(key: RequestRowKey): string {
  const row = REQUEST_ROWS.find((r) => r.key === key)!;
  const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
  return group ? `${group.label} ${row.label}` : row.label;
}

const REQUEST_DEFS: RowDef[] = REQUEST_ROWS.map((r) => ({ key: r.key, forms: labelForms(r.label), label: requestRowLabel(r.key) }));
const OTHER_HANDLING_GROUP = normLabel(RESULT_GROUPS.find((g) => g.key === 'otherHandling')!.label);
const FIRST_REQUEST_ROW = normLabel(REQUEST_ROWS[0].label);

export type TableRead = { placed: Placed; unplaced: Unplaced[]; trialFormat?: string };

/**
 * Table 三's column heads as a text keeps them (a text layer breaks 商业企业 into 商业 / 企业): what
 * each starts with, its rank in the official order (法人或其他组织 heads the five after 自然人) and
 * its column.
 */
const HEAD_WORDS: { word: string; rank: number; col?: number }[] = [
  { word: '自然', rank: 0, col: 0 },
  { word: '§', rank: 1 },
  { word: '商业', rank: 2, col: 1 },
  { word: '科研', rank: 3, col: 2 },
  { word: '社会', rank: 4, col: 3 },
  { word: '法律', rank: 5, col: 4 },
  { word: '其他', rank: 6, col: 5 },
  { word: '总计', rank: 7, col: 6 },
];

/**
 * The column order table 三's heads show. Every head row (or text line) names its columns left to
 * right, so in the official layout each names them in the official order, whatever it leaves to
 * the next row; a row that names them in another order shows columns moved. `order`: the columns
 * in reading order when one row names all seven; `moved`: the row that contradicts the official
 * order (its figures cannot be placed by position).
 */
export function requestHeadOrder(headRows: readonly string[]): { order: number[] | null; moved: string | null } {
  let moved: string | null = null;
  let order: number[] | null = null;
  const org = normLabel(REQUEST_ORG_GROUP);
  // 法人或其他组织, whole or broken (法人 / 或其他组织), is the group head, not the column 其他.
  const rowsText = headRows.map((row) => normLabel(row).split(org).join('§').replace(/其他组织/g, '§').replace(/法人/g, '§'));
  const twoLevels = rowsText.some((n) => n.includes('§'));
  for (const [r, n] of rowsText.entries()) {
    const row = headRows[r]!;
    const found: { pos: number; rank: number; col?: number }[] = [];
    for (const w of HEAD_WORDS) for (let i = n.indexOf(w.word); i >= 0; i = n.indexOf(w.word, i + 1)) found.push({ pos: i, rank: w.rank, col: w.col });
    found.sort((a, b) => a.pos - b.pos);
    // The two head rows of the official layout read as one line: 自然人 法人或其他组织 总计 商业企业 … 其他.
    const flat = (f: { rank: number }) => (f.rank === 7 ? 1.5 : f.rank);
    const inOrder = (rank: (f: { rank: number }) => number) => found.every((f, i) => i === 0 || rank(f) >= rank(found[i - 1]!));
    if (!inOrder((f) => f.rank) && !inOrder(flat)) moved ??= row;
    const cols = found.flatMap((f) => (f.col === undefined ? [] : [f.col]));
    // One row naming the seven columns (no 法人或其他组织 over five of them): the columns in its order.
    if (cols.length === 7 && new Set(cols).size === 7 && !twoLevels) order = cols;
  }
  return { order, moved: order ? null : moved };
}
const IDENTITY7 = [0, 1, 2, 3, 4, 5, 6];
const HEAD_MOVED = '表头的列与格式的列次序不同，无法对应';

/**
 * The order of a block of `words.length` columns as head rows name them (二's 本年制发件数 …, 四's
 * 结果维持 … 总计, repeated per block). Each head row (a source line) is read part by part; a part
 * names a column when `is` says so. A row naming whole blocks in one same order gives that order
 * (`perm`: the column of each figure of a block); a row naming columns against the official order
 * otherwise gives `moved`. Heads broken a character a line name nothing and change nothing.
 */
function blockOrder(tokens: readonly Token[], words: readonly ((part: string) => boolean)[]): { perm: number[] | null; moved: boolean } {
  const W = words.length;
  const lines = new Map<number, number[]>();
  for (const t of tokens) {
    if (t.kind !== 'label') continue;
    const seq = lines.get(t.ref.line ?? -1) ?? [];
    for (const part of t.text.split(/[\s\u3000|]+/)) {
      const n = normLabel(part);
      const w = n ? words.findIndex((is) => is(n)) : -1;
      if (w >= 0) seq.push(w);
    }
    lines.set(t.ref.line ?? -1, seq);
  }
  let perm: number[] | null = null;
  let moved = false;
  for (const seq of lines.values()) {
    if (seq.length < 2) continue;
    const chunks = seq.length % W === 0 ? Array.from({ length: seq.length / W }, (_, i) => seq.slice(i * W, i * W + W)) : [];
    if (chunks.length && chunks.every((c) => new Set(c).size === W && c.join() === chunks[0]!.join())) {
      if (perm && perm.join() !== chunks[0]!.join()) moved = true;
      perm = chunks[0]!;
      continue;
    }
    // Otherwise each block names its columns in order, a new block starting again at the first.
    if (seq.some((w, i) => i > 0 && w <= seq[i - 1]! && w !== 0)) moved = true;
  }
  if (moved) return { perm: null, moved };
  return { perm: perm && perm.some((c, i) => c !== i) ? perm : null, moved: false };
}
const PROACTIVE_HEADS = [(p: string) => p.includes('制发'), (p: string) => p.includes('废止'), (p: string) => p.includes('现行有效')];
const REVIEW_HEADS = [
  (p: string) => p === '维持' || p === '结果维持',
  (p: string) => p === '纠正' || p === '结果纠正',
  (p: string) => p === '其他结果',
  (p: string) => p === '审结' || p === '尚未审结',
  (p: string) => p === '总计',
];

/**
 * Table 三. `stream`: the tokens come from text without row ends (see readStream); otherwise rows
 * end where the source's rows end (HTML, DOCX) or where a label follows figures.
 */
export function readRequests(tokens: readonly Token[], stream = false): TableRead {
  if (stream) return readRequestStream(tokens);
  const placed: Placed = new Map();
  const unplaced: Unplaced[] = [];
  const all = rows(tokens);
  // The body starts at 一、本年新收…; what comes before is the header.
  const start = all.findIndex((r) => labelOf(r).includes(FIRST_REQUEST_ROW));
  const found = new Map<string, { row: Row; vals: Row['values'] | null }>();
  const conflicts = new Set<string>();
  let trialFormat: string | undefined;
  for (const row of start >= 0 ? all.slice(start) : []) {
    const label = labelOf(row);
    const def = label ? matchRow(label, REQUEST_DEFS) : null;
    if (!def) {
      // （六）其他处理 with figures of its own is the 2019 trial format (no sub-rows 1–3).
      if (label.endsWith(OTHER_HANDLING_GROUP) && hasFigures(row)) trialFormat = snippetOf(row);
      else if (hasFigures(row)) {
        unplaced.push({ table: '表三', label: row.labels.map((l) => (l.kind === 'label' ? l.text : '')).join(''), keys: [], message: unplacedMessage('表三', snippetOf(row).slice(0, 40), '不是格式中的行，其数字未导入'), snippet: snippetOf(row), ref: row.labels[0]?.kind === 'label' ? row.labels[0].ref : undefined });
      }
      continue;
    }
    if (found.has(def.key)) conflicts.add(def.key);
    found.set(def.key, { row, vals: exactValues(row, REQUEST_COL_KEYS.length) });
  }
  const head = requestHeadOrder(all.slice(0, Math.max(start, 0)).map(labelOf));
  const cols = head.order ?? IDENTITY7;
  for (const def of REQUEST_DEFS) {
    const keys = cols.map((c) => `requests.${def.key}.${REQUEST_COL_KEYS[c]}`);
    const hit = found.get(def.key);
    const ref = hit?.row.labels[0]?.kind === 'label' ? hit.row.labels[0].ref : undefined;
    if (!hit || conflicts.has(def.key) || !hit.vals || head.moved) {
      const why = !hit ? '未找到该行' : conflicts.has(def.key) ? '该行出现不止一次' : head.moved ? HEAD_MOVED : `应有${REQUEST_COL_KEYS.length}个数字，读到${hit.row.values.filter((v) => v.value !== null).length}个`;
      unplaced.push({ table: '表三', label: def.label, keys, message: unplacedMessage('表三', def.label, why), snippet: hit ? snippetOf(hit.row) : '', ref });
      continue;
    }
    hit.vals.forEach((v, i) => placed.set(keys[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
  }
  return { placed, unplaced, trialFormat };
}

/** Figures the stream found inside no row label: listed with their text, never placed. */
function strayUnplaced(table: TableName, x: { labels: Token[]; values: Value[] }): Unplaced {
  const snippet = streamSnippet(x.labels, x.values);
  return { table, label: textOf(x.labels), keys: [], message: unplacedMessage(table, snippet.slice(0, 40), '不是格式中的行，其数字未导入'), snippet, ref: refOf(x.labels, x.values) };
}

/** Words only the 2021 sub-rows of （六）其他处理 have: without them, figures beside （六）其他处理 are the 2019 trial format. */
const OTHER_HANDLING_WORDS = ['逾期不补正', '缴纳费用', '不再处理其政府信息公开申请'];

function readRequestStream(tokens: readonly Token[]): TableRead {
  const placed: Placed = new Map();
  const unplaced: Unplaced[] = [];
  const group: StreamDef = { key: '#otherHandling', forms: [OTHER_HANDLING_GROUP], label: '（六）其他处理', n: REQUEST_COL_KEYS.length };
  // A 序号 column before the row labels (its head 序号 stands before the first row).
  const firstRow = normLabel(textOf(tokens)).indexOf(FIRST_REQUEST_ROW);
  const serial = firstRow > 0 && normLabel(textOf(tokens)).slice(0, firstRow).includes('序号');
  const st = readStream(tokens, [...REQUEST_DEFS.map((d) => ({ ...d, n: REQUEST_COL_KEYS.length })), group], serial);
  const all = normLabel(textOf(tokens));
  let trialFormat: string | undefined;
  for (const h of st.hits.filter((x) => x.def === group)) {
    const figures = h.values.some((v) => v.value !== null);
    if (figures && !OTHER_HANDLING_WORDS.some((w) => all.includes(normLabel(w)))) trialFormat = streamSnippet(h.labels, h.values);
    else if (figures) unplaced.push(strayUnplaced('表三', h));
  }
  for (const x of st.stray) unplaced.push(strayUnplaced('表三', x));
  // The heads: the label text before the first row, line by line.
  const firstTok = st.hits.length ? Math.min(...st.hits.map((h) => tokens.indexOf(h.labels[0]!))) : tokens.length;
  const headLines = new Map<number, string>();
  for (const t of tokens.slice(0, firstTok)) if (t.kind === 'label') headLines.set(t.ref.line ?? 0, (headLines.get(t.ref.line ?? 0) ?? '') + t.text);
  const head = requestHeadOrder([...headLines.values()]);
  const cols = head.order ?? IDENTITY7;
  for (const def of REQUEST_DEFS) {
    const keys = cols.map((c) => `requests.${def.key}.${REQUEST_COL_KEYS[c]}`);
    const read = streamRows(st, { ...def, n: REQUEST_COL_KEYS.length });
    const { row } = read;
    const why = read.why ?? (head.moved ? HEAD_MOVED : null);
    const vals = row && !why ? exactValues(row, REQUEST_COL_KEYS.length, true) : null;
    if (!row || !vals) {
      unplaced.push({ table: '表三', label: def.label, keys, message: unplacedMessage('表三', def.label, why ?? '未找到该行'), snippet: row ? snippetOf(row) : '', ref: row ? refOf(row.labels, row.values) : undefined });
      continue;
    }
    vals.forEach((v, i) => placed.set(keys[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
  }
  return { placed, unplaced, trialFormat };
}

// ---------------------------------------------------------------------------------------------
// 二
// ---------------------------------------------------------------------------------------------
const PROACTIVE_DEFS = PROACTIVE_TABLES.flatMap((t) =>
  t.rows.map((r) => ({
    key: r.key,
    // 规范性文件 is how many reports word 行政规范性文件.
    forms: r.key === 'normativeDocs' ? [normLabel(r.label), normLabel(r.label.replace(/^行政/, ''))] : [normLabel(r.label)],
    label: r.label,
    columns: t.columns.map((c) => `proactive.${r.key}.${c.key}`),
  })),
);

/** Column headings of the 2019 trial format's table 二 (not of the 2021 format). */
const TRIAL_PROACTIVE = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '政府集中采购'];

/** Table 二 (`stream` as for readRequests). */
export function readProactive(tokens: readonly Token[], stream = false): TableRead {
  const placed: Placed = new Map();
  const unplaced: Unplaced[] = [];
  const all = rows(tokens);
  const allLabels = all.map(labelOf).join('');
  const trial = TRIAL_PROACTIVE.find((w) => allLabels.includes(w));
  const found = new Map<string, Row[]>();
  const st = stream ? readStream(tokens, PROACTIVE_DEFS.map((d) => ({ ...d, n: d.columns.length }))) : null;
  if (st) for (const x of st.stray) unplaced.push(strayUnplaced('表二', x));
  else {
    for (const row of all) {
      const label = labelOf(row);
      const def = label ? matchRow(label, PROACTIVE_DEFS) : null;
      if (def) found.set(def.key, [...(found.get(def.key) ?? []), row]);
    }
  }
  const heads = blockOrder(tokens, PROACTIVE_HEADS);
  for (const def of PROACTIVE_DEFS) {
    const n = def.columns.length;
    const columns = n === 3 && heads.perm ? heads.perm.map((c) => def.columns[c]!) : def.columns;
    const hits = found.get(def.key) ?? [];
    const read = st
      ? streamRows(st, { ...def, n })
      : { row: hits[0] ?? null, why: hits.length === 0 ? '未找到该行' : hits.length > 1 ? '该行出现不止一次' : exactValues(hits[0]!, n) ? null : `应有${n}个数字，读到${hits[0]!.values.filter((v) => v.value !== null).length}个` };
    if (n === 3 && heads.moved && read.row && !read.why) read.why = HEAD_MOVED;
    const vals = read.row && !read.why ? exactValues(read.row, n, st !== null) : null;
    if (!vals) {
      const why = read.why ?? '未找到该行';
      const ref = read.row ? refOf(read.row.labels, read.row.values) : undefined;
      unplaced.push({ table: '表二', label: def.label, keys: def.columns, message: unplacedMessage('表二', def.label, why), snippet: read.row ? snippetOf(read.row) : '', ref });
      continue;
    }
    vals.forEach((v, i) => placed.set(columns[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
  }
  return { placed, unplaced, trialFormat: trial ? `表二出现“${trial}”` : undefined };
}

// ---------------------------------------------------------------------------------------------
// 四
// ---------------------------------------------------------------------------------------------
const REVIEW_KEYS = REVIEW_BLOCKS.flatMap((b) => [...REVIEW_RESULTS.map((r) => r.key as string), TOTAL_KEY].map((r) => `reviews.${b.key}.${r}`));

export function readReviews(tokens: readonly Token[]): TableRead {
  const placed: Placed = new Map();
  const labels = tokens.flatMap((t) => (t.kind === 'label' ? [t.text] : []));
  const header = normLabel(labels.join(''));
  // Runs of values between labels: the body row is the one run that holds figures.
  const runs: Row['values'][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'label') runs.push([]);
    else if (t.kind === 'value') runs[runs.length - 1]!.push(t);
  }
  const withFigures = runs.filter((r) => r.some((v) => v.value !== null));
  const body = withFigures.length === 1 ? withFigures[0]! : withFigures.length === 0 ? runs.find((r) => r.length >= REVIEW_KEYS.length) : undefined;
  const vals = body ? exactValues({ labels: [], values: body }, REVIEW_KEYS.length) : null;
  // Heads a text layer breaks a character or two a line ("行 行 / 政 政 / 复 诉 / 议 讼") still read in order.
  const inOrder = (word: string) => {
    let k = 0;
    for (const ch of header) if (ch === word[k]) k++;
    return k >= word.length;
  };
  const headerOk = inOrder(normLabel(REVIEW_GROUP_LABEL)) && inOrder(normLabel(LAWSUIT_GROUP_LABEL));
  const heads = blockOrder(tokens, REVIEW_HEADS);
  if (!vals || !headerOk || heads.moved) {
    const why = !headerOk
      ? '未找到表头'
      : heads.moved
        ? HEAD_MOVED
      : withFigures.length > 1
        ? '数字分在几处，无法对应'
        : `应有${REVIEW_KEYS.length}个数字，读到${(body ?? []).filter((v) => v.value !== null).length}个`;
    const label = `${REVIEW_GROUP_LABEL}、${LAWSUIT_GROUP_LABEL}`;
    const shown = withFigures.flat();
    return {
      placed,
      unplaced: [{ table: '表四', label, keys: REVIEW_KEYS, message: unplacedMessage('表四', label, why), snippet: shown.map((v) => v.raw).join(' | '), ref: shown[0]?.ref }],
    };
  }
  const perm = heads.perm ?? [0, 1, 2, 3, 4];
  vals.forEach((v, i) => placed.set(REVIEW_KEYS[i - (i % 5) + perm[i % 5]!]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
  return { placed, unplaced: [] };
}

/** Check at load that every key this file builds is a figure of the catalogue. */
for (const k of [...REVIEW_KEYS, ...PROACTIVE_DEFS.flatMap((d) => d.columns), ...REQUEST_DEFS.flatMap((d) => REQUEST_COL_KEYS.map((c) => `requests.${d.key}.${c}`))]) {
  if (!FIGURE_BY_KEY.has(k)) throw new Error(`importer: unknown figure ${k}`);
}
