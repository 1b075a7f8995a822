import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { reportTitle } from '@ccgov/report';
import { placeCells, type Grid, type PlacedCell } from './tables';
import { reportOutline, type Block, type PublishedReport } from './outline';
import { SIGNATURE_BLOCK, SUBMISSION_MARK, SUBMISSION_NOTICE, signatureNote, submissionLine, type SubmissionMark } from './submission';

/** Debian's fonts-noto-cjk; the SC face of the collection has the simplified-Chinese glyph forms. */
export const DEFAULT_CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' };
export const DEFAULT_CJK_BOLD_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' };

export type FontSpec = { path: string; /** Face name inside a .ttc collection. */ face?: string };

/** One table cell as drawn: where, on which page (0-based), and whether it continues a cell from the page before. */
export type DrawnCell = {
  table: Grid['key'];
  page: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  head: boolean;
  continued: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
};

export type PdfOptions = {
  font?: FontSpec;
  boldFont?: FontSpec;
  /** Paper size (pdfkit name or [width, height] in points); A4 unless asked otherwise. */
  size?: string | [number, number];
  /** Called for every table cell drawn (tests read the layout back from it). */
  onCell?: (cell: DrawnCell) => void;
  /**
   * 报送稿: the submitted version printed for signature — 报送稿 in the head of every page and as a
   * watermark, the submission instead of a publication date, and the signature and seal block at the end.
   */
  submission?: SubmissionMark;
};

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
const LINE_WIDTH = 0.5;
const HEAD_BG = '#f0f2f5';
const COMPUTED_BG = '#eef2f7';
const BODY_SIZE = 10.5;
const TABLE_SIZE = 8;
const CELL_PAD = 3;
const MARGINS = { top: 56, bottom: 56, left: 54, right: 54 };

type Doc = PDFKit.PDFDocument;
/** The document and what drawing needs to know about it besides pdfkit's own state. */
type Ctx = { doc: Doc; page: number; onCell?: PdfOptions['onCell'] };

/**
 * The report as a PDF (A4) that reads like the public page: the same title, headings, paragraphs
 * and tables with the official merged headers, in Noto Sans CJK (embedded as a subset). A table
 * stays on one page when it fits on one; a longer one breaks between the layout's `keep` groups,
 * its head rows repeated and a row-group label cut by the break drawn again on the next page.
 */
export async function reportPdf(report: PublishedReport, options: PdfOptions = {}): Promise<Buffer> {
  const regular = options.font ?? DEFAULT_CJK_FONT;
  const boldSpec = options.boldFont ?? (options.font ? options.font : DEFAULT_CJK_BOLD_FONT);
  const regularBytes = readFont(regular.path);
  // A missing bold face is not worth failing over: headings then use the regular weight.
  const boldBytes = existsSync(boldSpec.path) ? readFont(boldSpec.path) : regularBytes;
  const boldFace = boldBytes === regularBytes ? regular.face : boldSpec.face;

  const title = reportTitle(report.departmentName, report.year) + (options.submission ? `（${SUBMISSION_MARK}）` : '');
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margins: MARGINS,
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
  const ctx: Ctx = { doc, page: 0, onCell: options.onCell };
  doc.on('pageAdded', () => ctx.page++);

  const submission = options.submission;
  const blocks = reportOutline(report).map((b): Block => (submission && b.type === 'meta' ? { type: 'meta', text: submissionLine(submission) } : b));
  blocks.forEach((block, i) => drawBlock(ctx, block, blocks[i + 1]));
  if (submission) drawSignatureBlock(ctx, signatureNote(report.departmentName, report.year, submission));

  // 第 N 页 / 共 M 页 in the bottom margin of every page, once the page count is known.
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
    if (submission) drawSubmissionMarks(doc);
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const pageTop = (doc: Doc) => doc.page.margins.top;
const pageBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Start a new page when less than `need` points remain (keeps a heading with what follows). */
function ensureSpace(doc: Doc, need: number) {
  if (doc.y + need > pageBottom(doc) && doc.y > pageTop(doc) + 1) doc.addPage();
}

/**
 * Room a heading needs so it is not left alone at the foot of a page: itself and what follows —
 * a whole table when that fits on one page, else the table's head and first group.
 */
function keepWithNext(doc: Doc, next: Block | undefined): number {
  if (next?.type !== 'table') return 30 + 3 * BODY_SIZE * 1.6;
  return 30 + firstPart(doc, measureTable(doc, next.grid), 30);
}

/**
 * What of a table must fit where it starts: all of it when it fits on a fresh page (below a heading
 * of `lead` points), else half a page, so a table that breaks anyway does not leave its first rows
 * alone at the foot of a page.
 */
function firstPart(doc: Doc, t: Measured, lead = 0): number {
  const fresh = pageBottom(doc) - pageTop(doc) - lead;
  return t.total <= fresh ? t.total : Math.max(fresh / 2, t.headHeight + t.unitHeight(t.units[0] ?? []));
}

function drawBlock(ctx: Ctx, block: Block, next: Block | undefined) {
  const { doc } = ctx;
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
      drawTable(ctx, block.grid);
      doc.x = left;
      doc.moveDown(0.5);
      return;
  }
}

