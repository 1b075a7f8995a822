import { expect, test } from '@playwright/test';
import { queryDb } from '../support/db';
import { createDepartmentWithAccount, signIn, signInAndChangePassword, signOut, SLOW, unique } from './helpers';

// Uses only departments and accounts this spec creates (unique names), never a demo one.

test.describe.configure({ timeout: 180_000 });

test('an admin creates a department and its account, which signs in, must change the temporary password and lands on its own page', async ({ page }) => {
  const id = unique();
  const name = `陈仓区测试${id}局`;
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `t${id}` });

  await signInAndChangePassword(page, username, password);
  await expect(page).toHaveURL(/\/dept$/, SLOW);
  await expect(page.getByRole('heading', { name: '本部门年报' })).toBeVisible(SLOW);
  await expect(page.getByText(name).first()).toBeVisible();
  // The open year is not submitted yet: the landing page counts down to the deadline.
  await expect(page.getByText(/距截止还有 \d+ 天|已逾期 \d+ 天|今天截止/).first()).toBeVisible();

  // The old temporary password no longer works.
  await signOut(page);
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误，或账号已停用')).toBeVisible();

  const log = queryDb<{ action: string; outcome: string }>('SELECT action, outcome FROM audit_log WHERE username = ? ORDER BY id', username);
  expect(log.map((l) => `${l.action}:${l.outcome}`)).toEqual(
    expect.arrayContaining(['auth.signin:success', 'user.change_password:success', 'auth.signin:failure']),
  );
});

test('disabling an account ends its open session at once', async ({ browser, page }) => {
  const id = unique();
  const name = `陈仓区停用测试${id}局`;
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `s${id}` });

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signInAndChangePassword(clerk, username, password);
  await expect(clerk).toHaveURL(/\/dept$/, SLOW);

  await signIn(page, 'admin');
  await page.goto('/admin');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `停用${username}` }).click();
  await expect(page.getByText(`已停用账号 ${username}，其会话已失效。`)).toBeVisible(SLOW);

  await clerk.reload();
  await expect(clerk).toHaveURL(/\/login/, SLOW);
  await clerkContext.close();
});

test('renaming a department shows the new name in the list and records who did it', async ({ page }) => {
  const id = unique();
  const name = `陈仓区改名测试${id}局`;
  await createDepartmentWithAccount(page, { name, code: `r${id}` });
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('button', { name: `修改${name}` }).click();
  const form = page.getByRole('form', { name: `修改${name}` });
  await form.getByLabel('名称').fill(`${name}（新）`);
  await form.getByLabel('类型').selectOption({ label: '镇街' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('region', { name: /部门和镇街/ }).getByRole('cell', { name: `${name}（新）`, exact: true })).toBeVisible(SLOW);

  await page.goto('/admin/audit?action=department.update');
  await expect(page.getByRole('cell', { name: `名称：${name} → ${name}（新）；类型：部门 → 镇街` })).toBeVisible();
});
