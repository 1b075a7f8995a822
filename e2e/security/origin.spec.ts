import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { queryDb } from '../support/db';

// Nothing here changes state: every state-changing request is a refused cross-site one (or a
// same-origin one that is refused further in for other reasons). Uses `tjj` and `admin` read-only,
// and `sthjj` (no other spec uses it) for the audit line of a refusal.

const CROSS_SITE = '跨站请求已被拒绝';
const trpcBody = (json: unknown) => ({ json });

test('a sign-in posted from another site is refused before any password is checked', async ({ request }) => {
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post('/api/auth/callback/credentials', {
    headers: { origin: 'https://evil.example' },
    form: { username: 'admin', password: 'Demo@12345', csrfToken: csrf.csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain(CROSS_SITE);
  expect(res.headers()['set-cookie'] ?? '').not.toContain('session-token');
});

test('a signed-in clerk’s cookies do not make a cross-site mutation go through', async ({ page }) => {
  await signIn(page, 'tjj');
  const report = queryDb<{ id: number; version: number; content: string }>(
    "SELECT r.id, r.version, r.content FROM reports r JOIN departments d ON d.id = r.department_id WHERE d.code = 'tjj' ORDER BY r.year DESC LIMIT 1",
  )[0]!;
  const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
  for (const headers of foreign) {
    const res = await page.request.post('/api/trpc/department.save', {
      headers: { 'content-type': 'application/json', ...headers },
      data: trpcBody({ id: report.id, version: report.version, content: JSON.parse(report.content) }),
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain(CROSS_SITE);
  }
  for (const method of ['put', 'patch', 'delete'] as const) {
    const res = await page.request[method]('/api/trpc/department.save', { headers: { origin: 'https://evil.example' } });
    expect(res.status(), method).toBe(403);
  }
  // Sign-out too: a foreign page cannot sign the clerk out.
  const out = await page.request.post('/api/auth/signout', { headers: { origin: 'https://evil.example' }, form: { csrfToken: 'x' }, maxRedirects: 0 });
  expect(out.status()).toBe(403);
  expect(queryDb<{ version: number }>('SELECT version FROM reports WHERE id = ?', report.id)[0]!.version).toBe(report.version);
  // Still signed in: the page works as before.
  await page.goto('/dept');
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible();
});

test('the same requests from this site’s own pages are let through to the application', async ({ page, baseURL }) => {
  await signIn(page, 'admin');
  // A query with Origin and Sec-Fetch-Site of this site, and a mutation refused by the tier (not by the origin check).
  const ok = await page.request.post('/api/trpc/department.save', {
    headers: { 'content-type': 'application/json', origin: baseURL!, 'sec-fetch-site': 'same-origin' },
    data: trpcBody({ id: 1, version: 1, content: {} }),
  });
  expect(ok.status()).toBe(403);
  expect(await ok.text()).not.toContain(CROSS_SITE);
  expect(await ok.text()).toContain('仅部门填报人可以操作');
});

test('a form on another site that posts to the portal is refused in the browser', async ({ page, baseURL }) => {
  await signIn(page, 'admin');
  await page.route('http://evil.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><form id="f" method="post" action="${baseURL}/api/auth/signout"><input name="csrfToken" value="x"></form><script>document.getElementById('f').submit()</script>`,
    }),
  );
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/signout'));
  await page.goto('http://evil.example/attack');
  const res = await refused;
  expect(res.status()).toBe(403);
  await expect(page.getByText(CROSS_SITE)).toBeVisible();
  // The admin is still signed in.
  await page.goto(`${baseURL}/admin`);
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible();
});

test('a refused cross-site request leaves one audit line (at most one a minute per person)', async ({ page }) => {
  await signIn(page, 'sthjj');
  const lines = () =>
    queryDb<{ action: string; outcome: string; target: string; detail: string }>(
      "SELECT action, outcome, target, detail FROM audit_log WHERE username = 'sthjj' AND action = 'access.cross_site' ORDER BY id",
    );
  const before = lines().length;
  const res = await page.request.post('/api/trpc/department.save', {
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    data: trpcBody({ id: 1, version: 1, content: {} }),
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: string }).error).toContain(CROSS_SITE);
  expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect.poll(() => lines().length).toBe(before + 1);
  expect(lines().at(-1)).toMatchObject({ outcome: 'failure', target: 'POST /api/trpc/department.save', detail: '跨站请求已拒绝（Origin: https://evil.example）' });
  // A second one within the minute is refused the same way but not written again.
  const again = await page.request.post('/api/auth/signout', { headers: { 'sec-fetch-site': 'cross-site' }, form: { csrfToken: 'x' }, maxRedirects: 0 });
  expect(again.status()).toBe(403);
  expect(await again.text()).toContain(CROSS_SITE);
  expect(lines()).toHaveLength(before + 1); // (the throttle itself: packages/api/src/security-audit.test.ts)
});
