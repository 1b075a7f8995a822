import { expect, test } from '@playwright/test';
import { currentPublications } from './helpers';

test('an anonymous visitor sees published reports by year and opens one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '政府信息公开工作年度报告', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: '按年度浏览' }).getByRole('link', { name: '2024年度' }).click();
  await expect(page).toHaveURL(/\?year=2024$/);
  await expect(page.getByRole('heading', { name: '2024年度' })).toBeVisible();
  await page.getByRole('link', { name: '陈仓区数据局2024年政府信息公开工作年度报告' }).click();
  await expect(page.getByRole('heading', { name: '陈仓区数据局2024年政府信息公开工作年度报告' })).toBeVisible();
  await expect(page.getByText('区数据局未收到政府信息公开申请')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '法人或其他组织' })).toBeVisible();
});

test('the home page lists only the latest published year, and each earlier year is one link away', async ({ page }) => {
  const years = [...new Set(currentPublications().map((p) => p.year))].sort((a, b) => b - a);
  const [latest, earlier] = years as [number, number];
  await page.goto('/');
  const yearNav = page.getByRole('navigation', { name: '按年度浏览' });
  await expect(yearNav.getByRole('link', { name: `${latest}年度` })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: `${latest}年度` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${earlier}年度` })).toHaveCount(0);
  const links = await page.locator('main .report-list a').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
  expect(links.length).toBeGreaterThan(0);
  expect(links.every((t) => t.includes(`${latest}年`))).toBe(true);
  await expect(page.getByRole('link', { name: `${latest}年度批量下载（ZIP）` })).toHaveAttribute('href', `/api/open/bulk/${latest}.zip`);

  await yearNav.getByRole('link', { name: `${earlier}年度` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${earlier}年度` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `${latest}年度` })).toHaveCount(0);
  await expect(yearNav.getByRole('link', { name: `${earlier}年度` })).toHaveAttribute('aria-current', 'page');
});

test('a year of the demo’s 47 bodies is one page, and a search shows its results without the year’s list', async ({ page, request }) => {
  const latest = Math.max(...currentPublications().map((p) => p.year));
  await page.goto(`/?year=${latest}`);
  await expect(page.getByRole('heading', { level: 2, name: `${latest}年度` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '分页' })).toHaveCount(0);
  // Only pages that exist answer: a page past the last, or not a number, is the 404 page.
  expect((await request.get(`/?year=${latest}&page=1`)).status()).toBe(200);
  for (const bad of ['2', '0', 'x']) expect((await request.get(`/?year=${latest}&page=${bad}`)).status(), bad).toBe(404);

  await page.goto(`/?q=${encodeURIComponent('公安分局')}`);
  await expect(page.getByRole('region', { name: '搜索结果' }).getByRole('status')).toContainText('找到');
  await expect(page.getByRole('heading', { level: 2, name: `${latest}年度` })).toHaveCount(0);
  await expect(page.locator('main .report-list')).toHaveCount(0);
  await page.getByRole('link', { name: `浏览${latest}年度全部报告` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${latest}年度` })).toBeVisible();
});

test('the public footer links the OpenAPI description of the open data', async ({ page, request }) => {
  await page.goto('/');
  const link = page.getByRole('contentinfo').getByRole('link', { name: '开放数据接口说明（OpenAPI）' });
  await expect(link).toHaveAttribute('href', '/api/open/openapi.json');
  const res = await request.get('/api/open/openapi.json');
  expect(res.status()).toBe(200);
  expect((await res.json()).openapi).toMatch(/^3\./);
});
