import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/auth';
import { queryDb } from '../support/db';

/** The reporting year open for filing in this run's database. */
export function openYear(): number {
  const [row] = queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC LIMIT 1');
  if (!row) throw new Error('no open reporting year');
  return row.year;
}

export function reportVersion(id: number): number {
  return queryDb<{ version: number }>('SELECT version FROM reports WHERE id = ?', id)[0]!.version;
}

export function currentPublicationId(reportId: number): number | null {
  return queryDb<{ id: number }>('SELECT id FROM publications WHERE report_id = ? AND current = 1 AND withdrawn_at IS NULL', reportId)[0]?.id ?? null;
}

/** A tRPC mutation from a signed-in page, for setting the scene (not for what the test checks). */
export async function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** A tRPC query from a signed-in page. */
export async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  if (!res.ok()) throw new Error(`${path} failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * Sign in through the real form, like support/auth's signIn, but patient with the landing page:
 * its first render on a cold, busy server can take longer than the default 10 seconds.
 */
export async function signInAs(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出', exact: true })).toBeVisible({ timeout: 45_000 });
}
