import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { reportTitle } from '@ccgov/report';
import { placeCells, type Grid, type PlacedCell } from './tables';
import { reportOutline, type Block, type PublishedReport } from './outline';

/** Debian's fonts-noto-cjk; the SC face of the collection has the simplified-Chinese glyph forms. */
export const DEFAULT_CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' };
export const DEFAULT_CJK_BOLD_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' };

export type FontSpec = { path: string; /** Face name inside a .ttc collection. */ face?: string };
export type PdfOptions = { font?: FontSpec; boldFont?: FontSpec };

export class MissingFontError extends Error {
  constructor(public readonly path: string) {
    super(
      `生成 PDF 需要中文字体，但找不到字体文件 ${path}。请安装 Noto Sans CJK（Debian/Ubuntu：apt-get install fonts-noto-cjk），` +
        `或设置环境变量 CJK_FONT_PATH 指向含简体中文字形的 .ttf/.otf/.ttc 字体文件。`,
    );
    this.name = 'MissingFontError';
  }
}

const fontBytes = new Map<string, Buffer>();
function readFont(path: string): Buffer {
  let bytes = fontBytes.get(path);
  if (!bytes) {
    if (!existsSync(path)) throw new MissingFontError(path);
    bytes = readFileSync(path);
    fontBytes.set(path, bytes);
  }
  return bytes;
}

const INK = '#1f2328';
const MUTED = '#57606a';
const LINE = '#8c959f';
const HEAD_BG = '#f0f2f5';
const COMPUTED_BG = '#eef2f7';
const BODY_SIZE = 10.5;
const TABLE_SIZE = 8;
const CELL_PAD = 3;

/**
 * The report as an A4 PDF that reads like the public page: the same title, headings, paragraphs
 * and tables with the official merged headers, in Noto Sans CJK (embedded as a subset).
 */
