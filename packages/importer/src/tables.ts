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
function exactValues(row: Row, n: number): Row['values'] | null {
  const vals = [...row.values];
  if (vals.length >= n && vals.every((v) => v.value === null)) return vals.slice(0, n);
  while (vals.length > n && vals[vals.length - 1]!.value === null) vals.pop();
  if (vals.length === n) return vals;
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

export function readRequests(tokens: readonly Token[]): TableRead {
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
  for (const def of REQUEST_DEFS) {
    const keys = REQUEST_COL_KEYS.map((c) => `requests.${def.key}.${c}`);
    const hit = found.get(def.key);
    const ref = hit?.row.labels[0]?.kind === 'label' ? hit.row.labels[0].ref : undefined;
    if (!hit || conflicts.has(def.key) || !hit.vals) {
      const why = !hit ? '未找到该行' : conflicts.has(def.key) ? '该行出现不止一次' : `应有${REQUEST_COL_KEYS.length}个数字，读到${hit.row.values.filter((v) => v.value !== null).length}个`;
      unplaced.push({ table: '表三', label: def.label, keys, message: unplacedMessage('表三', def.label, why), snippet: hit ? snippetOf(hit.row) : '', ref });
      continue;
    }
    hit.vals.forEach((v, i) => placed.set(keys[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
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

export function readProactive(tokens: readonly Token[]): TableRead {
  const placed: Placed = new Map();
  const unplaced: Unplaced[] = [];
  const all = rows(tokens);
  const allLabels = all.map(labelOf).join('');
  const trial = TRIAL_PROACTIVE.find((w) => allLabels.includes(w));
  const found = new Map<string, Row[]>();
  for (const row of all) {
    const label = labelOf(row);
    const def = label ? matchRow(label, PROACTIVE_DEFS) : null;
    if (def) found.set(def.key, [...(found.get(def.key) ?? []), row]);
  }
  for (const def of PROACTIVE_DEFS) {
    const hits = found.get(def.key) ?? [];
    const vals = hits.length === 1 ? exactValues(hits[0]!, def.columns.length) : null;
    if (!vals) {
      const why = hits.length === 0 ? '未找到该行' : hits.length > 1 ? '该行出现不止一次' : `应有${def.columns.length}个数字，读到${hits[0]!.values.filter((v) => v.value !== null).length}个`;
      const ref = hits[0]?.labels[0]?.kind === 'label' ? hits[0].labels[0].ref : undefined;
      unplaced.push({ table: '表二', label: def.label, keys: def.columns, message: unplacedMessage('表二', def.label, why), snippet: hits[0] ? snippetOf(hits[0]) : '', ref });
      continue;
    }
    vals.forEach((v, i) => placed.set(def.columns[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
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
  const headerOk = header.includes(normLabel(REVIEW_GROUP_LABEL)) && header.includes(normLabel(LAWSUIT_GROUP_LABEL));
  if (!vals || !headerOk) {
    const why = !headerOk
      ? '未找到表头'
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
  vals.forEach((v, i) => placed.set(REVIEW_KEYS[i]!, { value: v.value ?? 0, ref: { ...v.ref, text: v.raw } }));
  return { placed, unplaced: [] };
}

/** Check at load that every key this file builds is a figure of the catalogue. */
for (const k of [...REVIEW_KEYS, ...PROACTIVE_DEFS.flatMap((d) => d.columns), ...REQUEST_DEFS.flatMap((d) => REQUEST_COL_KEYS.map((c) => `requests.${d.key}.${c}`))]) {
  if (!FIGURE_BY_KEY.has(k)) throw new Error(`importer: unknown figure ${k}`);
}
