import { expect, test } from '@playwright/test';
import { signIn, SLOW, unique } from './helpers';

// Creates only departments and accounts with unique names; reads the audit log.
test.describe.configure({ timeout: 180_000 });

test('a refused form says what is wrong in the form’s words, and the next success clears it', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  const id = unique();
  const name = `陈仓区表单测试${id}局`;
  const form = page.getByRole('form', { name: '新建部门或镇街' });
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('代码').fill('1x');
  await form.getByRole('button', { name: '新建' }).click();
  const panel = page.getByRole('region', { name: /部门和镇街/ });
  const alert = panel.getByRole('alert');
  await expect(alert).toHaveText('输入有误：代码应为2至20位小写字母、数字或下划线，以字母开头（例如 fgj）', SLOW);
  await expect(alert).not.toContainText('code');

  await form.getByLabel('代码').fill(`f${id}`);
  await form.getByRole('button', { name: '新建' }).click();
  await expect(panel.getByText(`已新建“${name}”`)).toBeVisible(SLOW);
  await expect(panel.getByRole('alert')).toHaveCount(0);
});

test('a new account’s temporary password is shown large with 复制, which puts it on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'admin');
  await page.goto('/admin');
  const id = unique();
  const form = page.getByRole('form', { name: '新建账号' });
  await form.getByLabel('用户名').fill(`pw${id}`);
  await form.getByLabel('姓名').fill('临时密码测试');
  await form.getByLabel('角色').selectOption({ label: '数据局审核人' });
  await form.getByRole('button', { name: '创建账号' }).click();

  const secret = page.getByTestId('temporary-password');
  await expect(secret).toBeVisible(SLOW);
  const password = await secret.inputValue();
  expect(password.length).toBeGreaterThanOrEqual(10);
  const size = await secret.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await expect(page.getByText(`已创建账号：账号 pw${id} 的临时密码`)).toBeVisible();

  await page.getByRole('button', { name: '复制', exact: true }).click();
  await expect(page.getByText('已复制到剪贴板')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

  // A reset shows the new one the same way.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: `重置pw${id}的密码` }).click();
  await expect(page.getByText(`已重置密码：账号 pw${id} 的临时密码`)).toBeVisible(SLOW);
  await expect(secret).not.toHaveValue(password);
  await page.getByRole('button', { name: '已转告，关闭' }).click();
  await expect(secret).toHaveCount(0);
});

test('管理 links the year’s Excel template', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin');
  const link = page.getByRole('region', { name: 'Excel 填报模板' }).getByRole('link', { name: /^下载\d{4}年.*数据模板（Excel）$/ }).first();
  await expect(link).toBeVisible(SLOW);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/api\/excel\/template\/\d{4}$/);
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('spreadsheetml');
});

test('the audit log reads in Chinese and downloads as CSV with a BOM, for the admin only', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/audit?action=auth.signin&username=admin');
  const log = page.getByRole('table', { name: '审计日志' });
  await expect(log.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible(SLOW);
  await expect(log).not.toContainText('auth.signin');
  const csvLink = page.getByRole('link', { name: '导出（CSV）' });
  expect(await csvLink.getAttribute('href')).toBe('/api/excel/audit/csv?username=admin&action=auth.signin');

  const res = await page.request.get('/api/excel/audit/csv?username=admin&action=auth.signin');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const bytes = await res.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('时间,用户,角色,操作,对象,结果,来源IP,说明');
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2},admin,数据局管理员,登录,/);

  const other = await browser.newContext();
  const reviewer = await other.newPage();
  await signIn(reviewer, 'reviewer');
  expect((await reviewer.request.get('/api/excel/audit/csv')).status()).toBe(403);
  await other.close();
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get('/api/excel/audit/csv')).status()).toBe(401);
  await anonymous.close();
});
