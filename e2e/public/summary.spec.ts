import { expect, test } from '@playwright/test';
import { queryDb } from '../support/db';
import { closedYear, currentPublications, FIGURE_COUNT, formatAmount, sumFigures } from './helpers';

// Read-only: compares the public summary with the database; changes nothing.
// Its year is the last closed one, whose reports other specs may correct or withdraw meanwhile:
// each check reads the database and the page again until both agree.

test.describe('the district summary', () => {
  const year = closedYear();

  test('equals, figure by figure, the sum of the published reports of the year', async ({ page }) => {
    // Other specs correct or withdraw reports of this year meanwhile: read both sides again until they agree.
    await expect(async () => {
      const pubs = currentPublications('year = ?', year);
      const sums = sumFigures(pubs.map((p) => p.content));
      await page.goto(`/summary?year=${year}`);
      await expect(page.getByRole('heading', { level: 1, name: `${year}年度全区汇总` })).toBeVisible();
      await expect(page.getByTestId('publication-count')).toContainText(`已发布 ${pubs.length} 个`, { timeout: 1000 });
      const cells = await page.locator('table.grid [data-cell]').evaluateAll((els) =>
        els.map((e) => [(e as HTMLElement).dataset.cell!, e.textContent!.trim()] as const),
      );
      expect(cells.length).toBe(FIGURE_COUNT);
      for (const [field, text] of cells) {
        expect(text, field).toBe(field === 'proactive.fees.amount' ? formatAmount(sums[field]!) : String(sums[field]));
      }
    }).toPass();
  });

  test('shows the rates with their definitions, computed from the sums', async ({ page }) => {
    await expect(async () => {
      const sums = sumFigures(currentPublications('year = ?', year).map((p) => p.content));
      await page.goto(`/summary?year=${year}`);
      const disclosure = page.locator('tr[data-rate="disclosure"]');
      await expect(disclosure).toContainText('公开率 = （（一）予以公开 + （二）部分公开）÷ 办理总计');
      const numerator = sums['requests.granted.total']! + sums['requests.partial.total']!;
      const denominator = sums['requests.resultTotal.total']!;
      await expect(disclosure.locator('td').nth(2)).toHaveText(String(numerator));
      await expect(disclosure.locator('td').nth(3)).toHaveText(String(denominator));
      await expect(disclosure.locator('td').first()).toHaveText(`${(Math.round((numerator / denominator) * 1000) / 10).toFixed(1)}%`);
      await expect(page.locator('tr[data-rate="reviewCorrection"]')).toContainText('行政复议纠错率 = 行政复议结果纠正 ÷（行政复议总计 − 尚未审结）');
    }).toPass();
  });

  test('has each chart’s numbers in a table beside it, and the open data agrees', async ({ page, request }) => {
    await page.goto(`/summary?year=${year}`);
    await expect(page.getByRole('img', { name: /按年度/ }).first()).toBeVisible();
    await expect(page.getByRole('table', { name: '年度趋势数据' })).toBeVisible();
    await expect(page.getByRole('table', { name: '新收申请排名数据' })).toBeVisible();
    await expect(async () => {
      const open = await (await request.get(`/api/open/summary?year=${year}`)).json();
      const pubs = currentPublications('year = ?', year);
      expect(open.figures.requests.newReceived.total).toBe(sumFigures(pubs.map((p) => p.content))['requests.newReceived.total']);
      expect(open.departments.published).toBe(pubs.length);
      await page.goto(`/summary?year=${year}`);
      const firstRow = page.getByRole('table', { name: '新收申请排名数据' }).getByRole('row').nth(1);
      await expect(firstRow).toContainText(open.topRequests[0].department, { timeout: 1000 });
    }).toPass();
  });
});

test.describe('the district summary without ?year=', () => {
  test('opens on the last year whose deadline has passed, and the trend marks a year not everyone has published', async ({ page }) => {
    const year = closedYear();
    const open = year + 1;
    await expect(async () => {
      await page.goto('/summary');
      await expect(page.getByRole('heading', { level: 1, name: `${year}年度全区汇总` })).toBeVisible({ timeout: 1000 });
      // Other specs publish, correct and withdraw meanwhile: compare with the database as it is now.
      const openCount = currentPublications('year = ?', open).length;
      const bodies = queryDb<{ n: number }>('SELECT COUNT(*) AS n FROM departments WHERE active = 1')[0]!.n;
      const trend = page.getByRole('table', { name: '年度趋势数据' });
      if (openCount > 0) {
        await expect(trend.getByRole('rowheader', { name: `${open}（未完成，已发布 ${openCount}/${bodies}）` })).toBeVisible({ timeout: 1000 });
        // One hatched bar per year the data table calls 未完成 (a withdrawal by another spec can make
        // an earlier year incomplete too), the open year among them.
        const incompleteRows = await trend.getByRole('rowheader').filter({ hasText: '未完成' }).count();
        expect(incompleteRows).toBeGreaterThanOrEqual(1);
        await expect(page.locator('svg#trend-requests, svg[aria-labelledby="trend-requests-title"]').locator('[data-incomplete="true"]')).toHaveCount(incompleteRows);
      } else {
        await expect(trend.getByRole('rowheader', { name: String(open) })).toHaveCount(0);
      }
    }).toPass();
  });
});
