import { expect, test, type Locator, type Page } from '@playwright/test';
import { REQUEST_ROWS, REQUEST_TOTAL_LABEL, REVIEW_BLOCKS, REVIEW_RESULTS, REVIEW_TOTAL_LABEL, SECTION_HEADINGS } from '@ccgov/report';
import { closedYear, currentPublications } from './helpers';

// Read-only: a citizen reads a published report's tables on a 375 px wide phone.

const year = closedYear();
const [pub] = currentPublications('year = ?', year);
const rowLabel = (key: string) => REQUEST_ROWS.find((r) => r.key === key)!.label;

test.use({ viewport: { width: 375, height: 812 } });

type Box = { x: number; y: number; width: number; height: number };
async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box;
}
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

/** What the reader sees at the middle of an element: the element itself, or something drawn over it. */
async function seenAtCentre(page: Page, locator: Locator): Promise<string> {
  const b = await boxOf(locator);
  return page.evaluate(([x, y]) => {
    const el = document.elementFromPoint(x!, y!);
    return el?.closest('th, td')?.textContent ?? el?.textContent ?? '';
  }, [b.x + b.width / 2, b.y + b.height / 2]);
}

/** Scrolls table 三's box to its last column and to the row labelled `label` (below the sticky header). */
async function showRow(region: Locator, label: string) {
  await region.evaluate((el, text) => {
    const th = [...el.querySelectorAll('th[scope="row"]')].find((t) => t.textContent === text)!;
    const head = el.querySelector('thead')!.getBoundingClientRect();
    el.scrollLeft = el.scrollWidth;
    el.scrollTop += th.getBoundingClientRect().top - head.bottom - 4;
    // The box (at most 85 % of the screen high) wholly on screen.
    window.scrollBy(0, el.getBoundingClientRect().top - 8);
  }, label);
}

test.describe('table 三 on a phone', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`/reports/${pub!.id}`);
    await page.getByRole('region', { name: SECTION_HEADINGS.requests }).scrollIntoViewIfNeeded();
  });

  for (const [key, total] of [
    ['newReceived', 'requests.newReceived.total'],
    ['withheld1', 'requests.withheld1.total'],
    ['otherHandling2', 'requests.otherHandling2.total'],
    ['carriedOver', 'requests.carriedOver.total'],
  ] as const) {
    test(`scrolled to its last column, the row label “${rowLabel(key).slice(0, 12)}” stays in view beside its 总计`, async ({ page }) => {
      const region = page.getByRole('region', { name: SECTION_HEADINGS.requests });
      const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(scrollWidth, 'the table is wider than the phone').toBeGreaterThan(clientWidth);

      await showRow(region, rowLabel(key));
      const wrap = await boxOf(region);
      const label = region.getByRole('rowheader', { name: rowLabel(key), exact: true });
      const figure = region.locator(`td[data-cell="${total}"]`);
      const labelBox = await boxOf(label);
      const figureBox = await boxOf(figure);
      expect(inside(labelBox, wrap), 'the row label is inside the table box').toBe(true);
      expect(inside(figureBox, wrap), 'the 总计 figure is inside the table box').toBe(true);
      expect(figureBox.x, 'the figure sits right of its label').toBeGreaterThanOrEqual(labelBox.x + labelBox.width - 1);
      expect(await seenAtCentre(page, label), 'nothing is drawn over the label').toBe(rowLabel(key));
      expect(await seenAtCentre(page, figure)).toBe(await figure.textContent());
    });
  }

  test('the group label （三）不予公开 stays in view too, left of its numbered rows', async ({ page }) => {
    const region = page.getByRole('region', { name: SECTION_HEADINGS.requests });
    await showRow(region, rowLabel('withheld1'));
    const group = region.locator('th[scope="rowgroup"]').filter({ hasText: '不予公开' });
    const groupBox = await boxOf(group);
    const labelBox = await boxOf(region.getByRole('rowheader', { name: rowLabel('withheld1'), exact: true }));
    const wrap = await boxOf(region);
    expect(groupBox.x).toBeGreaterThanOrEqual(wrap.x - 0.5);
    expect(groupBox.x + groupBox.width).toBeLessThanOrEqual(labelBox.x + 1);
  });

  test('scrolled down to its last row, the column headings stay at the top of the table box', async ({ page }) => {
    const region = page.getByRole('region', { name: SECTION_HEADINGS.requests });
    await showRow(region, rowLabel('carriedOver'));
    const wrap = await boxOf(region);
    const heading = region.getByRole('columnheader', { name: REQUEST_TOTAL_LABEL, exact: true });
    const headingBox = await boxOf(heading);
    expect(inside(headingBox, wrap)).toBe(true);
    expect(headingBox.y, 'the heading is at the top of the box').toBeLessThan(wrap.y + wrap.height / 3);
    expect(await seenAtCentre(page, heading)).toBe(REQUEST_TOTAL_LABEL);
  });

  test('a hint says the table scrolls sideways, only where it does', async ({ page }) => {
    const hint = (name: string) =>
      page.getByRole('region', { name }).evaluate((el) => getComputedStyle(el, '::before').visibility);
    expect(await hint(SECTION_HEADINGS.requests)).toBe('visible');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await hint(SECTION_HEADINGS.requests)).toBe('hidden');
  });
});

test('table 四 shows its 15 figures on a phone without scrolling, each under its own result label', async ({ page }) => {
  await page.goto(`/reports/${pub!.id}`);
  const region = page.getByRole('region', { name: SECTION_HEADINGS.reviews });
  await region.scrollIntoViewIfNeeded();
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const wrap = await boxOf(region);
  const results = [...REVIEW_RESULTS.map((r) => ({ key: r.key as string, label: r.label as string })), { key: 'total', label: REVIEW_TOTAL_LABEL as string }];
  for (const block of REVIEW_BLOCKS) {
    for (const r of results) {
      const cell = region.locator(`td[data-cell="reviews.${block.key}.${r.key}"]`);
      const box = await boxOf(cell);
      expect(inside(box, wrap), `${block.label} ${r.label} is in view`).toBe(true);
      const above = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.textContent ?? '', [box.x + box.width / 2, box.y - 3]);
      expect(above, `the label right above ${block.key}.${r.key}`).toBe(r.label);
    }
  }
});
