import ExcelJS from 'exceljs';
import { FEE_DECIMALS, LIMITS, REPORT_TITLE_SUFFIX, REQUEST_TABLE_NOTE, type ReportContent } from '@ccgov/report';
import { BALANCE_LABEL, INFO_SHEET, INFO_YEAR_CELL, SHEETS, UNBALANCED, type SheetLayout } from './layout';
import { ALERT_STYLE, FILL, FONT, TITLE_FONT, borderRange, fitRowHeights, printSetup, styleHeader, styleLabel, styleNumber } from './style';

export type TemplateOptions = {
  year: number;
  /** 报告主体, written on the 说明 sheet for the reader's orientation (the upload does not rely on it). */
  body?: string | null;
  /** Figures to write into the input cells (a blank template when absent). */
  content?: Pick<ReportContent, 'proactive' | 'requests' | 'reviews'> | null;
};

export const TEMPLATE_INSTRUCTIONS = [
  '1. 在“表二”“表三”“表四”的浅黄色单元格中填写数字。表头和蓝色的总计单元格由系统生成（总计为公式，自动计算），已设置保护，无需填写。',
  `2. 数量填写非负整数；行政事业性收费以万元为单位，最多${FEE_DECIMALS}位小数。空白、“–”或“/”按0处理。`,
  `3. “表三”下方的“${BALANCE_LABEL}”按表注${REQUEST_TABLE_NOTE}逐列自动核对：显示“${UNBALANCED}”并标红时，“差额”一行是相差的数，请核对后再上传。`,
  '4. 填好后，在本单位年报填报页面点“上传 Excel”。系统逐格检查：有问题时列出工作表和单元格（例如“表三 D14：应为非负整数”），整份文件都不导入；全部无误才写入草稿。',
  '5. 文字部分（总体情况、存在的主要问题及改进情况、其他需要报告的事项）和联系方式请在网页上填写。',
];

function writeInfoSheet(wb: ExcelJS.Workbook, opts: TemplateOptions) {
  const ws = wb.addWorksheet(INFO_SHEET, { properties: { tabColor: { argb: 'FF9F1C1C' } } });
  ws.columns = [{ width: 14 }, { width: 90 }];
  printSetup(ws, 'portrait');
  ws.getCell('A1').value = `${opts.year}年${REPORT_TITLE_SUFFIX}·数据填报模板`;
  ws.getCell('A1').font = TITLE_FONT;
  ws.mergeCells('A1:B1');
  ws.getCell('A3').value = '报告年度';
  ws.getCell(INFO_YEAR_CELL).value = opts.year;
  ws.getCell('A4').value = '报告主体';
  ws.getCell('B4').value = opts.body ?? '（上传时以登录账号所属单位为准）';
  for (const a of ['A3', 'A4']) styleHeader(ws.getCell(a));
  for (const a of [INFO_YEAR_CELL, 'B4']) styleLabel(ws.getCell(a));
  ws.getCell(INFO_YEAR_CELL).alignment = { horizontal: 'left' };
  ws.getCell('A6').value = '填写说明';
  ws.getCell('A6').font = { ...FONT, bold: true };
  TEMPLATE_INSTRUCTIONS.forEach((line, i) => {
    const cell = ws.getCell(`A${7 + i}`);
    ws.mergeCells(`A${7 + i}:B${7 + i}`);
    cell.value = line;
    cell.font = FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(7 + i).height = 36;
  });
}

async function writeFigureSheet(wb: ExcelJS.Workbook, layout: SheetLayout, content: TemplateOptions['content']) {
  const ws = wb.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = layout.widths.map((width) => ({ width }));
  printSetup(ws, layout.name === '表二' ? 'portrait' : 'landscape', layout.headRows);
  const [title, ...labels] = layout.labels;
  ws.mergeCells(title!.merge!);
  ws.getCell(title!.address).value = title!.text;
  ws.getCell(title!.address).font = TITLE_FONT;
  ws.getCell(title!.address).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const checkLabels = layout.checks.map((c) => c.label);
  for (const label of [...labels, ...checkLabels]) {
    if (label.merge) ws.mergeCells(label.merge);
    const cell = ws.getCell(label.address);
    cell.value = label.text;
    if (label.header) styleHeader(cell);
    else styleLabel(cell);
    if (label.merge) borderRange(ws, label.merge);
  }
  fitRowHeights(ws, labels);
  for (const f of layout.figures) {
    if (f.merge) ws.mergeCells(f.merge);
    const cell = ws.getCell(f.address);
    const value = content ? f.read(content) : null;
    cell.value = value;
    styleNumber(cell, f.kind, FILL.input);
    if (f.merge) borderRange(ws, f.merge);
    cell.protection = { locked: false };
    cell.dataValidation =
      f.kind === 'count'
        ? {
            type: 'whole',
            operator: 'between',
            allowBlank: true,
            formulae: [0, LIMITS.count],
            showErrorMessage: true,
            errorTitle: '数值有误',
            error: '应为非负整数',
          }
        : {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, LIMITS.amount],
            showErrorMessage: true,
            errorTitle: '数值有误',
            error: `应为非负数（单位：万元），最多${FEE_DECIMALS}位小数`,
          };
  }
  for (const f of [...layout.formulas, ...layout.checks.flatMap((c) => c.cells)]) {
    const cell = ws.getCell(f.address);
    cell.value = { formula: f.formula };
    styleNumber(cell, 'count', FILL.computed);
    cell.font = { ...FONT, bold: true };
  }
  // 不平衡 and a difference other than 0 show in red the moment a figure makes a column disagree.
  for (const check of layout.checks) {
    for (const c of check.cells) ws.getCell(c.address).alignment = { horizontal: 'center', vertical: 'middle' };
    ws.addConditionalFormatting({ ref: check.range, rules: [{ type: 'expression', priority: 1, formulae: [check.bad], style: ALERT_STYLE }] });
  }
  // Labels and formulas are locked; only the figure cells can be typed into. No password: the
  // protection prevents slips, not a determined user (the upload checks every label anyway).
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/** The blank (or prefilled) .xlsx template for a year: 说明, 表二, 表三, 表四. */
export async function buildTemplate(opts: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '陈仓区政府信息公开工作年度报告平台';
  wb.title = `${opts.year}年${REPORT_TITLE_SUFFIX}·数据填报模板`;
  wb.created = new Date();
  writeInfoSheet(wb, opts);
  for (const layout of SHEETS) await writeFigureSheet(wb, layout, opts.content);
  // Excel recalculates the total formulas when the file is opened.
  wb.calcProperties.fullCalcOnLoad = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
