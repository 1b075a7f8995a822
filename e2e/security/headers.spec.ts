import { expect, test, type APIResponse } from '@playwright/test';
import { signIn } from '../support/auth';
import { queryDb } from '../support/db';
import { HSTS, isHttps, securityHeaders } from '../../apps/web/src/server/security-headers';

// Read-only: this file changes no report; it signs in as `wlzx`-free accounts only to read.

const publicationId = () =>
  queryDb<{ id: number }>('SELECT id FROM publications WHERE current = 1 AND withdrawn_at IS NULL ORDER BY id LIMIT 1')[0]!.id;

function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc, `${what}: script-src`).toMatch(/^script-src /);
  expect(scriptSrc, `${what}: no unsafe-inline for scripts`).not.toContain("'unsafe-inline'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('camera=()');
  // Served over plain HTTP here (no TLS, TRUST_PROXY unset): no HSTS.
  expect(h['strict-transport-security'], what).toBeUndefined();
}

test('every kind of answer carries the security headers', async ({ request }) => {
  const id = publicationId();
  const paths = ['/', '/login', `/reports/${id}`, `/reports/${id}/csv`, '/summary', '/api/open/reports', `/api/open/reports/${id}`, '/api/trpc/public.years', '/dept', '/no-such-page'];
  for (const path of paths) expectSecurityHeaders(await request.get(path, { maxRedirects: 0 }), path);
});

test('static files carry nosniff and the referrer and permissions policies', async ({ request }) => {
  const html = await (await request.get('/login')).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
  const h = (await request.get(script)).headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('camera=()');
});

test('each page gets its own script nonce, and Next puts it on every script of the page', async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get('/login');
    const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy']!)![1]!;
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('an X-Forwarded-Proto header from anyone does not switch on HSTS', async ({ request }) => {
  const res = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(res.headers()['strict-transport-security']).toBeUndefined();
  // Behind a trusted TLS proxy (TRUST_PROXY=1) the same header does (the policy the proxy uses).
  const header = (name: string) => (name === 'x-forwarded-proto' ? 'https' : null);
  expect(isHttps(header, false)).toBe(false);
  expect(isHttps(header, true)).toBe(true);
  expect(securityHeaders({ https: true })['strict-transport-security']).toBe(HSTS);
  expect(securityHeaders({ https: true })['content-security-policy']).toContain('upgrade-insecure-requests');
});

test('private answers are not kept by browsers or proxies; public ones keep their revalidate policy', async ({ page }) => {
  const id = publicationId();
  const year = queryDb<{ year: number }>('SELECT max(year) AS year FROM reporting_years WHERE open = 1')[0]!.year;
  await signIn(page, 'admin');
  const cache = async (path: string) => (await page.request.get(path, { maxRedirects: 0 })).headers()['cache-control'] ?? '';
  for (const path of ['/admin', '/admin/audit', '/account/password', '/api/trpc/session.me', '/api/trpc/admin.users', `/api/excel/template/${year}`, '/api/excel/audit', '/api/auth/session']) {
    const value = await cache(path);
    expect(value, path).toContain('private');
    expect(value, path).toContain('no-store');
  }
  for (const path of ['/api/open/reports', `/api/open/reports/${id}`, `/reports/${id}/csv`]) {
    expect(await cache(path), path).toBe('public, max-age=0, must-revalidate');
  }
});
