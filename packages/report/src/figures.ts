/**
 * The figure catalogue: every figure of the format once, under its stable key.
 *
 * The key is the open-data field name (`proactive.<row>.<column>`, `requests.<row>.<column>`,
 * `reviews.<block>.<result>`) and also the cell id everywhere else: the checker's targets, review
 * comments, diffs, the editor's inputs, the web page's `data-cell`, the Excel layout and the CSV
 * columns. Labels come from format.ts; nothing here retypes one.
 */
import {
  PROACTIVE_TABLES,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  SECTION_HEADINGS,
  requestRowFullLabel,
  reviewBlockFullLabel,
  type RequestInputRowKey,
  type RequestRowKey,
  type ReviewBlockKey,
  type ReviewResultKey,
} from './format';
import type { Cell, ReportContent } from './content';
import { computeTotals, requestRowWithTotal } from './totals';

export type FigureTable = 'proactive' | 'requests' | 'reviews';
export type FigureKind = 'count' | 'amount';

/** Key of the 总计 column of table 三 and of each block's 总计 in table 四. */
export const TOTAL_KEY = 'total';

export type Figure = {
  /** Stable field name, e.g. requests.withheld3.natural. */
  key: string;
  table: FigureTable;
  /** Row key of format.ts (table 二 row, table 三 row, table 四 block). */
  row: string;
  /** Column key of format.ts (table 二 column, table 三 column or total, table 四 result or total). */
  col: string;
  /** Table 三 only: index of the typed column in the stored row (0–5); undefined for 总计. */
  colIndex?: number;
  sectionLabel: string;
  /** The row in words, without the section ("三、本年度办理结果（三）不予公开3.危及“三安全一稳定”"). */
  rowLabel: string;
  colLabel: string;
  /** The cell's accessible name in the form: short row label and column ("（三）不予公开1.属于国家秘密 自然人"). */
  name: string;
  kind: FigureKind;
  /** A total the format derives (总计 columns, （七）总计); never typed by a department. */
  computed: boolean;
};

const proactiveFigures: Figure[] = PROACTIVE_TABLES.flatMap((table) =>
  table.rows.flatMap((row) =>
    table.columns.map((col) => ({
      key: `proactive.${row.key}.${col.key}`,
      table: 'proactive' as const,
      row: row.key,
      col: col.key,
      sectionLabel: SECTION_HEADINGS.proactive,
      rowLabel: row.label,
      colLabel: col.label,
      name: `${row.label} ${col.label}`,
      kind: table.kind,
      computed: false,
    })),
  ),
);

const requestColumnDefs = [
  ...REQUEST_COLUMNS.map((c, i) => ({ key: c.key as string, label: c.label as string, index: i as number | undefined })),
  { key: TOTAL_KEY, label: REQUEST_TOTAL_LABEL as string, index: undefined },
];

const requestFigures: Figure[] = REQUEST_ROWS.flatMap((row) =>
  requestColumnDefs.map((col) => ({
    key: `requests.${row.key}.${col.key}`,
    table: 'requests' as const,
    row: row.key,
    col: col.key,
    colIndex: row.key === 'resultTotal' ? undefined : col.index,
    sectionLabel: SECTION_HEADINGS.requests,
    rowLabel: row.section === 'result' ? `${RESULT_GROUP_LABEL}${requestRowFullLabel(row.key)}` : row.label,
    colLabel: col.label,
    name: `${requestRowFullLabel(row.key)} ${col.label}`,
    kind: 'count' as const,
    computed: col.index === undefined || row.key === 'resultTotal',
  })),
);

const reviewFigures: Figure[] = REVIEW_BLOCKS.flatMap((block) =>
  [...REVIEW_RESULTS.map((r) => ({ key: r.key as string, label: r.label as string })), { key: TOTAL_KEY, label: REVIEW_TOTAL_LABEL as string }].map(
    (result) => ({
      key: `reviews.${block.key}.${result.key}`,
      table: 'reviews' as const,
      row: block.key,
      col: result.key,
      sectionLabel: SECTION_HEADINGS.reviews,
      rowLabel: reviewBlockFullLabel(block.key),
      colLabel: result.label,
      name: `${reviewBlockFullLabel(block.key)} ${result.label}`,
      kind: 'count' as const,
      computed: result.key === TOTAL_KEY,
    }),
  ),
);

