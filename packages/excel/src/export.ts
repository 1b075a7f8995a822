import ExcelJS from 'exceljs';
import {
  FIGURES,
  PROACTIVE_TABLES,
  REPORT_TITLE_SUFFIX,
  departmentKindLabel,
  FIGURE_BY_KEY,
  figureValues,
  requestRowFullLabel,
  sumContents,
  type Figure,
  type FigureTable,
  type ReportContent,
  type RequestRowKey,
} from '@ccgov/report';
import { col, placeTable, SHEETS } from './layout';
import { BORDER, FILL, FONT, TITLE_FONT, borderRange, fitRowHeights, printSetup, safeSheetName, styleHeader, styleLabel, styleNumber } from './style';

// ---------------------------------------------------------------------------------------------
// A plain formatted table (progress, audit log): title, optional note lines, header, rows.
// ---------------------------------------------------------------------------------------------
export type TableColumn = { header: string; width?: number; kind?: 'text' | 'number' };
export type TableSpec = {
  sheetName: string;
  title: string;
  notes?: string[];
  columns: TableColumn[];
  rows: (string | number | null)[][];
  /** Rows to shade (e.g. late departments), by index into rows. */
  highlight?: boolean[];
};

export async function buildTableWorkbook(spec: TableSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '陈仓区政府信息公开工作年度报告平台';
  wb.created = new Date();
  const ws = wb.addWorksheet(safeSheetName(spec.sheetName));
  ws.columns = spec.columns.map((c) => ({ width: c.width ?? 14 }));
  const last = col(spec.columns.length);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = spec.title;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getRow(1).height = 26;
  let r = 2;
  for (const note of spec.notes ?? []) {
    ws.mergeCells(`A${r}:${last}${r}`);
    ws.getCell(`A${r}`).value = note;
    ws.getCell(`A${r}`).font = FONT;
    r++;
  }
  const headerRow = r;
  printSetup(ws, 'landscape', `${headerRow}:${headerRow}`);
  spec.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    styleHeader(cell);
  });
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  spec.rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: spec.columns[j]?.kind !== 'number', horizontal: spec.columns[j]?.kind === 'number' ? 'right' : 'left' };
      if (spec.highlight?.[i]) cell.fill = FILL.late;
    });
  });
  if (spec.rows.length > 0) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Published figures of a year: one row per department, then the district summary sheet.
// ---------------------------------------------------------------------------------------------
export type PublishedRow = { departmentName: string; departmentKind: string; content: ReportContent };

/** One figure as a column of the published-figures sheet, under its section and its row. */
type FigureColumn = { key: string; group: string; sub: string; label: string; kind: 'count' | 'amount' };

/** The row of a figure in words as the export heads it: 条款 and row in 二, the row as it stands alone in 三, the block in 四. */
function rowHeading(f: Figure): string {
  if (f.table === 'proactive') return `${PROACTIVE_TABLES.find((t) => t.rows.some((r) => r.key === f.row))!.clause} ${f.rowLabel}`;
  if (f.table === 'requests') return requestRowFullLabel(f.row as RequestRowKey);
  return f.rowLabel;
}

/** Every figure of the format as one column, computed totals included, in reading order (the figure catalogue's). */
export function figureColumns(): FigureColumn[] {
  return FIGURES.map((f) => ({ key: f.key, group: f.sectionLabel, sub: rowHeading(f), label: f.colLabel, kind: f.kind }));
}

/** Merge consecutive equal header cells of one header row into one box. */
function mergeRuns(ws: ExcelJS.Worksheet, row: number, firstCol: number, texts: string[]) {
  let start = 0;
  for (let i = 1; i <= texts.length; i++) {
    if (i < texts.length && texts[i] === texts[start]) continue;
    const a = firstCol + start;
    const b = firstCol + i - 1;
    if (b > a) ws.mergeCells(row, a, row, b);
    const cell = ws.getCell(row, a);
    cell.value = texts[start]!;
    styleHeader(cell);
    if (b > a) borderRange(ws, `${col(a)}${row}:${col(b)}${row}`);
    start = i;
  }
}