export async function reportPdf(report: PublishedReport, options: PdfOptions = {}): Promise<Buffer> {
  const regular = options.font ?? DEFAULT_CJK_FONT;
  const boldSpec = options.boldFont ?? (options.font ? options.font : DEFAULT_CJK_BOLD_FONT);
  const regularBytes = readFont(regular.path);
  // A missing bold face is not worth failing over: headings then use the regular weight.
  const boldBytes = existsSync(boldSpec.path) ? readFont(boldSpec.path) : regularBytes;
  const boldFace = boldBytes === regularBytes ? regular.face : boldSpec.face;

  const title = reportTitle(report.departmentName, report.year);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 54, right: 54 },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Author: report.departmentName, Subject: title, Keywords: `政府信息公开工作年度报告 ${report.year}`, CreationDate: report.publishedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('body', regularBytes, regular.face);
  doc.registerFont('bold', boldBytes, boldFace);
  doc.font('body').fillColor(INK);

  const blocks = reportOutline(report);
  blocks.forEach((block, i) => drawBlock(doc, block, blocks[i + 1]));

  // Page numbers go in the bottom margin of every page once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8.5).fillColor(MUTED);
    doc.text(`${title}　第 ${i + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 36, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Start a new page when less than `need` points remain (keeps a heading with what follows). */
function ensureSpace(doc: Doc, need: number) {
  if (doc.y + need > pageBottom(doc)) doc.addPage();
}

/** Room a heading needs so it is not left alone at the foot of a page: itself and a start of what follows. */
function keepWithNext(doc: Doc, next: Block | undefined): number {
  if (next?.type === 'table') {
    const { heights, cells } = layoutTable(doc, next.grid);
    const firstBlock = rowBlocks(next.grid, cells, next.grid.headRows)[0] ?? [];
    const lead = heights.slice(0, next.grid.headRows).reduce((a, b) => a + b, 0);
    // A block taller than half a page may start lower down: it will break across pages anyway.
    const first = Math.min(firstBlock.reduce((a, r) => a + heights[r]!, 0), (doc.page.height - 112) / 2);
    return 30 + lead + first;
  }
  return 30 + 3 * BODY_SIZE * 1.6;
}

function drawBlock(doc: Doc, block: Block, next: Block | undefined) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  switch (block.type) {
    case 'title':
      doc.font('bold').fontSize(17).fillColor(INK).text(block.text, left, doc.y, { width, align: 'center', lineGap: 4 });
      doc.moveDown(0.4);
      return;
    case 'meta':
      doc.font('body').fontSize(9.5).fillColor(MUTED).text(block.text, left, doc.y, { width, align: 'center' });
      doc.moveDown(0.8);
      return;
    case 'note':
      doc.font('bold').fontSize(BODY_SIZE).fillColor(INK).text(block.label, left, doc.y, { width, continued: true });
      doc.font('body').text(block.text, { width, lineGap: 3 });
      doc.moveDown(0.6);
      return;
    case 'h2':
      doc.moveDown(0.6);
      ensureSpace(doc, keepWithNext(doc, next));
      doc.font('bold').fontSize(13).fillColor(INK).text(block.text, left, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.3);
      return;
    case 'h3':
      doc.moveDown(0.2);
      ensureSpace(doc, keepWithNext(doc, next));
      doc.font('bold').fontSize(11.5).fillColor(INK).text(block.text, left, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.15);
      return;
    case 'p':
      doc
        .font('body')
        .fontSize(BODY_SIZE)
        .fillColor(block.empty ? MUTED : INK)
        .text(block.text, left, doc.y, { width, indent: BODY_SIZE * 2, lineGap: 3.5, paragraphGap: 4 });
      return;
    case 'table':
      drawTable(doc, block.grid);
      doc.x = left;
      doc.moveDown(0.5);
      return;
  }
}

type Layout = { x: number[]; heights: number[]; cells: PlacedCell[] };

function layoutTable(doc: Doc, grid: Grid): Layout {
  const width = contentWidth(doc);
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const x: number[] = [doc.page.margins.left];
  for (const w of grid.widths) x.push(x[x.length - 1]! + (w / total) * width);
  const cells = placeCells(grid);
  const heights = grid.rows.map(() => TABLE_SIZE + 2 * CELL_PAD + 6);
  const need = (c: PlacedCell) => {
    setCellFont(doc, c);
    return doc.heightOfString(c.text, { width: x[c.col + c.colSpan]! - x[c.col]! - 2 * CELL_PAD, lineGap: 1 }) + 2 * CELL_PAD + 2;
  };
  for (const c of cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, need(c));
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const have = heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    const n = need(c);
    if (n > have) heights[c.row + c.rowSpan - 1]! += n - have;
  }
  return { x, heights, cells };
}

function setCellFont(doc: Doc, c: PlacedCell) {
  doc.font(c.scope && c.scope !== 'row' ? 'bold' : 'body').fontSize(TABLE_SIZE);
}

/** Rows bound together by row spans or kept together: a page break falls between such blocks. */
function rowBlocks(grid: Grid, cells: PlacedCell[], from: number): number[][] {
  const blocks: number[][] = [];
  let r = from;
  while (r < grid.rows.length) {
    let end = r;
    for (let i = r; i <= end; i++) {
      for (const c of cells) if (c.row === i) end = Math.max(end, c.row + c.rowSpan - 1);
      for (const [a, b] of grid.keep ?? []) if (a <= i && i <= b) end = Math.max(end, b);
    }
    blocks.push(Array.from({ length: end - r + 1 }, (_, k) => r + k));
    r = end + 1;
  }
  return blocks;
}

function drawTable(doc: Doc, grid: Grid) {
  const layout = layoutTable(doc, grid);
  const top = () => doc.page.margins.top;
  const headRows = Array.from({ length: grid.headRows }, (_, i) => i);
  const blockHeight = (rows: number[]) => rows.reduce((a, r) => a + layout.heights[r]!, 0);
  let y = doc.y;

  const newPage = () => {
    doc.addPage();
    y = top();
    if (headRows.length) y = drawRows(doc, layout, headRows, y, () => y);
  };

  if (headRows.length) {
    if (y + blockHeight(headRows) + layout.heights[grid.headRows]! > pageBottom(doc)) {
      doc.addPage();
      y = top();
    }
    y = drawRows(doc, layout, headRows, y, () => y);
  }
  for (const rows of rowBlocks(grid, layout.cells, grid.headRows)) {
    if (y + blockHeight(rows) > pageBottom(doc) && y > top() + blockHeight(headRows) + 1) newPage();
    y = drawRows(doc, layout, rows, y, () => {
      newPage();
      return y;
    });
  }
  doc.y = y;
  doc.x = doc.page.margins.left;
}

/**
 * Draw rows from y; when a row does not fit (a block taller than a page), spanning cells are
 * closed at the page end and continue on the next page, which `breakPage` starts.
 */
function drawRows(doc: Doc, layout: Layout, rows: number[], startY: number, breakPage: () => number): number {
  let y = startY;
  let open: { cell: PlacedCell; top: number; textDrawn: boolean; last: number }[] = [];
  for (const r of rows) {
    const h = layout.heights[r]!;
    if (y + h > pageBottom(doc) && y > doc.page.margins.top + 1) {
      for (const o of open) {
        drawCell(doc, layout, o.cell, o.top, y - o.top, !o.textDrawn);
        o.textDrawn = true;
      }
      y = breakPage();
      for (const o of open) o.top = y;
    }
    for (const c of layout.cells) {
      if (c.row !== r) continue;
      if (c.rowSpan === 1) drawCell(doc, layout, c, y, h, true);
      else open.push({ cell: c, top: y, textDrawn: false, last: c.row + c.rowSpan - 1 });
    }
    y += h;
    for (const o of open) if (o.last === r) drawCell(doc, layout, o.cell, o.top, y - o.top, !o.textDrawn);
    open = open.filter((o) => o.last !== r);
  }
  return y;
}

function drawCell(doc: Doc, layout: Layout, c: PlacedCell, y: number, h: number, withText: boolean) {
  const x = layout.x[c.col]!;
  const w = layout.x[c.col + c.colSpan]! - x;
  const bg = c.scope && c.scope !== 'row' ? HEAD_BG : c.num === 'computed' ? COMPUTED_BG : null;
  if (bg) doc.save().rect(x, y, w, h).fill(bg).restore();
  doc.save().lineWidth(0.5).strokeColor(LINE).rect(x, y, w, h).stroke().restore();
  if (!withText) return;
  setCellFont(doc, c);
  const textWidth = w - 2 * CELL_PAD;
  const textHeight = doc.heightOfString(c.text, { width: textWidth, lineGap: 1 });
  const align = c.num ? 'right' : c.scope === 'row' ? 'left' : 'center';
  doc.fillColor(INK).text(c.text, x + CELL_PAD, y + Math.max(CELL_PAD, (h - textHeight) / 2), { width: textWidth, align, lineGap: 1 });
}
