import { expect, test } from '@playwright/test';
import { queryDb } from '../support/db';
import { signIn, signOut, SLOW } from './helpers';

test.describe.configure({ timeout: 120_000 });

/**
 * 延期: the admin grants one body (陈仓区城市管理执法局, cgj: no other spec touches it) an extension
 * on the 进度 page; the row shows it, and the body's clerk sees the new date on the landing page.
 */
test('the admin grants one department an extension on the progress page, and the department sees it', async ({ page }) => {
  const y = queryDb<{ year: number; internal_deadline: string; legal_deadline: string }>(
    'SELECT year, internal_deadline, legal_deadline FROM reporting_years WHERE open = 1 ORDER BY year DESC',
  )[0]!;
  const until = new Date(Date.parse(`${y.internal_deadline}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  expect(until <= y.legal_deadline).toBe(true);

  await signIn(page, 'admin');
  await page.goto(`/admin/progress?year=${y.year}`);
  // Days left with the legal date beside them, and timeliness per body.
  await expect(page.getByText(`法定公开期限 ${y.year + 1}年1月31日`).first()).toBeVisible(SLOW);
  await expect(page.getByRole('list', { name: '报送及时情况' }).getByText(/^按时报送\d+$/)).toBeVisible();

  const form = page.getByRole('form', { name: '延期报送' });
  await form.getByLabel('单位').selectOption({ label: '陈仓区城市管理执法局' });
  await form.getByLabel('延期至').fill(until);
  await form.getByLabel('延期原因').fill('单位负责人外出，签批延后');
  await form.getByRole('button', { name: '准予延期' }).click();
  await expect(form.getByText(`已准予陈仓区城市管理执法局延期至 ${until}`)).toBeVisible(SLOW);

  const row = page.getByRole('table', { name: `${y.year}年度各单位进度` }).getByRole('row', { name: /^陈仓区城市管理执法局/ });
  await expect(row.getByText(`延期至 ${until}`)).toBeVisible(SLOW);
  await expect(row.getByText('未报送')).toBeVisible();

  // The grant is in the audit log with its reason.
  await page.goto('/admin/audit?action=deadline.extend');
  await expect(page.getByText(/单位负责人外出，签批延后/).first()).toBeVisible(SLOW);

  await signOut(page);
  await signIn(page, 'cgj');
  await page.goto('/dept');
  const notice = page.getByRole('status', { name: `${y.year}年度报告截止提醒` });
  await expect(notice.getByText(`截止日期已延期至 ${until}`)).toBeVisible(SLOW);
  await expect(notice.getByText(`法定公开期限 ${y.year + 1}年1月31日`)).toBeVisible();
});
