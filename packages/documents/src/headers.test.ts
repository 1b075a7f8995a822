import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { layoutHeader, OFFICIAL_HEADERS, RESULT_GROUP_LABEL, TABLE_LAYOUTS, type OfficialHeader } from '@ccgov/report';
import { reportDocx } from './docx';
import { reportPdf, type DrawnCell } from './pdf';
import { published } from './published.testing';

const TABLES = ['requests', 'reviews'] as const;
const squash = (s: string) => s.replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------------
// PDF: the cell boxes as drawn (drawing hook) and the text pdf.js reads back inside each box.
// ---------------------------------------------------------------------------------------------
type TextItem = { str: string; x: number; y: number };

async function pdfRender(options: { size?: string } = {}) {
  const cells: DrawnCell[] = [];
  const bytes = await reportPdf(published, { ...options, onCell: (c) => cells.push(c) });
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: { width: number; height: number; items: TextItem[]; text: string }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const items = (await page.getTextContent()).items.flatMap((it) =>
      // pdf.js measures from the bottom of the page, pdfkit (and the hook) from the top.
      'str' in it && it.str.trim() ? [{ str: it.str, x: it.transform[4] as number, y: height - (it.transform[5] as number) }] : [],
    );
    pages.push({ width, height, items, text: items.map((t) => t.str).join('') });
  }
  return { cells, pages };
}

/** The header of a table on the page it starts, rebuilt from the drawn boxes and the text read inside them. */
function pdfHeader(cells: DrawnCell[], pages: { items: TextItem[] }[], table: string): OfficialHeader {
  const own = cells.filter((c) => c.table === table);
  const page = own[0]!.page;
  const onPage = own.filter((c) => c.page === page);
  const edges = (values: number[]) => [...new Set(values.map((v) => Math.round(v * 10) / 10))].sort((a, b) => a - b);
  const xs = edges(onPage.flatMap((c) => [c.x, c.x + c.w]));
  const head = onPage.filter((c) => c.head);
  const ys = edges(head.flatMap((c) => [c.y, c.y + c.h]));
  const spanned = (all: number[], from: number, to: number) => all.filter((e) => e > from + 0.05 && e <= to + 0.05).length;
  const inside = (c: DrawnCell) =>
    pages[page]!.items
      .filter((t) => t.x >= c.x && t.x < c.x + c.w && t.y > c.y && t.y <= c.y + c.h)
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((t) => t.str)
      .join('');
  const rows: OfficialHeader = [];
  for (const c of [...head].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = spanned(ys, ys[0]!, c.y);
    (rows[row] ??= []).push({ text: squash(inside(c)), colSpan: spanned(xs, c.x, c.x + c.w), rowSpan: spanned(ys, c.y, c.y + c.h) });
  }
  return rows;
}

