import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/auth';

/** Waits for pages that may render slowly while other work shares the machine. */
export const SLOW = { timeout: 30_000 };

/** Sign in through the real form, as a user would (the shared helper with more patience). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible(SLOW);
}

/** A short suffix that makes names unique across runs and parallel workers. */
export function unique(): string {
  return `${Date.now().toString(36).slice(-4)}${Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0')}`;
}

/** 退出, then wait until the public home page has loaded (a navigation started now would race it). */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page).toHaveURL(/\/$/, SLOW);
  await expect(page.getByRole('link', { name: '工作人员登录' })).toBeVisible(SLOW);
}

/**
 * As admin, through the 管理 page: create a department and its clerk account; returns the
 * temporary password the page shows once.
 */
export async function createDepartmentWithAccount(page: Page, opts: { name: string; code: string; kind?: '部门' | '镇街' }) {
  await signIn(page, 'admin');
  await page.goto('/admin');
  const deptForm = page.getByRole('form', { name: '新建部门或镇街' });
  await deptForm.getByLabel('名称').fill(opts.name);
  await deptForm.getByLabel('代码').fill(opts.code);
  await deptForm.getByLabel('类型').selectOption({ label: opts.kind ?? '部门' });
  await deptForm.getByRole('button', { name: '新建' }).click();
  await expect(page.getByText(`已新建“${opts.name}”`)).toBeVisible(SLOW);
  await expect(page.getByRole('region', { name: /部门和镇街/ }).getByRole('cell', { name: opts.name, exact: true })).toBeVisible(SLOW);

  const accForm = page.getByRole('form', { name: '新建账号' });
  await accForm.getByLabel('用户名').fill(opts.code);
  await accForm.getByLabel('姓名').fill(`${opts.name}填报人`);
  await accForm.getByLabel('角色').selectOption({ label: '部门填报人' });
  await accForm.getByLabel('所属部门').selectOption({ label: opts.name });
  await accForm.getByRole('button', { name: '创建账号' }).click();
  const secret = page.getByTestId('temporary-password');
  await expect(secret).toBeVisible(SLOW);
  const password = (await secret.inputValue()).trim();
  await signOut(page);
  return { username: opts.code, password };
}

/** First sign-in with a temporary password: the portal asks for a new one before anything else. */
export async function signInAndChangePassword(page: Page, username: string, temporary: string, next = 'Chencang2027') {
  await signIn(page, username, temporary);
  await expect(page).toHaveURL(/\/account\/password/, SLOW);
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible(SLOW);
  // Filled again until all three hold their text: a value typed while the page was still hydrating
  // can be reset by React (seen once: 新密码 empty, so 两次输入的新密码不一致).
  const fields: [string, string, boolean][] = [['当前密码', temporary, false], ['新密码', next, true], ['再次输入新密码', next, false]];
  await expect(async () => {
    for (const [label, value, exact] of fields) {
      const field = page.getByLabel(label, { exact });
      if ((await field.inputValue()) !== value) await field.fill(value);
    }
    for (const [label, value, exact] of fields) await expect(page.getByLabel(label, { exact })).toHaveValue(value, { timeout: 500 });
  }).toPass(SLOW);
  await page.getByRole('button', { name: '保存新密码' }).click();
  return next;
}
