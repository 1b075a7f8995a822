import type { Border, Cell as XCell, Fill, Font, Worksheet } from 'exceljs';

/** Fonts a Chinese office has; LibreOffice substitutes Noto Sans CJK where they are missing. */
export const FONT: Partial<Font> = { name: '宋体', size: 11 };
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 14, bold: true };

const thin: Partial<Border> = { style: 'thin', color: { argb: 'FF8C959F' } };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const FILL = {
  header: solid('FFF0F2F5'),
  input: solid('FFFFF8D6'),
  computed: solid('FFE3EAF4'),
  late: solid('FFFDECEA'),
};

export function styleHeader(cell: XCell) {
  cell.font = { ...FONT, bold: true };
  cell.fill = FILL.header;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

export function styleLabel(cell: XCell) {
  cell.font = FONT;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
}

export function styleNumber(cell: XCell, kind: 'count' | 'amount', fill: Fill) {
  cell.font = FONT;
  cell.border = BORDER;
  cell.fill = fill;
  cell.alignment = { vertical: 'middle', horizontal: 'right' };
  cell.numFmt = kind === 'amount' ? '0.0000' : '0';
}

/** Borders on every cell of a merged range, so the merged box is drawn whole. */
export function borderRange(ws: Worksheet, range: string) {
  const [a, b] = range.split(':') as [string, string];
  const start = ws.getCell(a);
  const end = ws.getCell(b);
  for (let r = Number(start.row); r <= Number(end.row); r++) {
    for (let c = Number(start.col); c <= Number(end.col); c++) ws.getCell(r, c).border = BORDER;
  }
}

/** Display width of text in Excel column units: a Chinese character takes about two. */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) > 0xff ? 2.1 : 1.1;
  return n;
}

/**
 * Excel and LibreOffice do not grow a row for wrapped text written by a program: set each row's
 * height from the longest label in it (spread over the rows a merged label spans).
 */
export function fitRowHeights(ws: Worksheet, labels: readonly { address: string; text: string; merge?: string }[], lineHeight = 15) {
  const need = new Map<number, number>();
  for (const label of labels) {
    const [a, b] = (label.merge ?? `${label.address}:${label.address}`).split(':') as [string, string];
    const start = ws.getCell(a);
    const end = ws.getCell(b);
    let width = 0;
    for (let c = Number(start.col); c <= Number(end.col); c++) width += ws.getColumn(c).width ?? 9;
    const lines = Math.max(1, Math.ceil(textUnits(label.text) / Math.max(1, width - 1)));
    const rows = Number(end.row) - Number(start.row) + 1;
    const perRow = (lines * lineHeight + 4) / rows;
    for (let r = Number(start.row); r <= Number(end.row); r++) need.set(r, Math.max(need.get(r) ?? 0, perRow));
  }
  for (const [r, h] of need) if (h > 18) ws.getRow(r).height = Math.ceil(h);
}

/**
 * Print on A4, one page wide (表三 and 表四 are wider than they are tall: landscape), the head rows
 * (e.g. "2:4") repeated at the top of every printed page.
 */
export function printSetup(ws: Worksheet, orientation: 'portrait' | 'landscape' = 'landscape', titleRows?: string) {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页 / 共 &N 页' };
}

/** A check that fails: red text on a pale red fill. */
export const ALERT_STYLE = { font: { color: { argb: 'FFC00000' }, bold: true }, fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: 'FFFDE2E1' } } };

/** Excel sheet names cannot hold []:*?/\ and are at most 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}