describe('the PDF read back', () => {
  let a4: ReturnType<typeof pdfRender> | undefined;
  const renderA4 = () => (a4 ??= pdfRender());

  it('heads tables 三 and 四 with the official header rows, each label inside its columns and rows', async () => {
    const { cells, pages } = await renderA4();
    for (const table of TABLES) {
      const header = pdfHeader(cells, pages, table);
      expect(header, table).toEqual(OFFICIAL_HEADERS[table]);
      expect(header, table).toEqual(layoutHeader(TABLE_LAYOUTS[table]));
    }
  });

  it('keeps every table border inside the A4 page’s margins and table 三 whole on one page', async () => {
    const { cells, pages } = await renderA4();
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toContainEqual([595, 842]);
    for (const c of cells) {
      expect(c.x, `${c.table} ${c.row}/${c.col}`).toBeGreaterThanOrEqual(54);
      expect(c.x + c.w, `${c.table} ${c.row}/${c.col}`).toBeLessThanOrEqual(595.28 - 54 + 0.01);
    }
    expect(new Set(cells.filter((c) => c.table === 'requests').map((c) => c.page)).size).toBe(1);
  });

  it('numbers every page 第 N 页 / 共 M 页', async () => {
    const { pages } = await renderA4();
    pages.forEach((p, i) => expect(squash(p.text)).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it('breaks table 三 where it must only between groups, repeating the head and the 三、本年度办理结果 label', async () => {
    // On A5 table 三 is taller than a page.
    const { cells } = await pdfRender({ size: 'A5' });
    const own = cells.filter((c) => c.table === 'requests');
    const tablePages = [...new Set(own.map((c) => c.page))];
    expect(tablePages.length).toBeGreaterThan(1);
    const layout = TABLE_LAYOUTS.requests;
    const insideGroup = (row: number) => layout.keep.some(([a, b]) => a < row && row <= b);
    for (const page of tablePages) {
      const onPage = own.filter((c) => c.page === page);
      expect(onPage.filter((c) => c.head).map((c) => c.text).sort()).toEqual(layoutHeader(layout).flat().map((h) => h.text).sort());
      const firstBodyRow = Math.min(...onPage.filter((c) => !c.head && c.rowSpan === 1).map((c) => c.row));
      expect(insideGroup(firstBodyRow), `page ${page + 1} starts inside a group at row ${firstBodyRow}`).toBe(false);
    }
    const groupLabels = own.filter((c) => c.text === RESULT_GROUP_LABEL);
    expect(groupLabels.map((c) => c.continued).slice(0, 2)).toEqual([false, true]);
  });
});

// ---------------------------------------------------------------------------------------------
// Word: the tables of document.xml with their gridSpan / vMerge cells.
// ---------------------------------------------------------------------------------------------
type WordCell = { text: string; gridSpan: number; vMerge?: string };
type WordRow = { header: boolean; cells: WordCell[] };

function wordTables(xml: string): WordRow[][] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => ({
      header: r[0].includes('<w:tblHeader/>'),
      cells: [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: decode([...c[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
        gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c[1]!)?.[1] ?? 1),
        vMerge: /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(c[1]!) ? (/<w:vMerge w:val="(\w+)"\/>/.exec(c[1]!)?.[1] ?? 'continue') : undefined,
      })),
    })),
  );
}

/** Header rows (those repeated on each page) as text with spans: a vMerge restart spans down over the continue cells under it. */
function wordHeader(rows: WordRow[]): OfficialHeader {
  const placed = rows.map((row) => {
    let col = 0;
    return row.cells.map((cell) => ({ ...cell, col: (col += cell.gridSpan) - cell.gridSpan }));
  });
  const head = rows.findIndex((r) => !r.header);
  return placed.slice(0, head).map((cells, r) =>
    cells
      .filter((c) => c.vMerge !== 'continue')
      .map((c) => {
        let rowSpan = 1;
        while (c.vMerge === 'restart' && placed[r + rowSpan]?.some((d) => d.col === c.col && d.vMerge === 'continue')) rowSpan++;
        return { text: c.text, colSpan: c.gridSpan, rowSpan };
      }),
  );
}

describe('the Word document read back', () => {
  it('heads tables 三 and 四 with the official header rows in gridSpan and vMerge cells, repeated on each page', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(published));
    const tables = wordTables(await zip.file('word/document.xml')!.async('string'));
    expect(tables).toHaveLength(3);
    const [, requests, reviews] = tables;
    for (const [table, rows] of [['requests', requests!], ['reviews', reviews!]] as const) {
      const header = wordHeader(rows);
      expect(header, table).toEqual(OFFICIAL_HEADERS[table]);
      expect(header, table).toEqual(layoutHeader(TABLE_LAYOUTS[table]));
    }
  });

  it('is set as a 公文: 方正小标宋简体 二号 title, 黑体 and 楷体_GB2312 headings, 仿宋_GB2312 三号 body at 28-point lines, with fallbacks', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(published));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Heading1')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(style('Heading2')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:sz w:val="32"\/>/);
    expect(style('Heading3')).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(defaults).toMatch(/<w:sz w:val="32"\/>/);
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    for (const [name, alt] of [['仿宋_GB2312', '仿宋'], ['楷体_GB2312', '楷体'], ['方正小标宋简体', '宋体']]) {
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>[\\s\\S]*?<w:charset w:val="86"/>`));
    }
  });

  it('numbers its pages in the footer with a PAGE field, outside on odd and even pages', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(published));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers).toHaveLength(2);
    for (const footer of footers) expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });
});
