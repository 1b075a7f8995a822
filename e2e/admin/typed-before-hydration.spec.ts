import { expect, test, type Page } from '@playwright/test';
import { createDepartmentWithAccount, SLOW, unique } from './helpers';

// Uses only a department and account this spec creates (unique names), never a demo one.

test.describe.configure({ timeout: 180_000 });

/**
 * Hold the page's scripts until `release` is called: the page is the server's HTML alone, as a
 * slow office PC shows it for a moment while its JavaScript loads.
 */
async function holdScripts(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await gate;
    await route.continue();
  });
  // Released, the held scripts go on; later ones pass straight through.
  return async () => release();
}

test('修改密码 holds its fields and its button until the page has loaded its scripts, so nothing typed is thrown away or sent by the browser', async ({ page }) => {
  const id = unique();
  const name = `陈仓区加载测试${id}局`;
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `h${id}` });

  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password/, SLOW);

  // The same page again, its scripts held back: only the server's HTML is there.
  const release = await holdScripts(page);
  await page.goto('/account/password', { waitUntil: 'commit' });
  const current = page.getByLabel('当前密码');
  const next = page.getByLabel('新密码', { exact: true });
  const confirm = page.getByLabel('再次输入新密码');
  const save = page.getByRole('button', { name: '保存新密码' });
  await expect(save).toBeVisible(SLOW);
  // Nothing can be sent yet (a browser's own submit would put the passwords in the address) …
  await expect(save).toBeDisabled();
  // … and the fields cannot take text React would then throw away.
  await expect(next).toBeDisabled();

  await release();
  await expect(save).toBeEnabled(SLOW);
  await current.fill(password);
  await next.fill('Chencang2027');
  await confirm.fill('Chencang2027');
  await expect(page.getByRole('list', { name: '密码要求' }).getByText(/至少\d+位/)).toHaveAttribute('data-ok', 'true');
  await save.click();
  await expect(page).toHaveURL(/\/dept$/, SLOW);
});

test('the sign-in form keeps what was typed while its scripts load and never sends the password in the address', async ({ page }) => {
  const release = await holdScripts(page);
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await page.goto('/login', { waitUntil: 'commit' });
  const login = page.getByRole('button', { name: '登录' });
  const user = page.getByLabel('用户名');
  // The form is in the server's HTML: what is typed stays, and neither Enter nor the button sends
  // it before the scripts run.
  await user.fill('tjj');
  await page.getByLabel('密码').fill('Demo@12345');
  await expect(login).toBeDisabled();
  await page.getByLabel('密码').press('Enter');
  await expect(page).toHaveURL(/\/login$/);
  await release();
  await expect(login).toBeEnabled(SLOW);
  await expect(user).toHaveValue('tjj');
  await expect(page.getByLabel('密码')).toHaveValue('Demo@12345');
  await login.click();
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible(SLOW);
  expect(seen.filter((u) => /password=|Demo%4012345/.test(u))).toEqual([]);
});
