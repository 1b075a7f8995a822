/**
 * Where every figure of the report sits in the Excel template: the official table layouts of
 * @ccgov/report (TABLE_LAYOUTS, resolved by placeCells) put on a sheet at an origin. The template
 * writer, the upload reader and the exports all read this, so a label or a merge is never typed
 * twice and a cell reference in an error message always matches the file.
 *
 * 表二 = 二、主动公开政府信息情况, 表三 = 三、收到和处理政府信息公开申请情况,
 * 表四 = 四、政府信息公开行政复议、行政诉讼情况 — each laid out as the official table, its
 * section heading in row 1 and the table from row 2.
 */
import {
  FIGURES,
  placeCells,
  readInputRaw,
  RESULT_ROW_KEYS,
  TABLE_LAYOUTS,
  TOTAL_KEY,
  type Cell,
  type Figure,
  type FigureTable,
  type LayoutCell,
  type ReportContent,
  type RequestInputRowKey,
} from '@ccgov/report';

export const INFO_SHEET = '说明';
/** Cell on the 说明 sheet holding the report year the template was made for. */
export const INFO_YEAR_CELL = 'B3';

export type SheetName = '表二' | '表三' | '表四';
const SHEET_NAMES: Record<FigureTable, SheetName> = { proactive: '表二', requests: '表三', reviews: '表四' };
export const FIGURE_SHEETS: readonly SheetName[] = ['表二', '表三', '表四'];

type Figures = Pick<ReportContent, 'proactive' | 'requests' | 'reviews'>;

export type FigureCell = {
  sheet: SheetName;
  address: string;
  /** Merged range when the figure spans several columns (the single figures of table 二). */
  merge?: string;
  kind: 'count' | 'amount';
  /** The figure key (requests.withheld6.natural): the checker's and the editor's cell id. */
  target: string;
  figure: Figure;
  read: (content: Figures) => Cell;
  write: (content: Figures, value: Cell) => void;
};

export type LabelCell = {
  sheet: SheetName;
  address: string;
  text: string;
  /** Merged range (top-left:bottom-right) when the label spans several cells. */
  merge?: string;
  /** A column head (styled as a header); row labels are not. */
  header?: boolean;
};

/** A cell the workbook computes: a total of the format (with its figure key), or a check cell. */
export type FormulaCell = { sheet: SheetName; address: string; formula: string; merge?: string; target?: string };

/**
 * A check beside a table, computed by formulas so a clerk sees a slip before uploading: its label
 * and one formula cell per column. `bad` is a formula, relative to the first value cell, that is
 * true when the check fails (conditional formatting paints those cells red).
 */
export type CheckRow = { label: LabelCell; cells: FormulaCell[]; bad: string; range: string };

export type SheetLayout = {
  name: SheetName;
  title: string;
  /** Column widths, in characters, from column A. */
  widths: number[];
  labels: LabelCell[];
  figures: FigureCell[];
  formulas: FormulaCell[];
  checks: CheckRow[];
  /** Sheet rows of the table head (repeated on each printed page), e.g. "2:4"; undefined without one. */
  headRows?: string;
  lastColumn: string;
  lastRow: number;
};

export const col = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};
const address = (row: number, column: number) => `${col(column)}${row}`;
const range = (row: number, column: number, rowSpan: number, colSpan: number) =>
  rowSpan === 1 && colSpan === 1 ? undefined : `${address(row, column)}:${address(row + rowSpan - 1, column + colSpan - 1)}`;

/** Excel column width (characters) per unit of a layout's relative widths. */
const CHARS_PER_UNIT: Record<FigureTable, number> = { proactive: 11.5, requests: 11, reviews: 10 };

/** Set a typed figure in place (the reader fills one content object cell by cell). */
function writeFigure(content: Figures, figure: Figure, value: Cell) {
  if (figure.table === 'requests') content.requests[figure.row as RequestInputRowKey][figure.colIndex!] = value;
  else (content[figure.table] as unknown as Record<string, Record<string, Cell>>)[figure.row]![figure.col] = value;
}

/** The figures a computed one adds up: its row's typed columns (总计), else its column over the result rows (（七）总计). */
function addends(total: Figure): Figure[] {
  const same = FIGURES.filter((f) => f.table === total.table);
  if (total.col === TOTAL_KEY) return same.filter((f) => f.row === total.row && f.col !== TOTAL_KEY);
  return same.filter((f) => f.col === total.col && (RESULT_ROW_KEYS as readonly string[]).includes(f.row));
}

/** SUM over the addresses of a block of cells (they are one rectangle in every official table). */
function sumFormula(addresses: { row: number; column: number }[]): string {
  const rows = addresses.map((a) => a.row);
  const cols = addresses.map((a) => a.column);
  const [r0, r1, c0, c1] = [Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols)];
  if ((r1 - r0 + 1) * (c1 - c0 + 1) !== addresses.length) return `SUM(${addresses.map((a) => address(a.row, a.column)).join(',')})`;
  return `SUM(${address(r0, c0)}:${address(r1, c1)})`;
}

/**
 * One official table placed on a sheet with its top-left cell at (row, column), 1-based: labels
 * with their merges, typed figures as input cells, computed figures as SUM formulas.
 */
