import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
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
import { placeCells, type Grid, type GridCell, type PlacedCell } from './tables';

// A4 with 2.5 cm / 2 cm margins, in twentieths of a point.
const PAGE_WIDTH = 11906;
const MARGIN_X = 1134;
const TABLE_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '8C959F' };

/**
 * The report as a Word document an office can reuse: real headings (Heading 1–3, so Word's
 * navigation pane and table of contents work), paragraphs, and real Word tables with the official
 * merged headers (gridSpan / vMerge) whose head rows repeat on each page.
 */
export async function reportDocx(report: PublishedReport): Promise<Buffer> {
  const title = reportTitle(report.departmentName, report.year);
  const doc = new Document({
    title,
    creator: report.departmentName,
    subject: title,
    keywords: `政府信息公开工作年度报告 ${report.year}`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: { run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
        heading2: { run: { font: HEADING_FONT, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: HEADING_FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: { top: 1418, bottom: 1418, left: MARGIN_X, right: MARGIN_X } } },
        children: reportOutline(report).flatMap(toDocx),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function toDocx(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case 'meta':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.text, size: 21, color: '57606A' })] })];
    case 'note':
      return [new Paragraph({ children: [new TextRun({ text: block.label, bold: true }), new TextRun(block.text)] })];
    case 'h2':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'h3':
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(block.text)] })];
    case 'p':
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          children: [new TextRun({ text: block.text, color: block.empty ? '57606A' : undefined })],
        }),
      ];
    case 'table':
      return [gridTable(block.grid), new Paragraph({ children: [] })];
  }
}

function gridTable(grid: Grid): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.widths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const widthOf = (c: PlacedCell) => columnWidths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const placed = placeCells(grid);
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: grid.rows.map(
      (_, r) =>
        new TableRow({
          tableHeader: r < grid.headRows,
          cantSplit: true,
          children: placed.filter((c) => c.row === r).map((c) => docxCell(c, widthOf(c))),
        }),
    ),
  });
}

function docxCell(cell: GridCell, width: number): TableCell {
  const isHead = cell.scope !== undefined && cell.scope !== 'row';
  const fill = isHead ? 'F0F2F5' : cell.num === 'computed' ? 'EEF2F7' : undefined;
  return new TableCell({
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
    children: [
      new Paragraph({
        alignment: cell.num ? AlignmentType.RIGHT : cell.scope === 'row' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 260 },
        children: [new TextRun({ text: cell.text, size: 18, bold: isHead })],
      }),
    ],
  });
}
