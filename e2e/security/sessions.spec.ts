import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';
import { cell, expectSaved, openYear } from '../department/form';
import { ageSession, cookieHeader, latestSession, sessionById } from './helpers';

/**
 * Server-side sessions. Accounts used only here: wlj (sign-out replay), swj (idle timeout),
 * tyjrj (editor keeps the session alive, on its open-year draft), slj (强制下线), yjj (退出所有设备).
 */
test.describe.configure({ timeout: 90_000 });

test('after 退出 the old session cookie, replayed, gets nothing: no session, no data, no page', async ({ page, context, request }) => {
  await signIn(page, 'wlj');
  const cookie = await cookieHeader(context);
  const before = await request.get('/api/auth/session', { headers: { cookie } });
  expect((await before.json()).claims).toBeTruthy();

  await page.getByRole('button', { name: '退出', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: '工作人员登录' })).toBeVisible();
  expect(latestSession('wlj')).toMatchObject({ end_reason: 'signout' });

  const session = await request.get('/api/auth/session', { headers: { cookie } });
  expect(await session.json()).toEqual({});
  const me = await request.get('/api/trpc/session.me', { headers: { cookie } });
  expect((await me.json()).result.data.json).toBeNull();
  const list = await request.get('/api/trpc/department.list', { headers: { cookie } });
  expect(list.status()).toBe(401);
  const pageRes = await request.get('/dept', { headers: { cookie }, maxRedirects: 0 });
  expect(pageRes.status()).toBeGreaterThanOrEqual(300);
  expect(pageRes.headers()['location']).toContain('/login');
});

test('a session with no request for 31 minutes is over: the next page asks to sign in again', async ({ page }) => {
  await signIn(page, 'swj');
  const s = latestSession('swj');
  ageSession(s.id, 31);
  await page.goto('/dept');
  await expect(page).toHaveURL(/\/login/);
  expect(sessionById(s.id)).toMatchObject({ end_reason: 'idle' });
});

test('typing in the editor keeps the session alive (the autosave counts as activity)', async ({ page }) => {
  const id = reportIdOf('tyjrj', openYear());
  await signIn(page, 'tyjrj');
  await page.goto(`/dept/reports/${id}`);
  const s = latestSession('tyjrj');
  // 25 minutes without a request so far: close to the 30-minute limit.
  ageSession(s.id, 25);
  await cell(page, '行政许可 本年处理决定数量').fill('7');
  await expect.poll(() => Date.now() - sessionById(s.id).last_seen_at, { timeout: 20_000 }).toBeLessThan(5 * 60_000);
  await expectSaved(page);
  // Another 25 minutes later the session is still open: the typing reset the clock.
  await page.reload();
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible();
  expect(sessionById(s.id).ended_at).toBeNull();
});

test('the admin sees the clerk’s session under 在线会话 and 强制下线 ends it', async ({ page, browser }) => {
  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await signIn(clerk, 'slj');
  const clerkSession = latestSession('slj');

  await signIn(page, 'admin');
  await page.goto('/admin/sessions');
  const table = page.getByRole('table', { name: '在线会话' });
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: 'slj', exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('127.0.0.1');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: /强制下线slj/ }).click();
  await expect(row).toHaveCount(0);
  expect(sessionById(clerkSession.id)).toMatchObject({ end_reason: 'forced' });

  await clerk.goto('/dept');
  await expect(clerk).toHaveURL(/\/login/);
  await clerkContext.close();
});

test('退出所有设备 on the account page ends the sessions in every browser', async ({ page, browser }) => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'yjj');
  await signIn(page, 'yjj');

  await page.goto('/account/sessions');
  await expect(page.getByRole('table', { name: '登录设备' }).getByRole('row')).toHaveCount(3);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '退出所有设备' }).click();
  await expect(page).toHaveURL(/\/login/);

  await other.goto('/dept');
  await expect(other).toHaveURL(/\/login/);
  await page.goto('/dept');
  await expect(page).toHaveURL(/\/login/);
  await otherContext.close();
});