function writeByDepartment(wb: ExcelJS.Workbook, year: number, rows: readonly PublishedRow[]) {
  const ws = wb.addWorksheet('各单位数据');
  const cols = figureColumns();
  const first = 3; // 单位名称, 类型 before the figures
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 8;
  cols.forEach((_, i) => (ws.getColumn(first + i).width = 12));
  ws.mergeCells(1, 1, 1, first - 1 + cols.length);
  ws.getCell('A1').value = `${year}年${REPORT_TITLE_SUFFIX}·已发布数据（每个单位一行）`;
  ws.getCell('A1').font = TITLE_FONT;
  for (const [i, text] of ['单位名称', '类型'].entries()) {
    ws.mergeCells(2, i + 1, 4, i + 1);
    ws.getCell(2, i + 1).value = text;
    styleHeader(ws.getCell(2, i + 1));
    borderRange(ws, `${col(i + 1)}2:${col(i + 1)}4`);
  }
  mergeRuns(ws, 2, first, cols.map((c) => c.group));
  // Sub-headers repeat across groups ("总计"), so merge runs by group + sub, then write the sub text.
  mergeRuns(ws, 3, first, cols.map((c) => `${c.group}\u0000${c.sub}`));
  cols.forEach((c, i) => {
    const top = ws.getCell(3, first + i);
    if (typeof top.value === 'string' && top.value.includes('\u0000')) top.value = c.sub;
    const cell = ws.getCell(4, first + i);
    cell.value = c.label;
    styleHeader(cell);
  });
  ws.getRow(3).height = 60;
  ws.getRow(4).height = 44;
  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.getCell(1).value = r.departmentName;
    row.getCell(2).value = departmentKindLabel(r.departmentKind);
    styleLabel(row.getCell(1));
    styleLabel(row.getCell(2));
    const values = figureValues(r.content);
    cols.forEach((c, j) => {
      const cell = row.getCell(first + j);
      cell.value = values[c.key] ?? 0;
      styleNumber(cell, c.kind, { type: 'pattern', pattern: 'none' });
    });
  });
  const totalRow = ws.getRow(5 + rows.length);
  totalRow.getCell(1).value = `合计（${rows.length}个单位）`;
  styleHeader(totalRow.getCell(1));
  styleHeader(totalRow.getCell(2));
  const sum = sumContents(rows.map((r) => r.content));
  const sumValues = figureValues(sum);
  cols.forEach((c, j) => {
    const cell = totalRow.getCell(first + j);
    const letter = col(first + j);
    cell.value = rows.length ? { formula: `SUM(${letter}5:${letter}${4 + rows.length})`, result: sumValues[c.key] ?? 0 } : 0;
    styleNumber(cell, c.kind, FILL.computed);
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
  // Two hundred columns do not fit one page wide: pages of readable size instead, each with the
  // head rows and the 单位名称 / 类型 columns repeated.
  printSetup(ws, 'landscape', '2:4');
  Object.assign(ws.pageSetup, { fitToPage: false, scale: 100, printTitlesColumn: 'A:B', pageOrder: 'overThenDown' });
}

/** The official tables 二、三、四 one under another in one sheet, with the district's sums; each table starts a printed page. */
function writeSummary(wb: ExcelJS.Workbook, year: number, district: string, rows: readonly PublishedRow[]) {
  const ws = wb.addWorksheet('全区汇总');
  const tables: FigureTable[] = ['proactive', 'requests', 'reviews'];
  const widths: number[] = [];
  for (const s of SHEETS) s.widths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
  ws.columns = widths.map((width) => ({ width }));
  printSetup(ws);
  const lastCol = col(widths.length);
  ws.mergeCells(`A1:${lastCol}1`);
  ws.getCell('A1').value = `${district}${year}年${REPORT_TITLE_SUFFIX}汇总`;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells(`A2:${lastCol}2`);
  ws.getCell('A2').value = `已发布报告 ${rows.length} 份；各数字为全区合计，总计为计算值。`;
  ws.getCell('A2').font = FONT;
  const values = figureValues(sumContents(rows.map((r) => r.content)));
  let row = 3; // each table's heading, then the table under it
  tables.forEach((table, i) => {
    if (i > 0) ws.getRow(row - 1).addPageBreak();
    const placed = placeTable(table, { row: row + 1, column: 1 });
    ws.getCell(row, 1).value = placed.layout.title;
    ws.getCell(row, 1).font = { ...FONT, bold: true, size: 12 };
    for (const label of placed.labels) {
      if (label.merge) ws.mergeCells(label.merge);
      const cell = ws.getCell(label.address);
      cell.value = label.text;
      if (label.header) styleHeader(cell);
      else styleLabel(cell);
      if (label.merge) borderRange(ws, label.merge);
    }
    fitRowHeights(ws, placed.labels);
    for (const f of [...placed.figures.map((c) => ({ ...c, computed: false })), ...placed.formulas.map((c) => ({ ...c, computed: true }))]) {
      if (f.merge) ws.mergeCells(f.merge);
      const cell = ws.getCell(f.address);
      const kind = FIGURE_BY_KEY.get(f.target!)?.kind ?? 'count';
      cell.value = values[f.target!] ?? 0;
      styleNumber(cell, kind, f.computed ? FILL.computed : { type: 'pattern', pattern: 'none' });
      if (f.computed) cell.font = { ...FONT, bold: true };
      if (f.merge) borderRange(ws, f.merge);
    }
    row = placed.lastRow + 2;
  });
}

/** All published figures of a year as one workbook: 各单位数据 (one row each) and 全区汇总. */
export async function buildPublishedWorkbook(input: { year: number; district: string; rows: readonly PublishedRow[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '陈仓区政府信息公开工作年度报告平台';
  wb.created = new Date();
  writeByDepartment(wb, input.year, input.rows);
  writeSummary(wb, input.year, input.district, input.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
