import { request as http } from 'node:http';
import { expect, test } from '@playwright/test';
import { reportTitle } from '@ccgov/report';
import { closedYear, currentPublications, downloadedBytes, FIGURE_COUNT, figuresOf } from './helpers';

// Read-only: an anonymous reader with JavaScript switched off; nothing is changed.

const year = closedYear();
const pub = currentPublications('year = ?', year)[0]!;
const title = reportTitle(pub.department_name, year);

/** Budgets of the report page (issue 11): what a reader on a phone downloads. */
const MAX_TRANSFERRED_GZIP = 25 * 1024;
const MAX_SCRIPT_BYTES = 0;

/** The bytes a browser receives for a URL when it accepts gzip (the body as sent, not unpacked). */
function gzipTransfer(url: string): Promise<{ status: number; encoding: string | undefined; bytes: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], bytes, type: String(res.headers['content-type'] ?? '') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the report page shows the whole report in its official tables', async ({ page }) => {
    const res = await page.goto(`/reports/${pub.id}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    for (const name of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']) {
      await expect(page.getByRole('region', { name }).getByRole('table')).toBeVisible();
    }
    const figures = figuresOf(pub.content);
    const cells = await page.locator('article [data-cell]').evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset.cell!, e.textContent!.trim()] as const));
    expect(cells).toHaveLength(FIGURE_COUNT);
    expect(Object.fromEntries(cells)['requests.newReceived.total']).toBe(String(figures['requests.newReceived.total']));
    // The public layout around it: skip link, one main, the footer's open-data link.
    await expect(page.getByRole('link', { name: '跳到正文' })).toHaveAttribute('href', '#main');
    expect(await page.locator('main').count()).toBe(1);
    await expect(page.getByRole('link', { name: '开放数据接口说明（OpenAPI）' })).toHaveAttribute('href', '/api/open/openapi.json');
    // Styled: the site header has the brand colour from the style sheet.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(159, 28, 28)');
  });

  test('the download links work', async ({ page }) => {
    await page.goto(`/reports/${pub.id}`);
    const downloads = page.getByRole('navigation', { name: '下载本报告' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('link', { name: 'PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`${title}.pdf`);
    expect((await downloadedBytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const [csv] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('link', { name: '数据 CSV' }).click()]);
    expect((await downloadedBytes(csv)).toString('utf8')).toContain(`requests.newReceived.total,`);
    for (const name of ['Word（.docx）', '数据 JSON']) {
      const href = await downloads.getByRole('link', { name }).getAttribute('href');
      expect((await page.request.get(href!)).status(), name).toBe(200);
    }
  });
});

test.describe('with JavaScript off, the home page', () => {
  test.use({ javaScriptEnabled: false });

  test('searches with its plain form and lists a year', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: '搜索部门名称或报告全文' }).fill(pub.department_name);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\?q=/);
    await expect(page.getByRole('region', { name: '搜索结果' }).getByRole('link', { name: title })).toBeVisible();
    await page.goto(`/?year=${year}`);
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });
});

test('the home page loads no script and stays within the budget', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const res = await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '政府信息公开工作年度报告' })).toBeVisible();
  expect(scripts).toEqual([]);
  expect(await res!.text()).not.toContain('<script');
  expect(res!.headers()['content-security-policy']).toContain("script-src 'none'");
  await gzipTransfer(new URL('/', baseURL).href);
  const t = await gzipTransfer(new URL('/', baseURL).href);
  expect(t.status).toBe(200);
  expect(t.bytes).toBeLessThanOrEqual(MAX_TRANSFERRED_GZIP);
});

test('the report page loads no script and carries the report once', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  const res = await page.goto(`/reports/${pub.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(scripts).toEqual([]);
  const html = await res!.text();
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  expect(inline.reduce((n, s) => n + Buffer.byteLength(s), 0)).toBeLessThanOrEqual(MAX_SCRIPT_BYTES);
  expect(html).not.toContain('self.__next_f');
  // A sentence of the report's own text is in the page exactly once (no second copy as data).
  const sentence = pub.content.overview.active.trim().slice(0, 24);
  expect(sentence.length).toBeGreaterThan(10);
  expect(html.split(sentence).length - 1).toBe(1);
  // No script may run on it at all.
  expect(res!.headers()['content-security-policy']).toContain("script-src 'none'");

  // Transferred with gzip: the HTML and its style sheet (the page's only other file).
  const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!));
  expect(sheets).toHaveLength(1);
  let total = 0;
  for (const path of [`/reports/${pub.id}`, ...sheets]) {
    await gzipTransfer(new URL(path, baseURL).href); // kept by the fast path, which compresses
    const t = await gzipTransfer(new URL(path, baseURL).href);
    expect(t.status, path).toBe(200);
    expect(t.encoding, path).toBe('gzip');
    total += t.bytes;
  }
  expect(total).toBeLessThanOrEqual(MAX_TRANSFERRED_GZIP);
});

test.describe('with JavaScript off, 全区汇总', () => {
  test.use({ javaScriptEnabled: false });

  test('shows its charts with their tables, and another year is a plain link away', async ({ page }) => {
    const res = await page.goto(`/summary?year=${year}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: `${year}年度全区汇总` })).toBeVisible();
    // Inline SVG charts, each with its numbers in a table beside it.
    expect(await page.locator('main svg').count()).toBeGreaterThanOrEqual(3);
    for (const table of ['rates', 'trend', 'trend-disclosure', 'top-requests']) await expect(page.locator(`table[data-table="${table}"]`)).toBeVisible();
    const years = page.getByRole('navigation', { name: '选择年度' });
    await expect(years.getByRole('link', { name: `${year}年度` })).toHaveAttribute('aria-current', 'page');
    const other = years.getByRole('link').filter({ hasNotText: `${year}年度` }).first();
    const otherYear = (await other.textContent())!.replace('年度', '');
    await other.click();
    await expect(page).toHaveURL(`/summary?year=${otherYear}`);
    await expect(page.getByRole('heading', { level: 1, name: `${otherYear}年度全区汇总` })).toBeVisible();
  });
});

test('全区汇总 loads no script and stays within the budget', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  for (const path of ['/summary', `/summary?year=${year}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: /年度全区汇总$/ })).toBeVisible();
    expect(scripts, path).toEqual([]);
    const html = await res!.text();
    expect(html, path).not.toContain('<script');
    expect(html, path).not.toContain('self.__next_f');
    expect(res!.headers()['content-security-policy'], path).toContain("script-src 'none'");
  }
  const sheets = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!));
  expect(sheets).toHaveLength(1);
  let total = 0;
  for (const path of [`/summary?year=${year}`, ...sheets]) {
    await gzipTransfer(new URL(path, baseURL).href); // kept by the fast path, which compresses
    const t = await gzipTransfer(new URL(path, baseURL).href);
    expect(t.status, path).toBe(200);
    expect(t.encoding, path).toBe('gzip');
    total += t.bytes;
  }
  expect(total).toBeLessThanOrEqual(MAX_TRANSFERRED_GZIP);
});
