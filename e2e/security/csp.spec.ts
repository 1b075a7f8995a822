import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/auth';
import { queryDb } from '../support/db';

// Read-only visits (the editor and the review screen are opened, nothing is saved): uses the
// accounts `swj`-free draft department chosen below, `reviewer` and the public pages.

/** Every CSP violation and console error of the page, from before its first script runs. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return async () => {
    const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return [...problems, ...csp.map((c) => `csp: ${c}`)];
  };
}

/** React has hydrated the page: its client scripts (all nonce'd) ran. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__react'))))
    .toBe(true);
}

test('a public report page runs with no blocked script or style', async ({ page }) => {
  const problems = await watch(page);
  const id = queryDb<{ id: number }>('SELECT id FROM publications WHERE current = 1 AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1')[0]!.id;
  await page.goto(`/reports/${id}`);
  await expect(page.locator('h1').first()).toBeVisible();
  // Plain HTML with no script (server/static-html.tsx): nothing to hydrate, nothing blocked.
  expect(await page.locator('script').count()).toBe(0);
  await page.goto('/summary');
  await expect(page.locator('h1').first()).toBeVisible();
  expect(await page.locator('script').count()).toBe(0);
  // A public page that still runs React (the comparison's form): hydrated, nothing blocked.
  await page.goto('/compare');
  await expectHydrated(page);
  expect(await problems()).toEqual([]);
});

test('the login page runs its scripts and signs in under the CSP', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('/login');
  await expectHydrated(page);
  expect(await problems()).toEqual([]);
  await signIn(page, 'reviewer');
  expect(await problems()).toEqual([]);
});

test('the editor and the review screen run with no blocked script or style', async ({ page, browser }) => {
  // 坪头镇's seeded draft (keyboard.spec types in it; this only opens it). Not "the last draft":
  // other specs create departments whose accounts have temporary passwords.
  const draft = queryDb<{ id: number; code: string }>(
    "SELECT r.id, d.code FROM reports r JOIN departments d ON d.id = r.department_id WHERE d.code = 'ptz' AND r.status IN ('draft', 'returned') ORDER BY r.year DESC LIMIT 1",
  )[0]!;
  const problems = await watch(page);
  await signIn(page, draft.code);
  await page.goto(`/dept/reports/${draft.id}`);
  await expect(page.locator('h1').first()).toBeVisible();
  await expectHydrated(page);
  expect(await problems()).toEqual([]);

  const reviewer = await browser.newPage();
  const reviewProblems = await watch(reviewer);
  const submitted = queryDb<{ id: number }>("SELECT id FROM reports WHERE status IN ('submitted', 'in_review') ORDER BY id LIMIT 1")[0]!.id;
  await signIn(reviewer, 'reviewer');
  await reviewer.goto(`/review/${submitted}`);
  await expect(reviewer.locator('h1').first()).toBeVisible();
  await expectHydrated(reviewer);
  expect(await reviewProblems()).toEqual([]);
  await reviewer.close();
});
