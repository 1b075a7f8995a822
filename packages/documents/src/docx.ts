import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { reportTitle } from '@ccgov/report';
import { reportOutline, type Block, type PublishedReport } from './outline';
import { placeCells, type Grid, type PlacedCell } from './tables';

/**
 * The fonts of a 公文 (GB/T 9704), by the names government PCs know them under. Runs name them as
 * their East Asian font; the font table gives each the name to fall back to (`altName`) and the
 * GB2312 character set, so Word or WPS on a PC without it takes that one, and without that, the
 * system's 宋体 — 仿宋_GB2312 → 仿宋 → 宋体, 楷体_GB2312 → 楷体 → 宋体, 方正小标宋简体 → 宋体.
 * Digits and Latin letters are set in Times New Roman, as in 公文 templates.
 */
export const DOCX_FONTS = {
  /** 标题: 方正小标宋简体 二号. */
  title: '方正小标宋简体',
  /** 一级标题 (一、总体情况): 黑体 三号. */
  heading1: '黑体',
  /** 二级标题 (（一）主动公开): 楷体_GB2312 三号. */
  heading2: '楷体_GB2312',
  /** 正文: 仿宋_GB2312 三号, and the tables' cells in 五号. */
  body: '仿宋_GB2312',
  /** 页码: 宋体 四号. */
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Each font's fallback and its font-table entry (panose, family and pitch as Word writes them for these fonts). */
const FONT_TABLE: { name: string; altName: string; panose: string; family: string; pitch: string }[] = [
  { name: DOCX_FONTS.title, altName: '宋体', panose: '02000000000000000000', family: 'auto', pitch: 'variable' },
  { name: DOCX_FONTS.heading1, altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: DOCX_FONTS.heading2, altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: DOCX_FONTS.body, altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: DOCX_FONTS.pageNumber, altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
];

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  const latin =
    `<w:font w:name="${DOCX_FONTS.latin}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>` +
    `<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}${latin}</w:fonts>`
  );
}

const font = (eastAsia: string) => ({ ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, cs: DOCX_FONTS.latin, eastAsia });

// Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;
/** 28-point exact line spacing of the 公文 body, in twentieths of a point. */
const BODY_LINE = 560;
/** Exact 13.5-point lines in table cells (五号), whatever the line height of the font that stands in. */
const TABLE_LINE = 270;
/** Two characters of 三号: the first-line indent of paragraphs and headings. */
const INDENT = 640;

// A4, 公文 margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twentieths of a point.
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(21) };
const TABLE_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * The report as a 公文-style Word document: 标题 in 方正小标宋简体 二号, 一级标题 黑体 and 二级标题
 * 楷体_GB2312 三号 (real Heading 1–3 styles, so the navigation pane works), body 仿宋_GB2312 三号 at
 * 28-point lines, page numbers (— N —) in the footer, outside on odd and even pages, and real Word
 * tables with the official merged headers (gridSpan / vMerge) whose head rows repeat on each page.
 */
export async function reportDocx(report: PublishedReport): Promise<Buffer> {
  const title = reportTitle(report.departmentName, report.year);
  const heading = (eastAsia: string, size: number) => ({ run: { font: font(eastAsia), size, bold: false, color: '000000' } });
  const doc = new Document({
    title,
    creator: report.departmentName,
    subject: title,
    keywords: `政府信息公开工作年度报告 ${report.year}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: SIZE.body },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        heading1: {
          ...heading(DOCX_FONTS.title, SIZE.title),
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 280 }, keepNext: true },
        },
        heading2: { ...heading(DOCX_FONTS.heading1, SIZE.body), paragraph: { indent: { firstLine: INDENT }, keepNext: true } },
        heading3: { ...heading(DOCX_FONTS.heading2, SIZE.body), paragraph: { indent: { firstLine: INDENT }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: reportOutline(report).flatMap(toDocx),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

/** — 1 —, 宋体 四号: right (one character in) on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 10 } : { left: SIZE.pageNumber * 10 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(DOCX_FONTS.pageNumber), size: SIZE.pageNumber })],
      }),
    ],
  });
}

function toDocx(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'meta':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: BODY_LINE }, children: [new TextRun({ text: block.text, font: font(DOCX_FONTS.heading2) })] })];
    case 'note':
      return [
        new Paragraph({
          indent: { firstLine: INDENT },
          children: [new TextRun({ text: block.label, font: font(DOCX_FONTS.heading1) }), new TextRun(block.text)],
        }),
      ];
    case 'h2':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'h3':
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(block.text)] })];
    case 'p':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          children: [new TextRun({ text: block.text, color: block.empty ? '57606A' : undefined })],
        }),
      ];
    case 'table':
      return [gridTable(block.grid), new Paragraph({ children: [] })];
  }
}

/**
 * Rows kept with the next one: a table with a head (三, 四) is one chain, so Word moves it whole to
 * the next page when it fits there and breaks it only when it is taller than a page; a table
 * without one (二) keeps each of its `keep` blocks together.
 */
function keptWithNext(grid: Grid): boolean[] {
  const last = grid.rows.length - 1;
  if (grid.headRows > 0) return grid.rows.map((_, r) => r < last);
  return grid.rows.map((_, r) => grid.keep.some(([a, b]) => a <= r && r < b));
}

function gridTable(grid: Grid): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.widths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const widthOf = (c: PlacedCell) => columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const placed = placeCells(grid);
  const keep = keptWithNext(grid);
  return new Table({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: grid.rows.map(
      (_, r) =>
        new TableRow({
          tableHeader: r < grid.headRows,
          cantSplit: true,
          keepNext: keep[r],
          children: placed.filter((c) => c.row === r).map((c) => docxCell(c, widthOf(c))),
        }),
    ),
  });
}

function docxCell(cell: PlacedCell, width: number): TableCell {
  const isHead = cell.scope !== undefined && cell.scope !== 'row';
  const fill = isHead ? 'F2F2F2' : undefined;
  return new TableCell({
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 20, bottom: 20, left: 50, right: 50 },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    children: [
      new Paragraph({
        alignment: cell.num ? AlignmentType.CENTER : cell.scope === 'row' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ text: cell.text, size: SIZE.table, font: font(isHead ? DOCX_FONTS.heading1 : DOCX_FONTS.body) })],
      }),
    ],
  });
}
