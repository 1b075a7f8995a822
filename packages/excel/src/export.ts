import ExcelJS from 'exceljs';
import {
  PROACTIVE_CELLS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REQUEST_TOTAL_LABEL,
  REPORT_TITLE_SUFFIX,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  SECTION_HEADINGS,
  computeTotals,
  emptyContent,
  requestRowFullLabel,
  requestRowWithTotal,
  reviewBlockFullLabel,
  sumAmounts,
  type ComputedTotals,
  type ReportContent,
} from '@ccgov/report';
import { ALL_FIGURES, SHEETS, col } from './layout';
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
  printSetup(ws);
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

/** A figure read from a report and its computed totals (computed once per report by the caller). */
type FigureColumn = { group: string; sub: string; label: string; kind: 'count' | 'amount'; value: (c: ReportContent, t: ComputedTotals) => number };

/** Every figure of the format as one column, computed totals included, in reading order. */
export function figureColumns(): FigureColumn[] {
  const cols: FigureColumn[] = [];
  for (const cell of PROACTIVE_CELLS) {
    cols.push({
      group: SECTION_HEADINGS.proactive,
      sub: `${cell.clause} ${cell.rowLabel}`,
      label: cell.colLabel,
      kind: cell.kind,
      value: (c) => ((c.proactive as Record<string, Record<string, number | null>>)[cell.rowKey]![cell.colKey] ?? 0),
    });
  }
  for (const row of REQUEST_ROWS) {
    [...REQUEST_COLUMNS.map((c) => c.label), REQUEST_TOTAL_LABEL].forEach((label, i) =>
      cols.push({
        group: SECTION_HEADINGS.requests,
        sub: requestRowFullLabel(row.key),
        label,
        kind: 'count',
        value: (c, t) => requestRowWithTotal(c, t, row.key)[i] ?? 0,
      }),
    );
  }
  for (const block of REVIEW_BLOCKS) {
    [...REVIEW_RESULTS.map((r) => ({ key: r.key as string, label: r.label })), { key: 'total', label: REVIEW_TOTAL_LABEL }].forEach((r) =>
      cols.push({
        group: SECTION_HEADINGS.reviews,
        sub: reviewBlockFullLabel(block.key),
        label: r.label,
        kind: 'count',
        value: (c, t) => (r.key === 'total' ? t.reviews[block.key] : ((c.reviews[block.key] as Record<string, number | null>)[r.key] ?? 0)),
      }),
    );
  }
  return cols;
}

/** The district's figures: every typed cell summed over the published reports (fees to the yuan). */
export function sumContents(contents: readonly ReportContent[]): ReportContent {
  const sum = emptyContent();
  for (const f of ALL_FIGURES) {
    const values = contents.map((c) => f.read(c));
    f.write(sum, f.kind === 'amount' ? sumAmounts(values) : values.reduce<number>((a, v) => a + (v ?? 0), 0));
  }
  return sum;
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
    row.getCell(2).value = r.departmentKind === 'town' ? '镇街' : '部门';
    styleLabel(row.getCell(1));
    styleLabel(row.getCell(2));
    const totals = computeTotals(r.content);
    cols.forEach((c, j) => {
      const cell = row.getCell(first + j);
      cell.value = c.value(r.content, totals);
      styleNumber(cell, c.kind, { type: 'pattern', pattern: 'none' });
    });
  });
  const totalRow = ws.getRow(5 + rows.length);
  totalRow.getCell(1).value = `合计（${rows.length}个单位）`;
  styleHeader(totalRow.getCell(1));
  styleHeader(totalRow.getCell(2));
  const sum = sumContents(rows.map((r) => r.content));
  const sumTotals = computeTotals(sum);
  cols.forEach((c, j) => {
    const cell = totalRow.getCell(first + j);
    const letter = col(first + j);
    cell.value = rows.length ? { formula: `SUM(${letter}5:${letter}${4 + rows.length})`, result: c.value(sum, sumTotals) } : 0;
    styleNumber(cell, c.kind, FILL.computed);
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
}

/** Evaluate the template's SUM(A1:B2) formulas from the figure values, for a values-only sheet. */
function evaluateSum(formula: string, values: Map<string, number>): number {
  const m = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (!m) return 0;
  const colNum = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  let total = 0;
  for (let r = Number(m[2]); r <= Number(m[4]); r++) {
    for (let c = colNum(m[1]!); c <= colNum(m[3]!); c++) total += values.get(`${col(c)}${r}`) ?? 0;
  }
  return total;
}

const shift = (address: string, rows: number) => address.replace(/(\d+)/g, (n) => String(Number(n) + rows));

/** The official tables 二、三、四 one under another in one sheet, with the district's sums. */
function writeSummary(wb: ExcelJS.Workbook, year: number, district: string, rows: readonly PublishedRow[]) {
  const ws = wb.addWorksheet('全区汇总');
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
  const sum = sumContents(rows.map((r) => r.content));
  let offset = 2; // each table's row 1 (its heading) lands one row below the previous table
  for (const layout of SHEETS) {
    const values = new Map<string, number>();
    for (const f of layout.figures) values.set(f.address, f.read(sum) ?? 0);
    for (const label of layout.labels) {
      const merge = label.address === 'A1' ? undefined : label.merge;
      if (merge) ws.mergeCells(shift(merge, offset));
      const cell = ws.getCell(shift(label.address, offset));
      cell.value = label.text;
      if (label.address === 'A1') {
        cell.font = { ...FONT, bold: true, size: 12 };
        continue;
      }
      if (label.header) styleHeader(cell);
      else styleLabel(cell);
      if (merge) borderRange(ws, shift(merge, offset));
    }
    fitRowHeights(
      ws,
      layout.labels.filter((l) => l.address !== 'A1').map((l) => ({ ...l, address: shift(l.address, offset), merge: l.merge && shift(l.merge, offset) })),
    );
    for (const f of layout.figures) {
      const cell = ws.getCell(shift(f.address, offset));
      cell.value = values.get(f.address) ?? 0;
      styleNumber(cell, f.kind, { type: 'pattern', pattern: 'none' });
    }
    // 表三's 总计 column also sums the （七）总计 row, itself a column sum: evaluate column sums first.
    const isColumnSum = (formula: string) => {
      const m = /^SUM\([A-Z]+(\d+):[A-Z]+(\d+)\)$/.exec(formula);
      return !!m && m[1] !== m[2];
    };
    const ordered = [...layout.formulas.filter((f) => isColumnSum(f.formula)), ...layout.formulas.filter((f) => !isColumnSum(f.formula))];
    for (const f of ordered) values.set(f.address, evaluateSum(f.formula, values));
    for (const f of layout.formulas) {
      const cell = ws.getCell(shift(f.address, offset));
      cell.value = values.get(f.address) ?? 0;
      styleNumber(cell, 'count', FILL.computed);
      cell.font = { ...FONT, bold: true };
    }
    const lastRow = Math.max(...[...layout.labels, ...layout.figures, ...layout.formulas].map((c) => Number(c.address.replace(/[A-Z]/g, ''))));
    offset += lastRow + 1;
  }
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
