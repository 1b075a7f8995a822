/**
 * The official table layouts (REPORT_FORMAT.md "The official table layouts"): header rows with
 * their spans and body rows with the cells they show. The public page, the review screen, the
 * editor, PDF, Word and Excel all walk these; none of them retypes a label or a span.
 *
 * Like HTML, a row lists only the cells that start in it; a cell covered by a rowSpan/colSpan from
 * above is left out. `placeCells` resolves where each cell sits.
 */
import {
  LAWSUIT_GROUP_LABEL,
  PROACTIVE_INFO_HEADER,
  PROACTIVE_TABLES,
  REQUEST_APPLICANT_HEADER,
  REQUEST_COLUMNS,
  REQUEST_ORG_GROUP,
  REQUEST_ROWS,
  REQUEST_TABLE_NOTE,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  RESULT_GROUPS,
  REVIEW_BLOCKS,
  REVIEW_GROUP_LABEL,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  SECTION_HEADINGS,
} from './format';
import { FIGURE_BY_KEY, TOTAL_KEY, type Figure, type FigureTable } from './figures';

export type LabelCell = {
  type: 'label';
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** The HTML scope of the header cell. */
  scope: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** What the label is, for styling: the 勾稽 note, a 条款 line of table 二, a group of rows. */
  role?: 'note' | 'clause' | 'group';
};

export type FigureCell = { type: 'figure'; figure: Figure; colSpan?: number; rowSpan?: 1 };

export type LayoutCell = LabelCell | FigureCell;

export type TableLayout = {
  key: FigureTable;
  /** The section heading the table sits under. */
  title: string;
  /** Relative column widths; their count is the table's column count. */
  widths: number[];
  /** Leading rows that form the table head (repeated on each printed page). */
  headRows: number;
  /** Row ranges [first, last] to keep together on one page (a block of 二, a group of 三). */
  keep: [number, number][];
  rows: LayoutCell[][];
};

const figure = (key: string, colSpan?: number): FigureCell => {
  const f = FIGURE_BY_KEY.get(key);
  if (!f) throw new Error(`unknown figure ${key}`);
  return colSpan && colSpan > 1 ? { type: 'figure', figure: f, colSpan } : { type: 'figure', figure: f };
};
const label = (text: string, scope: LabelCell['scope'], spans: { colSpan?: number; rowSpan?: number; role?: LabelCell['role'] } = {}): LabelCell => ({
  type: 'label',
  text,
  scope,
  ...spans,
});

/** 二: four blocks of one four-column grid, each with its 条款 line and its own column heads. */
function proactiveLayout(): TableLayout {
  const width = 4;
  const rows: LayoutCell[][] = [];
  const keep: [number, number][] = [];
  for (const table of PROACTIVE_TABLES) {
    const first = rows.length;
    // A single figure column takes the three columns right of 信息内容.
    const span = table.columns.length === 1 ? width - 1 : 1;
    rows.push([label(table.clause, 'colgroup', { colSpan: width, role: 'clause' })]);
    rows.push([label(PROACTIVE_INFO_HEADER, 'col'), ...table.columns.map((c) => label(c.label, 'col', { colSpan: span }))]);
    for (const row of table.rows) {
      rows.push([label(row.label, 'row'), ...table.columns.map((c) => figure(`proactive.${row.key}.${c.key}`, span))]);
    }
    keep.push([first, rows.length - 1]);
  }
  return { key: 'proactive', title: SECTION_HEADINGS.proactive, widths: [2.2, 1.6, 1.6, 1.6], headRows: 0, keep, rows };
}

