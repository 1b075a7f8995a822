import ExcelJS from 'exceljs';
import { amountCell, countCell, emptyContent, parseCellText, type Cell, type ReportContent } from '@ccgov/report';
import { INFO_SHEET, INFO_YEAR_CELL, SHEETS, cellRef } from './layout';
import { checkZipArchive } from './zip-guard';

export type CellProblem = {
  sheet: string;
  /** A1-style reference; empty when the whole sheet is missing. */
  cell: string;
  message: string;
  /** Checker target id of the figure, when the problem is in a figure cell. */
  target?: string;
};

export type Figures = Pick<ReportContent, 'proactive' | 'requests' | 'reviews'>;

export type ReadResult = { ok: true; figures: Figures; filled: number } | { ok: false; problems: CellProblem[] };

/** "表三 D14：应为非负整数" — how a problem is shown to the clerk. */
export function describeProblem(p: CellProblem): string {
  return p.cell ? `${cellRef(p.sheet, p.cell)}：${p.message}` : `${p.sheet}：${p.message}`;
}

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** Plain text of whatever a cell holds; undefined for values that are no text or number at all. */
function cellText(value: ExcelJS.CellValue): { text?: string; number?: number; bad?: string } {
  if (value == null) return { text: '' };
  if (typeof value === 'number') return { number: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { bad: '应为数字，不能是是/否值' };
  if (value instanceof Date) return { bad: '应为数字，不能是日期' };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('error' in value) return { bad: `单元格显示错误值 ${value.error}` };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (typeof result === 'number') return { number: result };
      if (typeof result === 'string') return { text: result };
      return { bad: '请直接填写数值，不要使用公式' };
    }
    if ('text' in value && typeof (value as { text: unknown }).text === 'string') return { text: (value as { text: string }).text };
  }
  return { bad: '无法识别的内容' };
}

/** One figure from a cell: blank reads as 0, and so do /, – and — (isZeroToken, the rule the editor applies to typing and pasting). */
function readFigure(value: ExcelJS.CellValue, kind: 'count' | 'amount'): { value: Cell } | { error: string } {
  const raw = cellText(value);
  const schema = kind === 'count' ? countCell : amountCell;
  let n: Cell | undefined;
  if (raw.bad) return { error: raw.bad };
  if (raw.number !== undefined) n = raw.number;
  else n = parseCellText(raw.text ?? '', { blankAsZero: true });
  if (n === undefined || n === null || !Number.isFinite(n)) {
    return { error: kind === 'count' ? '应为非负整数' : '应为非负数（单位：万元）' };
  }
  // Excel stores 0.1 + 0.2 style results with float noise; round to what the format can hold.
  const rounded = kind === 'amount' ? Math.round(n * 1e8) / 1e8 : n;
  const parsed = schema.safeParse(rounded);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? '数值有误' };
  return { value: parsed.data };
}

const norm = (s: string) => s.replace(/\s+/g, '');

/**
 * Read a filled template. Every figure cell is read and checked; any label changed, any value in
 * a cell the template does not use, and any bad figure is reported by sheet and cell. The result
 * carries figures only when the whole file read cleanly, so the caller stores all or nothing.
 */
export async function readTemplate(data: Uint8Array, opts: { year: number }): Promise<ReadResult> {
  if (data.byteLength > MAX_UPLOAD_BYTES) {
    return { ok: false, problems: [{ sheet: '文件', cell: '', message: `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB），请上传本平台下载的模板` }] };
  }
  // A zip bomb, or an archive of thousands of parts, is refused before exceljs inflates anything.
  const archive = await checkZipArchive(data);
  if (!archive.ok) return { ok: false, problems: [{ sheet: '文件', cell: '', message: `${archive.message}，请上传由本平台下载并填写的 .xlsx 模板` }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problems: [{ sheet: '文件', cell: '', message: '无法读取，请上传由本平台下载并填写的 .xlsx 模板' }] };
  }
  const problems: CellProblem[] = [];

  const info = wb.getWorksheet(INFO_SHEET);
  if (!info) problems.push({ sheet: INFO_SHEET, cell: '', message: `缺少工作表“${INFO_SHEET}”，请使用本平台下载的模板` });
  else {
    const y = cellText(info.getCell(INFO_YEAR_CELL).value);
    const year = y.number ?? (y.text ? Number(y.text) : NaN);
    if (year !== opts.year) {
      problems.push({
        sheet: INFO_SHEET,
        cell: INFO_YEAR_CELL,
        message: Number.isInteger(year) ? `这是${year}年度的模板，本报告为${opts.year}年度` : `应为报告年度 ${opts.year}`,
      });
    }
  }

  const figures = emptyContent();
  let filled = 0;
  for (const layout of SHEETS) {
    const ws = wb.getWorksheet(layout.name);
    if (!ws) {
      problems.push({ sheet: layout.name, cell: '', message: `缺少工作表“${layout.name}”，请使用本平台下载的模板` });
      continue;
    }
    const known = new Set<string>();
    for (const label of layout.labels) {
      known.add(label.address);
      const text = cellText(ws.getCell(label.address).value).text ?? '';
      if (norm(text) !== norm(label.text)) {
        problems.push({ sheet: layout.name, cell: label.address, message: `表头应为“${label.text}”，模板的行列可能被改动，请使用本平台下载的模板` });
      }
    }
    for (const f of layout.formulas) known.add(f.address);
    // The check rows under a table are the template's own formulas: not checked, never "outside the table".
    for (const c of layout.checks) for (const a of [c.label, ...c.cells]) known.add(a.address);
    for (const f of layout.figures) {
      known.add(f.address);
      const cell = ws.getCell(f.address);
      const result = readFigure(cell.value, f.kind);
      if ('error' in result) problems.push({ sheet: layout.name, cell: f.address, message: result.error, target: f.target });
      else {
        f.write(figures, result.value);
        if (cellText(cell.value).text !== '') filled++;
      }
    }
    // Anything typed outside the table would be silently lost: say where it is instead.
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (known.has(cell.address)) return;
        const t = cellText(cell.value);
        if (t.number === undefined && !t.bad && norm(t.text ?? '') === '') return;
        problems.push({ sheet: layout.name, cell: cell.address, message: '模板此处不应有内容，请把数字填在浅黄色单元格中' });
      });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, figures: { proactive: figures.proactive, requests: figures.requests, reviews: figures.reviews }, filled };
}
