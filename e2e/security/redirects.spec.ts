import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { queryDb } from '../support/db';

/** Redirects and the client address. Account zfb (陈仓区人民政府办公室) and lyj are used only here. */
test.describe.configure({ timeout: 90_000 });

for (const from of ['//evil.example', '/\\evil.example', '/%09/evil.example', 'https://evil.example/dept']) {
  test(`after sign-in, from=${from} lands on the role’s home page, not another site`, async ({ page }) => {
    await page.goto(`/login?from=${encodeURIComponent(from)}`);
    await page.getByLabel('用户名').fill('zfb');
    await page.getByLabel('密码').fill('Demo@12345');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dept$/);
  });
}

test('a same-site from= is honoured after sign-in', async ({ page }) => {
  await page.goto(`/login?from=${encodeURIComponent('/account/password')}`);
  await page.getByLabel('用户名').fill('zfb');
  await page.getByLabel('密码').fill('Demo@12345');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
});

async function csrf(request: import('@playwright/test').APIRequestContext) {
  const res = await request.get('/api/auth/csrf');
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

test('next-auth callbackUrl tricks land on this site’s home page; a malformed one is a clear 400, never a 500', async ({ request, baseURL }) => {
  const csrfToken = await csrf(request);
  for (const callbackUrl of ['https://evil.example/', '//evil.example', '/\\evil.example', 'not a url']) {
    const res = await request.post('/api/auth/signout', { form: { csrfToken, callbackUrl, json: 'true' } });
    expect(res.status(), callbackUrl).toBe(200);
    expect((await res.json()).url, callbackUrl).toBe(`${baseURL}/home`);
  }
  for (const query of ['callbackUrl=%E0%A4%A', 'callbackUrl=http%3A%2F%2F%5B']) {
    const res = await request.get(`/api/auth/signin?${query}`, { maxRedirects: 0 });
    expect(res.status(), query).toBe(400);
    expect((await res.json()).error).toContain('跳转地址无效');
  }
});

test('a client’s own X-Forwarded-For and X-Forwarded-Host are not believed (TRUST_PROXY is off)', async ({ request, baseURL }) => {
  const csrfToken = await csrf(request);
  const res = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, username: 'lyj', password: 'wrong-password', json: 'true' },
    headers: { 'X-Forwarded-For': '203.0.113.66', 'X-Forwarded-Host': 'evil.example', 'X-Real-IP': '203.0.113.67' },
  });
  expect(new URL((await res.json()).url).origin).toBe(baseURL);
  const [line] = queryDb<{ ip: string | null }>("SELECT ip FROM audit_log WHERE username = 'lyj' AND action = 'auth.signin' ORDER BY id DESC LIMIT 1");
  expect(line?.ip).toBe('127.0.0.1');
});
