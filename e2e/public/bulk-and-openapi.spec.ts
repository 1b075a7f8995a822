import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { OPEN_API_PATHS, openReportListSchema, openReportSchema, openSummarySchema } from '@ccgov/documents';
import { reportIdOf } from '../support/db';
import { currentPublicationId, openYear, signInAs } from '../bureau/helpers';
import { currentPublications } from './helpers';

/**
 * Open data in bulk and its description. The withdrawal test changes only the report of
 * 陈仓区千河镇 (qhz) two years before the open year; no other spec uses that body.
 */

test('the OpenAPI description is JSON with a path for every open-data route, and real answers match its schemas', async ({ request }) => {
  const res = await request.get('/api/open/openapi.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  const doc = JSON.parse(await res.text());
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths).sort()).toEqual([...OPEN_API_PATHS].sort());
  expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Report', 'ReportList', 'Summary']));

  const list = openReportListSchema.parse(await (await request.get('/api/open/reports')).json());
  expect(list.count).toBeGreaterThan(0);
  const one = await (await request.get(`/api/open/reports/${list.reports[0]!.id}`)).json();
  expect(openReportSchema.safeParse(one).error).toBeUndefined();
  const summary = await (await request.get('/api/open/summary')).json();
  expect(openSummarySchema.safeParse(summary).error).toBeUndefined();
});

test('a year’s bulk ZIP holds one JSON, CSV and PDF per published report, and a withdrawn report leaves it on the next request', async ({ browser, request }) => {
  test.setTimeout(240_000);
  const year = openYear() - 2;
  const zipOf = async () => {
    const res = await request.get(`/api/open/bulk/${year}.zip`, { timeout: 180_000 });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/zip');
    return JSZip.loadAsync(await res.body());
  };
  const idsIn = (zip: JSZip, ext: string) =>
    Object.keys(zip.files)
      .filter((n) => /^\d+-/.test(n) && n.endsWith(ext))
      .map((n) => Number(n.split('-')[0]))
      .sort((a, b) => a - b);

  const reportId = reportIdOf('qhz', year);
  const pub = currentPublicationId(reportId)!;
  const before = await zipOf();
  const published = currentPublications('year = ?', year).map((p) => p.id);
  for (const ext of ['.json', '.csv', '.pdf']) expect(idsIn(before, ext), ext).toEqual(published);
  expect(published).toContain(pub);
  const json = JSON.parse(await before.file(new RegExp(`^${pub}-.*\\.json$`))[0]!.async('string'));
  expect(json).toEqual(await (await request.get(`/api/open/reports/${pub}`)).json());
  const pdf = await before.file(new RegExp(`^${pub}-.*\\.pdf$`))[0]!.async('nodebuffer');
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  const publisher = await (await browser.newContext()).newPage();
  await signInAs(publisher, 'publisher');
  await publisher.goto(`/review/${reportId}`);
  await publisher.getByRole('button', { name: '撤销发布' }).click();
  await publisher.getByLabel('撤销原因').fill('批量下载测试：暂时撤下。');
  await publisher.getByRole('button', { name: '确认撤销发布' }).click();
  await expect(publisher.getByText('已撤销发布，公众不再能看到本报告')).toBeVisible();

  const after = await zipOf();
  expect(idsIn(after, '.json')).not.toContain(pub);
  expect(idsIn(after, '.pdf')).not.toContain(pub);
  expect(idsIn(after, '.json')).toEqual(currentPublications('year = ?', year).map((p) => p.id));
});

test('the summary page links the year’s bulk download', async ({ page }) => {
  await page.goto('/summary');
  const link = page.getByRole('navigation', { name: '下载汇总数据' }).getByRole('link', { name: '全部报告批量下载 ZIP' });
  await expect(link).toHaveAttribute('href', /^\/api\/open\/bulk\/\d{4}\.zip$/);
});
