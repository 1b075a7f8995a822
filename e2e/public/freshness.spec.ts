import { expect, test, type Page } from '@playwright/test';
import { reportTitle } from '@ccgov/report';
import { signIn } from '../support/auth';
import { queryDb, reportIdOf } from '../support/db';
import { closedYear } from './helpers';

/**
 * The only public spec that changes state. It withdraws and republishes the closed year's report
 * of department `tsz` (no other spec uses it) and checks that every public view follows at once.
 * It ends with the report published again (under a new publication id).
 */

async function trpc(page: Page, path: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

const version = (id: number) => queryDb<{ version: number }>('SELECT version FROM reports WHERE id = ?', id)[0]!.version;
const currentPublication = (reportId: number) =>
  queryDb<{ id: number }>('SELECT id FROM publications WHERE report_id = ? AND current = 1 AND withdrawn_at IS NULL', reportId)[0]?.id ?? null;

test('a withdrawal and a republication show at once on every public page, download and open-data answer', async ({ page, browser }) => {
  test.slow();
  const year = closedYear();
  const reportId = reportIdOf('tsz', year);
  const name = queryDb<{ name: string }>("SELECT name FROM departments WHERE code = 'tsz'")[0]!.name;
  const title = reportTitle(name, year);
  const before = currentPublication(reportId)!;

  // A visitor reads everything first, so the public cache holds the published state.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/reports/${before}`);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await visitor.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(visitor.getByRole('region', { name: '搜索结果' }).getByRole('link', { name: title })).toBeVisible();
  expect((await visitor.request.get(`/reports/${before}/pdf`)).status()).toBe(200);

  // The publisher withdraws it (setting the scene through the API the review screen uses).
  await signIn(page, 'publisher');
  await trpc(page, 'review.unpublish', { id: reportId, version: version(reportId), reason: '公开门户测试：撤销后重新发布' });

  for (const url of [`/reports/${before}`, `/reports/${before}/pdf`, `/reports/${before}/docx`, `/api/open/reports/${before}`]) {
    expect((await visitor.request.get(url)).status(), url).toBe(404);
  }
  const list = await (await visitor.request.get(`/api/open/reports?year=${year}`)).json();
  expect(list.reports.map((r: { department: string }) => r.department)).not.toContain(name);
  await visitor.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(visitor.getByRole('region', { name: '搜索结果' }).getByRole('link', { name: title })).toHaveCount(0);
  await visitor.goto(`/summary?year=${year}`);
  await expect(visitor.getByTestId('not-published')).toContainText(name);

  // Published again: a new publication the public reads at once.
  await trpc(page, 'review.republish', { id: reportId, version: version(reportId) });
  const after = currentPublication(reportId)!;
  await visitor.goto(`/reports/${after}`);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await visitor.goto(`/summary?year=${year}`);
  await expect(visitor.getByTestId('not-published').getByText(name)).toHaveCount(0);
  const again = await (await visitor.request.get(`/api/open/reports?year=${year}`)).json();
  expect(again.reports.map((r: { department: string }) => r.department)).toContain(name);
});
