import ExcelJS from 'exceljs';
import { MAX_UPLOAD_BYTES } from './read';
import { checkZipArchive } from './zip-guard';

/** A plain list read from CSV or the first sheet of an .xlsx: a header row, then data rows. */
export type PlainTable = { headers: string[]; rows: { line: number; cells: string[] }[] };
export type PlainTableResult = { ok: true; table: PlainTable } | { ok: false; message: string };

/** Windows Excel in China saves CSV as GBK; everything else sends UTF-8 (with or without BOM). */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellString(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result == null ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return '';
}

const isXlsx = (data: Uint8Array) => data[0] === 0x50 && data[1] === 0x4b; // "PK": a zip file

/** Read an uploaded list (CSV or .xlsx). Blank lines are skipped; line numbers are the file's. */
export async function readPlainTable(data: Uint8Array): Promise<PlainTableResult> {
  if (data.byteLength > MAX_UPLOAD_BYTES) return { ok: false, message: `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）` };
  let grid: { line: number; cells: string[] }[];
  if (isXlsx(data)) {
    // The same guard as the template import: the archive is checked before exceljs inflates it.
    const archive = await checkZipArchive(data);
    if (!archive.ok) return { ok: false, message: archive.message };
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch {
      return { ok: false, message: '无法读取该 Excel 文件，请另存为 .xlsx 或 CSV 后重试' };
    }
    const ws = wb.worksheets[0];
    if (!ws) return { ok: false, message: 'Excel 文件中没有工作表' };
    grid = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cellString(cell.value);
      });
      grid.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
  } else {
    if (data.includes(0)) return { ok: false, message: '无法读取该文件，请上传 CSV（逗号分隔）或 .xlsx 文件' };
    grid = parseCsv(decodeText(data)).map((cells, i) => ({ line: i + 1, cells }));
  }
  const nonBlank = grid
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  const [head, ...rows] = nonBlank;
  if (!head) return { ok: false, message: '文件是空的' };
  return { ok: true, table: { headers: head.cells, rows } };
}