/** 三: 3 label columns + 7 figure columns, three header rows, 25 body rows. */
function requestsLayout(): TableLayout {
  const colKeys = [...REQUEST_COLUMNS.map((c) => c.key as string), TOTAL_KEY];
  const rows: LayoutCell[][] = [
    [label(REQUEST_TABLE_NOTE, 'col', { colSpan: 3, rowSpan: 3, role: 'note' }), label(REQUEST_APPLICANT_HEADER, 'colgroup', { colSpan: 7 })],
    [label(REQUEST_COLUMNS[0].label, 'col', { rowSpan: 2 }), label(REQUEST_ORG_GROUP, 'colgroup', { colSpan: 5 }), label(REQUEST_TOTAL_LABEL, 'col', { rowSpan: 2 })],
    REQUEST_COLUMNS.slice(1).map((c) => label(c.label, 'col')),
  ];
  const keep: [number, number][] = [];
  const resultRows = REQUEST_ROWS.filter((r) => r.section === 'result');
  for (const row of REQUEST_ROWS) {
    const cells = colKeys.map((c) => figure(`requests.${row.key}.${c}`));
    if (row.section === 'top') {
      rows.push([label(row.label, 'row', { colSpan: 3 }), ...cells]);
      continue;
    }
    const lead: LayoutCell[] = [];
    if (resultRows[0]!.key === row.key) lead.push(label(RESULT_GROUP_LABEL, 'rowgroup', { rowSpan: resultRows.length, role: 'group' }));
    const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
    if (group) {
      const groupRows = REQUEST_ROWS.filter((r) => 'group' in r && r.group === group.key);
      if (groupRows[0]!.key === row.key) {
        lead.push(label(group.label, 'rowgroup', { rowSpan: groupRows.length, role: 'group' }));
        keep.push([rows.length, rows.length + groupRows.length - 1]);
      }
      lead.push(label(row.label, 'row'));
    } else {
      lead.push(label(row.label, 'row', { colSpan: 2 }));
    }
    rows.push([...lead, ...cells]);
  }
  return { key: 'requests', title: SECTION_HEADINGS.requests, widths: [1.3, 1.5, 4.2, 1, 1, 1, 1, 1, 1, 1], headRows: 3, keep, rows };
}

/** 四: 15 figure columns under three header rows, one body row. */
function reviewsLayout(): TableLayout {
  const results = [...REVIEW_RESULTS.map((r) => ({ key: r.key as string, label: r.label as string })), { key: TOTAL_KEY, label: REVIEW_TOTAL_LABEL as string }];
  const suits = REVIEW_BLOCKS.slice(1);
  const rows: LayoutCell[][] = [
    [label(REVIEW_GROUP_LABEL, 'colgroup', { colSpan: results.length }), label(LAWSUIT_GROUP_LABEL, 'colgroup', { colSpan: results.length * suits.length })],
    [...results.map((r) => label(r.label, 'col', { rowSpan: 2 })), ...suits.map((b) => label(b.label, 'colgroup', { colSpan: results.length }))],
    suits.flatMap(() => results.map((r) => label(r.label, 'col'))),
    REVIEW_BLOCKS.flatMap((b) => results.map((r) => figure(`reviews.${b.key}.${r.key}`))),
  ];
  return { key: 'reviews', title: SECTION_HEADINGS.reviews, widths: Array(15).fill(1), headRows: 3, keep: [], rows };
}

export const TABLE_LAYOUTS: Readonly<Record<FigureTable, TableLayout>> = {
  proactive: proactiveLayout(),
  requests: requestsLayout(),
  reviews: reviewsLayout(),
};
export const TABLE_ORDER: readonly FigureTable[] = ['proactive', 'requests', 'reviews'];

export type PlacedCell<C extends LayoutCell = LayoutCell> = C & { row: number; col: number; rowSpan: number; colSpan: number };

/** Where each cell sits once merges are resolved (the HTML table algorithm). Throws on a malformed layout. */
export function placeCells<C extends { colSpan?: number; rowSpan?: number }>(layout: { key: string; widths: number[]; rows: C[][] }): (C & { row: number; col: number; rowSpan: number; colSpan: number })[] {
  const width = layout.widths.length;
  const taken: boolean[][] = layout.rows.map(() => Array(width).fill(false));
  const placed: (C & { row: number; col: number; rowSpan: number; colSpan: number })[] = [];
  layout.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > width || r + rowSpan > layout.rows.length) throw new Error(`table ${layout.key}: a cell at row ${r} overflows the grid`);
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) taken[i]![j] = true;
      placed.push({ ...cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  const hole = taken.findIndex((row) => row.some((t) => !t));
  if (hole >= 0) throw new Error(`table ${layout.key}: row ${hole} has an empty slot`);
  return placed;
}

/**
 * The header of a layout as text with spans, row by row — the form REPORT_FORMAT.md writes it in
 * and the form every renderer's test reads its output back into.
 */
export type HeaderSpec = { text: string; colSpan: number; rowSpan: number }[][];
export function layoutHeader(layout: TableLayout): HeaderSpec {
  return layout.rows.slice(0, layout.headRows).map((cells) =>
    cells.map((c) => ({ text: c.type === 'label' ? c.text : c.figure.key, colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 })),
  );
}

/** Every figure key in the order a layout shows them (row by row). */
export function layoutFigures(layout: TableLayout): Figure[] {
  return layout.rows.flatMap((cells) => cells.flatMap((c) => (c.type === 'figure' ? [c.figure] : [])));
}
