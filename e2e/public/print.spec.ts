import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { REQUEST_ROWS, REQUEST_TABLE_NOTE, SECTION_HEADINGS } from '@ccgov/report';
import { closedYear, currentPublications } from './helpers';

// Read-only: a citizen prints a published report on A4.

const year = closedYear();
const [pub] = currentPublications('year = ?', year);

/** The width of an A4 page less the print stylesheet's 15 mm side margins, in CSS pixels. */
const A4_CONTENT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

/**
 * A pattern for `text` as it reads back from Chromium's PDF: no spaces, and any ideograph may come
 * back as its CJK radical look-alike (⻚ for 页, ⺠ for 民; Kangxi radicals are undone by NFKC).
 */
function asPrinted(text: string): RegExp {
  const chars = [...text.replace(/\s+/g, '').normalize('NFKC')];
  return new RegExp(chars.map((c) => (/\p{Script=Han}/u.test(c) ? `(?:${c}|[\u2E80-\u2EFF])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''), 'u');
}

async function pagesOf(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '').normalize('NFKC'));
  }
  return pages;
}

test('printed, every table of the report fits the width of an A4 page', async ({ page }) => {
  await page.setViewportSize({ width: A4_CONTENT_WIDTH, height: 1000 });
  await page.goto(`/reports/${pub!.id}`);
  await page.emulateMedia({ media: 'print' });
  const tables = await page.locator('.table-wrap').evaluateAll((wraps) =>
    wraps.map((w) => {
      const table = w.querySelector('table')!;
      return {
        name: w.getAttribute('aria-label'),
        overflow: w.scrollWidth - w.clientWidth,
        rightGap: w.getBoundingClientRect().right - table.getBoundingClientRect().right,
        pageGap: document.documentElement.clientWidth - table.getBoundingClientRect().right,
      };
    }),
  );
  expect(tables.map((t) => t.name)).toEqual([SECTION_HEADINGS.proactive, SECTION_HEADINGS.requests, SECTION_HEADINGS.reviews]);
  for (const t of tables) {
    expect(t.overflow, `${t.name} is not wider than its box`).toBeLessThanOrEqual(0);
    expect(t.rightGap, `${t.name}'s right border is inside its box`).toBeGreaterThanOrEqual(0);
    expect(t.pageGap, `${t.name}'s right border is inside the page`).toBeGreaterThan(0);
  }
});

test('printed, the table headers repeat on each page and table 三 is kept whole', async ({ page }) => {
  await page.goto(`/reports/${pub!.id}`);
  await page.emulateMedia({ media: 'print' });
  const styles = await page.locator('table.grid').evaluateAll((ts) =>
    ts.map((t) => {
      const head = (t as HTMLTableElement).tHead;
      return { table: t.getAttribute('data-table'), head: head ? getComputedStyle(head).display : null, position: head ? getComputedStyle(head).position : null };
    }),
  );
  for (const s of styles.filter((s) => s.head !== null)) {
    expect(s.head, `${s.table} repeats its header`).toBe('table-header-group');
    expect(s.position, `${s.table}'s header is not sticky on paper`).toBe('static');
  }
  const requests = page.getByRole('region', { name: SECTION_HEADINGS.requests });
  expect(await requests.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
});

test('the printed report has page numbers and table 三 on one page with its heading', async ({ page }) => {
  await page.goto(`/reports/${pub!.id}`);
  await page.emulateMedia({ media: 'print' });
  const pages = await pagesOf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => expect(text, `page ${i + 1}`).toMatch(asPrinted(`第${i + 1}页共${pages.length}页`)));

  const withTable = pages.filter((text) => asPrinted(SECTION_HEADINGS.requests).test(text));
  expect(withTable).toHaveLength(1);
  const [onPage] = withTable;
  for (const text of [REQUEST_TABLE_NOTE, ...REQUEST_ROWS.map((r) => r.label)]) expect(onPage, text).toMatch(asPrinted(text));
});
