import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';

test('a department clerk lands on 本部门年报 with the department reports by year', async ({ page }) => {
  await signIn(page, 'fgj');
  await expect(page).toHaveURL(/\/dept$/);
  await expect(page.getByRole('heading', { name: '本部门年报' })).toBeVisible();
  await expect(page.getByText('陈仓区发展和改革局').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '2025年度' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '已发布' }).first()).toBeVisible();
});

test('the 数据局 clerk sees the open year not yet started and a 新建年报 button', async ({ page }) => {
  await signIn(page, 'sjj');
  await expect(page.getByRole('button', { name: '新建年报' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '2024年度' })).toBeVisible();
});

test('a reviewer lands on 审核 with this year’s submitted reports', async ({ page }) => {
  await signIn(page, 'reviewer');
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { name: '审核' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '待审核' }).first()).toBeVisible();
});

test('a publisher lands on 审核 too', async ({ page }) => {
  await signIn(page, 'publisher');
  await expect(page).toHaveURL(/\/review$/);
});

test('an admin lands on 管理 with the departments and accounts', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: '管理', exact: true })).toBeVisible();
  await expect(page.getByText('陈仓区数据局').first()).toBeVisible();
});

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('sjj');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误，或账号已停用')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('退出 signs the user out', async ({ page }) => {
  await signIn(page, 'reviewer');
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login/);
});