/** All 200 figures in reading order: table 二, then 三 row by row, then 四. */
export const FIGURES: readonly Figure[] = [...proactiveFigures, ...requestFigures, ...reviewFigures];
/** The 190 figures a department types (every figure but the totals). */
export const INPUT_FIGURES: readonly Figure[] = FIGURES.filter((f) => !f.computed);
export const FIGURE_BY_KEY: ReadonlyMap<string, Figure> = new Map(FIGURES.map((f) => [f.key, f]));

export const figureKey = (table: FigureTable, row: string, col: string) => `${table}.${row}.${col}`;
/** Key of a table 三 figure by the stored column index (0–5) or 'total'. */
export const requestFigureKey = (row: RequestRowKey, col: number | 'total') =>
  `requests.${row}.${col === 'total' ? TOTAL_KEY : REQUEST_COLUMNS[col]!.key}`;
export const reviewFigureKey = (block: ReviewBlockKey, result: ReviewResultKey | 'total') => `reviews.${block}.${result}`;

/** "一、本年新收政府信息公开申请数量｜总计": one line that names a figure without its section. */
export function figureLabel(figure: Figure): string {
  return `${figure.rowLabel}｜${figure.colLabel}`;
}

type Loose = Record<string, Record<string, unknown> | unknown[] | undefined> | undefined;

/** The stored value of a typed figure (whatever is there, for checks of imported content). */
export function readInputRaw(content: ReportContent, figure: Figure): unknown {
  const area = (content as unknown as Record<string, Loose>)[figure.table];
  const row = area?.[figure.row];
  if (figure.table === 'requests') return Array.isArray(row) ? row[figure.colIndex!] : undefined;
  return (row as Record<string, unknown> | undefined)?.[figure.col];
}

/** The value of a typed figure, null when empty. */
export function readInput(content: ReportContent, key: string): Cell {
  const figure = FIGURE_BY_KEY.get(key);
  if (!figure || figure.computed) return null;
  const v = readInputRaw(content, figure);
  return typeof v === 'number' ? v : null;
}

/** A copy of the content with some typed figures replaced (only the touched branches are copied). */
export function writeInputs(content: ReportContent, values: ReadonlyMap<string, Cell>): ReportContent {
  if (values.size === 0) return content;
  const next: ReportContent = { ...content, proactive: { ...content.proactive }, requests: { ...content.requests }, reviews: { ...content.reviews } };
  for (const [key, value] of values) {
    const f = FIGURE_BY_KEY.get(key);
    if (!f || f.computed) continue;
    if (f.table === 'requests') {
      const row = [...next.requests[f.row as RequestInputRowKey]];
      row[f.colIndex!] = value;
      next.requests[f.row as RequestInputRowKey] = row;
    } else if (f.table === 'proactive') {
      const rows = next.proactive as unknown as Record<string, Record<string, Cell>>;
      rows[f.row] = { ...rows[f.row], [f.col]: value };
    } else {
      next.reviews[f.row as ReviewBlockKey] = { ...next.reviews[f.row as ReviewBlockKey], [f.col]: value };
    }
  }
  return next;
}

/**
 * The value of every figure, computed totals included. A typed cell left empty stays null (a
 * published report has none); totals count empty cells as 0, as the page shows them.
 */
export function figureValues(content: ReportContent): Record<string, number | null> {
  const totals = computeTotals(content);
  const out: Record<string, number | null> = {};
  for (const f of FIGURES) {
    if (!f.computed) out[f.key] = readInput(content, f.key);
    else if (f.table === 'requests') {
      const row = requestRowWithTotal(content, totals, f.row as RequestInputRowKey | 'resultTotal');
      // A computed cell of 三 is either the 总计 column (index 6) or a column of （七）总计.
      out[f.key] = row[f.col === TOTAL_KEY ? REQUEST_COLUMNS.length : REQUEST_COLUMNS.findIndex((c) => c.key === f.col)]!;
    } else out[f.key] = totals.reviews[f.row as ReviewBlockKey];
  }
  return out;
}

/** The figures as nested objects: { proactive: { rules: { issued } }, requests: { newReceived: { natural } }, … }. */
export function figuresObject(content: ReportContent): Record<string, Record<string, Record<string, number | null>>> {
  const values = figureValues(content);
  const out: Record<string, Record<string, Record<string, number | null>>> = {};
  for (const f of FIGURES) ((out[f.table] ??= {})[f.row] ??= {})[f.col] = values[f.key] ?? null;
  return out;
}

/** Numbers as published: counts plain, the fee with up to four decimals, an empty cell as –. */
export function formatFigure(v: number | null | undefined, kind: FigureKind = 'count'): string {
  if (v == null) return '–';
  return kind === 'amount' ? String(Number(v.toFixed(4))) : String(v);
}
