import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../support/auth';
import { queryDb } from '../support/db';

/** Login failure handling, on the account xfj (陈仓区信访局), which no other spec signs in with. */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function tryPassword(page: Page, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('xfj');
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page.locator('form').getByRole('alert');
}

test('five wrong passwords lock the account for 15 minutes, and the message says until when', async ({ page }) => {
  for (let i = 1; i <= 4; i++) await expect(await tryPassword(page, `wrong-${i}`)).toHaveText('用户名或密码错误，或账号已停用');
  await expect(await tryPassword(page, 'wrong-5')).toHaveText(/^连续5次登录失败，该账号已锁定15分钟，请于 \d{4}-\d\d-\d\d \d\d:\d\d 后再试/);
  // Now even the right password is refused with the lock message (the refusal right after the
  // lock is not audited again: at most one line a minute).
  await expect(await tryPassword(page, DEMO_PASSWORD)).toContainText('该账号已锁定15分钟');
  await expect(page).toHaveURL(/\/login/);

  const lines = queryDb<{ action: string; outcome: string; username: string | null }>(
    "SELECT action, outcome, username FROM audit_log WHERE username = 'xfj' AND action IN ('auth.signin', 'auth.lock') ORDER BY id",
  );
  expect(lines.filter((l) => l.action === 'auth.signin' && l.outcome === 'failure').length).toBeGreaterThanOrEqual(5);
  expect(lines.some((l) => l.action === 'auth.lock')).toBe(true);
});

test('an unknown username gets exactly the same message, and is not written to the audit log', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('Pa55word-typed-here');
  await page.getByLabel('密码').fill('whatever');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('用户名或密码错误，或账号已停用');
  expect(queryDb("SELECT id FROM audit_log WHERE username LIKE '%Pa55word%' OR detail LIKE '%Pa55word%'")).toHaveLength(0);
});

test('the admin unlocks the account under 在线会话, and the clerk signs in', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/sessions');
  const locked = page.getByRole('table', { name: '已锁定的账号' });
  await expect(locked.getByRole('cell', { name: 'xfj', exact: true })).toBeVisible();
  await locked.getByRole('button', { name: '解锁xfj' }).click();
  await expect(locked.getByRole('cell', { name: 'xfj', exact: true })).toHaveCount(0);

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, 'xfj');
  await expect(clerk).toHaveURL(/\/dept$/);
  await clerkContext.close();
});
