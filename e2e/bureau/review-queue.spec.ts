import { expect, test } from '@playwright/test';
import { openYear, signInAs } from './helpers';

// Read-only: nothing here changes the database, and no count is assumed to stay fixed.
test.beforeEach(async ({ page }) => {
  await signInAs(page, 'reviewer');
});

test('the queue shows the year’s deadline, a count per status and the departments that have not submitted', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: '审核', level: 1 })).toBeVisible();
  await expect(page.getByText(`${openYear()}年度报告`)).toBeVisible();
  await expect(page.getByText(/还有 \d+ 天|今天截止|已逾期 \d+ 天/).first()).toBeVisible();
  const counts = page.getByRole('list', { name: '各状态数量' });
  for (const label of ['待审核', '审核中', '已退回', '已通过', '已发布', '未提交']) {
    await expect(counts.getByRole('link', { name: new RegExp(`^${label}\\d+$`) })).toBeVisible();
  }
  const notSubmitted = page.getByRole('region', { name: /尚未提交的部门/ });
  await expect(notSubmitted).toContainText('陈仓区拓石镇（未开始填报）');
});

test('filtering by status lists only reports in that status, each with its warnings', async ({ page }) => {
  await page.goto('/review');
  await page.getByRole('list', { name: '各状态数量' }).getByRole('link', { name: /^已退回\d+$/ }).click();
  await expect(page).toHaveURL(/status=returned/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: '陈仓区科学技术局' })).toBeVisible();
  for (const row of await rows.all()) {
    const text = await row.innerText();
    if (text.includes('部门') && text.includes('状态')) continue; // header
    expect(text).toContain('已退回');
  }
});

test('searching by name and choosing a department narrow the list', async ({ page }) => {
  await page.goto('/review');
  await page.getByLabel('搜索部门名称').fill('公安');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/q=%E5%85%AC%E5%AE%89/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('陈仓区公安分局');

  await page.goto('/review');
  await page.getByRole('combobox', { name: /^部门/ }).selectOption({ label: '陈仓区民政局' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('陈仓区民政局');
});

test('the queue puts 待审核 first and shows who has signed; 待终审 lists the reports waiting for the final sign-off', async ({ page }) => {
  await page.goto('/review');
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: '审核进度' })).toBeVisible();
  // Sorted by what needs action: the first row is 待审核 (or 审核中 when nothing waits for a first look).
  await expect(table.getByRole('row').nth(1)).toContainText(/待审核|审核中/);

  await page.getByRole('list', { name: '各状态数量' }).getByRole('link', { name: /^待终审\d+$/ }).click();
  await expect(page).toHaveURL(/status=awaiting_final/);
  // 陈仓区司法局 (no other spec touches it) is in review with its 初审 done by the demo reviewer.
  const row = table.getByRole('row').filter({ hasText: '陈仓区司法局' });
  await expect(row.getByTestId('signoffs')).toContainText('初审 ✓ 数据局审核人');
  await expect(row.getByTestId('signoffs')).toContainText('终审 待审');
  for (const r of await table.getByRole('row').all()) {
    const text = await r.innerText();
    if (text.includes('审核进度')) continue; // header
    expect(text).toContain('终审 待审');
  }
  await expect(page.getByRole('combobox', { name: /^状态/ })).toHaveValue('awaiting_final');
});
