import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { currentPublications, closedYear } from './helpers';

// Read-only: looks at public pages as an anonymous visitor.

const year = closedYear();
const [first, second] = currentPublications('year = ?', year);
const PAGES = [
  ['home', '/'],
  ['home with search results', `/?q=${encodeURIComponent('公安')}`],
  ['report', `/reports/${first!.id}`],
  ['summary', `/summary?year=${year}`],
  ['compare', '/compare'],
  ['compare with results', `/compare?d=${first!.department_id}&d=${second!.department_id}&y=${year}&y=${year - 1}&f=all`],
] as const;
// axe is slow on these long pages: the compare results page holds its form, so these cover the
// four public pages (the home page with and without search results) and the page of a missing report.
const AXE_PAGES = [
  ...PAGES.filter(([name]) => ['home', 'home with search results', 'report', 'summary', 'compare with results'].includes(name)),
  ['missing report', '/reports/99999999'],
] as const;
const AXE_PHONE_PAGES = AXE_PAGES.filter(([name]) => ['report', 'summary'].includes(name));

/** Moderate, serious and critical findings (landmarks, regions and the like are moderate). */
async function notableViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const [width, pages] of [
  [1280, AXE_PAGES],
  [375, AXE_PHONE_PAGES],
] as const) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const [name, url] of pages) {
      test(`the ${name} page has no moderate, serious or critical accessibility finding`, async ({ page }) => {
        // axe walks every node of these long pages; on a busy machine that takes a while.
        test.slow();
        await page.goto(url);
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
        expect(await notableViolations(page)).toEqual([]);
      });
    }
  });
}

test('every table header on the report and summary pages has a scope', async ({ page }) => {
  for (const url of [`/reports/${second!.id}`, `/summary?year=${year}`]) {
    await page.goto(url);
    expect(await page.locator('th:not([scope])').count(), url).toBe(0);
  }
});

test('headings go down one level at a time on every public page', async ({ page }) => {
  for (const [, url] of PAGES) {
    await page.goto(url);
    const levels = await page.locator('main h1, main h2, main h3, main h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0], url).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `${url} heading ${i}`).toBeLessThanOrEqual(1));
  }
});

test('a keyboard user searches, opens a report and sees where the focus is', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: '搜索部门名称或报告全文' });
  for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.type('数据局');
  await page.keyboard.press('Enter');
  const link = page.getByRole('region', { name: '搜索结果' }).getByRole('link').first();
  await expect(link).toBeVisible();
  for (let i = 0; i < 15 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('陈仓区数据局');
});

test('a missing page has exactly one main landmark, with or without the public layout around it', async ({ page }) => {
  for (const url of ['/reports/99999999', `/summary?year=1900`, '/no-such-page']) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '页面不存在' }), url).toBeVisible();
    expect(await page.locator('main').count(), url).toBe(1);
    expect(await page.locator('main main').count(), url).toBe(0);
  }
});

test('the site icon the pages link to is served', async ({ page, request }) => {
  await page.goto('/');
  const icons = await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of [...icons, '/favicon.ico']) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type'], href).toMatch(/^image\//);
  }
});