export function placeTable(table: FigureTable, origin: { row: number; column: number }) {
  const layout = TABLE_LAYOUTS[table];
  const sheet = SHEET_NAMES[table];
  const placed = placeCells<LayoutCell>(layout);
  const at = new Map<string, { row: number; column: number }>();
  for (const c of placed) if (c.type === 'figure') at.set(c.figure.key, { row: origin.row + c.row, column: origin.column + c.col });
  const labels: LabelCell[] = [];
  const figures: FigureCell[] = [];
  const formulas: FormulaCell[] = [];
  for (const c of placed) {
    const row = origin.row + c.row;
    const column = origin.column + c.col;
    const merge = range(row, column, c.rowSpan, c.colSpan);
    if (c.type === 'label') {
      labels.push({ sheet, address: address(row, column), text: c.text, merge, header: c.scope === 'col' || c.scope === 'colgroup' });
      continue;
    }
    const f = c.figure;
    if (f.computed) {
      formulas.push({ sheet, address: address(row, column), merge, target: f.key, formula: sumFormula(addends(f).map((a) => at.get(a.key)!)) });
      continue;
    }
    figures.push({
      sheet,
      address: address(row, column),
      merge,
      kind: f.kind,
      target: f.key,
      figure: f,
      // Whatever is stored (even a stray text), so a prefilled template shows the content as it is.
      read: (content) => (readInputRaw(content as ReportContent, f) ?? null) as Cell,
      write: (content, value) => writeFigure(content, f, value),
    });
  }
  const lastRow = origin.row + layout.rows.length - 1;
  const lastColumn = origin.column + layout.widths.length - 1;
  const headRows = layout.headRows > 0 ? `${origin.row}:${origin.row + layout.headRows - 1}` : undefined;
  return { sheet, layout, labels, figures, formulas, lastRow, lastColumn, headRows, at };
}

/** The template's origin: the table under its section heading in row 1. */
const ORIGIN = { row: 2, column: 1 };

// Words of the check rows under table 三 (the rule is the table's own note: 一 + 二 = 三（七）总计 + 四).
export const BALANCE_LABEL = '每列勾稽';
export const DIFFERENCE_LABEL = '差额（一＋二－三（七）总计－四）';
export const BALANCED = '平衡';
export const UNBALANCED = '不平衡';

/**
 * Under table 三, one row that says per column whether 第一项加第二项之和 equals 第三项加第四项之和
 * (平衡 / 不平衡) and one with the difference, both formulas over the table's own cells.
 */
function balanceChecks(placed: ReturnType<typeof placeTable>): CheckRow[] {
  const columns = [...new Set(FIGURES.filter((f) => f.table === 'requests').map((f) => f.col))];
  const cell = (row: string, column: string) => {
    const a = placed.at.get(`requests.${row}.${column}`)!;
    return address(a.row, a.column);
  };
  const first = placed.at.get(`requests.newReceived.${columns[0]}`)!.column;
  const statusRow = placed.lastRow + 1;
  const diffRow = placed.lastRow + 2;
  const labelSpan = first - ORIGIN.column;
  const label = (row: number, text: string): LabelCell => ({ sheet: placed.sheet, address: address(row, ORIGIN.column), text, merge: range(row, ORIGIN.column, 1, labelSpan) });
  const diff: FormulaCell[] = columns.map((c, i) => ({
    sheet: placed.sheet,
    address: address(diffRow, first + i),
    formula: `${cell('newReceived', c)}+${cell('carriedIn', c)}-${cell('resultTotal', c)}-${cell('carriedOver', c)}`,
  }));
  const status: FormulaCell[] = diff.map((d, i) => ({ sheet: placed.sheet, address: address(statusRow, first + i), formula: `IF(${d.address}=0,"${BALANCED}","${UNBALANCED}")` }));
  const span = (row: number) => `${address(row, first)}:${address(row, first + columns.length - 1)}`;
  return [
    { label: label(statusRow, BALANCE_LABEL), cells: status, bad: `${address(diffRow, first)}<>0`, range: span(statusRow) },
    { label: label(diffRow, DIFFERENCE_LABEL), cells: diff, bad: `${address(diffRow, first)}<>0`, range: span(diffRow) },
  ];
}

function sheetLayout(table: FigureTable): SheetLayout {
  const placed = placeTable(table, ORIGIN);
  const checks = table === 'requests' ? balanceChecks(placed) : [];
  const lastColumn = col(placed.lastColumn);
  return {
    name: placed.sheet,
    title: placed.layout.title,
    widths: placed.layout.widths.map((w) => Math.round(w * CHARS_PER_UNIT[table] * 10) / 10),
    // Each sheet starts with its section heading in row 1, across the table.
    labels: [{ sheet: placed.sheet, address: 'A1', text: placed.layout.title, merge: `A1:${lastColumn}1`, header: true }, ...placed.labels],
    figures: placed.figures,
    formulas: placed.formulas,
    checks,
    headRows: placed.headRows,
    lastColumn,
    lastRow: placed.lastRow + checks.length,
  };
}

export const SHEETS: readonly SheetLayout[] = (['proactive', 'requests', 'reviews'] as const).map(sheetLayout);
/** Every typed figure of the format, sheet by sheet, each in one cell. */
export const ALL_FIGURES: readonly FigureCell[] = SHEETS.flatMap((s) => s.figures);

/** "表三 D14" */
export const cellRef = (sheet: string, address: string) => `${sheet} ${address}`;
