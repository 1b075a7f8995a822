import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';

test('a department user cannot open another department’s report by URL', async ({ page }) => {
  const own = reportIdOf('fgj', 2025);
  const other = reportIdOf('gaj', 2025);
  await signIn(page, 'fgj');
  await page.goto(`/dept/reports/${own}`);
  await expect(page.getByRole('heading', { name: /陈仓区发展和改革局2025年/ })).toBeVisible();

  const res = await page.goto(`/dept/reports/${other}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText('页面不存在')).toBeVisible();
  await expect(page.getByText('公安')).toHaveCount(0);
});

test('the API answers NOT_FOUND for another department’s report', async ({ page }) => {
  const other = reportIdOf('gaj', 2025);
  await signIn(page, 'fgj');
  const res = await page.request.get(`/api/trpc/department.get?input=${encodeURIComponent(JSON.stringify({ json: { id: other } }))}`);
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain('公安');
});
