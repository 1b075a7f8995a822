import { expect, test } from '@playwright/test';

test('an anonymous visitor sees published reports by year and opens one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '政府信息公开工作年度报告', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2024年度' })).toBeVisible();
  await page.getByRole('link', { name: '陈仓区数据局2024年政府信息公开工作年度报告' }).click();
  await expect(page.getByRole('heading', { name: '陈仓区数据局2024年政府信息公开工作年度报告' })).toBeVisible();
  await expect(page.getByText('区数据局未收到政府信息公开申请')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '法人或其他组织' })).toBeVisible();
});