type Measured = {
  /** Column edges: x[0] is the table's left border, x[n] its right one, both inside the content width. */
  x: number[];
  heights: number[];
  cells: PlacedCell[];
  headRows: number[];
  headHeight: number;
  /** Body rows in the runs a page break may not cut: a `keep` group of the layout, else one row. */
  units: number[][];
  unitHeight: (rows: number[]) => number;
  total: number;
};

function measureTable(doc: Doc, grid: Grid): Measured {
  // The border is stroked centred on the edges: inset it by half a line so no edge is cut.
  const left = doc.page.margins.left + LINE_WIDTH / 2;
  const width = contentWidth(doc) - LINE_WIDTH;
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const x: number[] = [left];
  for (const w of grid.widths) x.push(x[x.length - 1]! + (w / sum) * width);
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
  const unitHeight = (rows: number[]) => rows.reduce((a, r) => a + heights[r]!, 0);
  const headRows = Array.from({ length: grid.headRows }, (_, i) => i);
  const units: number[][] = [];
  for (let r = grid.headRows; r < grid.rows.length; ) {
    const last = grid.keep.find(([a, b]) => a <= r && r <= b)?.[1] ?? r;
    units.push(Array.from({ length: last - r + 1 }, (_, k) => r + k));
    r = last + 1;
  }
  return { x, heights, cells, headRows, headHeight: unitHeight(headRows), units, unitHeight, total: unitHeight(heights.map((_, i) => i)) };
}

function setCellFont(doc: Doc, c: PlacedCell) {
  doc.font(isHead(c) ? 'bold' : 'body').fontSize(TABLE_SIZE);
}
const isHead = (c: PlacedCell) => c.scope !== undefined && c.scope !== 'row';

/** A cell spanning several rows, drawn when its last row is reached or a page break cuts it. */
type OpenCell = { cell: PlacedCell; top: number; continued: boolean };

function drawTable(ctx: Ctx, grid: Grid) {
  const { doc } = ctx;
  const t = measureTable(doc, grid);
  const room = () => pageBottom(doc) - y;
  const atBodyTop = () => y <= pageTop(doc) + t.headHeight + 1;
  let y = doc.y;
  let open: OpenCell[] = [];

  const drawRow = (r: number) => {
    for (const c of t.cells) {
      if (c.row !== r) continue;
      if (c.rowSpan === 1) drawCell(ctx, grid, t, c, y, t.heights[r]!, false);
      else open.push({ cell: c, top: y, continued: false });
    }
    y += t.heights[r]!;
    for (const o of open) if (o.cell.row + o.cell.rowSpan - 1 === r) drawCell(ctx, grid, t, o.cell, o.top, y - o.top, o.continued);
    open = open.filter((o) => o.cell.row + o.cell.rowSpan - 1 !== r);
  };
  const newPage = () => {
    // A row-spanning cell cut by the break is closed here and drawn again, label and all, below the repeated head.
    for (const o of open) drawCell(ctx, grid, t, o.cell, o.top, y - o.top, o.continued);
    doc.addPage();
    y = pageTop(doc);
    t.headRows.forEach(drawRow);
    for (const o of open) Object.assign(o, { top: y, continued: true });
  };

  if (firstPart(doc, t) > room() && y > pageTop(doc) + 1) {
    doc.addPage();
    y = pageTop(doc);
  }
  t.headRows.forEach(drawRow);
  t.units.forEach((unit, i) => {
    // A break before the last group takes the group before along: the last rows never stand alone under a repeated head.
    const next = i === t.units.length - 2 ? t.units[i + 1]! : [];
    if (t.unitHeight([...unit, ...next]) > room() && !atBodyTop()) newPage();
    for (const r of unit) {
      // Only a group taller than a whole page breaks inside.
      if (t.heights[r]! > room() && !atBodyTop()) newPage();
      drawRow(r);
    }
  });
  doc.y = y;
  doc.x = doc.page.margins.left;
}

