import { expect, test } from '@playwright/test';
import { queryDb } from '../support/db';

// Read-only: probes ids an outsider might guess; changes nothing.

/** An open-year draft's report id that is not also some publication's id (public ids are publication ids). */
function draftReportId(): number {
  const [row] = queryDb<{ id: number }>(
    `SELECT r.id FROM reports r WHERE r.status = 'draft' AND r.id NOT IN (SELECT id FROM publications) ORDER BY r.id DESC LIMIT 1`,
  );
  if (!row) throw new Error('no draft report whose id is free of publications');
  return row.id;
}

const missingPublicationId = () => queryDb<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1000 AS id FROM publications')[0]!.id;

const routes = (id: number) => [`/reports/${id}`, `/reports/${id}/pdf`, `/reports/${id}/docx`, `/reports/${id}/csv`, `/reports/${id}/json`, `/api/open/reports/${id}`];

test.describe('an unpublished report', () => {
  for (const [what, id] of [
    ['an open-year draft’s report id', draftReportId],
    ['a publication id that does not exist', missingPublicationId],
  ] as const) {
    test(`answers 404 on every public route for ${what}`, async ({ request }) => {
      for (const url of routes(id())) {
        const res = await request.get(url);
        expect(res.status(), url).toBe(404);
      }
    });
  }

  test('is not listed, summed or exported anywhere public', async ({ request }) => {
    const openYear = queryDb<{ year: number }>('SELECT MAX(year) AS year FROM reports')[0]!.year;
    const unpublishedInOpenYear = queryDb<{ n: number }>(
      "SELECT COUNT(*) AS n FROM publications WHERE year = ? AND current = 1 AND withdrawn_at IS NULL",
      openYear,
    )[0]!.n;
    test.skip(unpublishedInOpenYear > 0, 'another spec published a report of the open year');
    const list = await (await request.get(`/api/open/reports?year=${openYear}`)).json();
    expect(list.count).toBe(0);
    expect((await request.get(`/api/open/summary?year=${openYear}`)).status()).toBe(404);
    const csv = await (await request.get(`/api/open/reports.csv?year=${openYear}`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });

  test('the report page 404 tells the visitor in Chinese', async ({ page }) => {
    const res = await page.goto(`/reports/${missingPublicationId()}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  });
});