function drawCell(ctx: Ctx, grid: Grid, t: Measured, c: PlacedCell, y: number, h: number, continued: boolean) {
  const { doc } = ctx;
  const x = t.x[c.col]!;
  const w = t.x[c.col + c.colSpan]! - x;
  const bg = isHead(c) ? HEAD_BG : c.num === 'computed' ? COMPUTED_BG : null;
  // The fill stays inside the border lines so a neighbour's fill never paints over half a line.
  if (bg) doc.save().rect(x + LINE_WIDTH / 2, y + LINE_WIDTH / 2, w - LINE_WIDTH, h - LINE_WIDTH).fill(bg).restore();
  doc.save().lineWidth(LINE_WIDTH).strokeColor(LINE).rect(x, y, w, h).stroke().restore();
  setCellFont(doc, c);
  const align = c.num ? 'right' : c.scope === 'row' ? 'left' : 'center';
  const textWidth = align === 'center' ? balancedWidth(doc, c.text, w - 2 * CELL_PAD) : w - 2 * CELL_PAD;
  const textHeight = doc.heightOfString(c.text, { width: textWidth, lineGap: 1 });
  // A row-group label cut by a page break after too few rows to hold it is left to its continuation.
  const text = textHeight <= h - CELL_PAD ? c.text : '';
  if (text) doc.fillColor(INK).text(text, x + (w - textWidth) / 2, y + Math.max(CELL_PAD, (h - textHeight) / 2), { width: textWidth, align, lineGap: 1 });
  ctx.onCell?.({ table: grid.key, page: ctx.page, row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text, head: c.row < grid.headRows, continued, x, y, w, h });
}

/** The narrowest width that keeps a wrapped label on as many lines as `max` does, so 结果维持 breaks 结果/维持, not 结果维/持. */
function balancedWidth(doc: Doc, text: string, max: number): number {
  const lines = doc.heightOfString(text, { width: max, lineGap: 1 });
  if (doc.widthOfString(text) <= max) return max;
  // Below the widest character pdfkit cannot wrap at all.
  let lo = Math.min(max, Math.max(...[...text].map((ch) => doc.widthOfString(ch))));
  let hi = max;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (doc.heightOfString(text, { width: mid, lineGap: 1 }) > lines) lo = mid;
    else hi = mid;
  }
  return Math.min(max, Math.ceil(hi));
}

const MARK_RED = '#b42318';

/** 报送稿 in the head of the page and, faint and diagonal, across it (called with the bottom margin at 0). */
function drawSubmissionMarks(doc: Doc) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font('bold').fontSize(9).fillColor(MARK_RED).text(SUBMISSION_NOTICE, left, 26, { width, align: 'center', lineBreak: false });
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-35, { origin: [cx, cy] });
  doc.fillOpacity(0.07).font('bold').fontSize(120).fillColor(MARK_RED);
  doc.text(SUBMISSION_MARK, cx - 250, cy - 75, { width: 500, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}

/** 单位负责人（签字） on the left, 单位（盖章） and 日期 on the right, kept together on one page. */
function drawSignatureBlock(ctx: Ctx, note: string) {
  const { doc } = ctx;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.moveDown(1.5);
  ensureSpace(doc, 170);
  const top = doc.y;
  const right = left + width * 0.58;
  doc.font('body').fontSize(12).fillColor(INK);
  doc.text(SIGNATURE_BLOCK.signature, left, top + 10, { width: width * 0.55, lineBreak: false });
  doc.text(SIGNATURE_BLOCK.seal, right, top + 10, { width: width * 0.42, lineBreak: false });
  doc.text(SIGNATURE_BLOCK.date, right, top + 80, { width: width * 0.42, lineBreak: false });
  doc.font('body').fontSize(8.5).fillColor(MUTED).text(note, left, top + 120, { width, lineGap: 2 });
  doc.x = left;
}
