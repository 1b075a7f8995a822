import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { queryDb } from '../support/db';
import { signIn, SLOW } from './helpers';

const openYear = () => queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC')[0]!.year;

test.describe.configure({ timeout: 180_000 });

test('an admin opens a reporting year with the legal deadline of 31 January next year filled in, and can close it again', async ({ page }) => {
  // An otherwise unused year well before the demo years, closed again at once: while it is open
  // every department sees it as not started, so the window is kept short and the year stays below
  // the demo's open year (which other pages pick as "the current year").
  const year = queryDb<{ y: number }>('SELECT min(year) - 10 AS y FROM reporting_years')[0]!.y;
  await signIn(page, 'admin');
  await page.goto('/admin/years');
  const form = page.getByRole('form', { name: '开放报告年度' });
  await form.getByLabel('报告年度').fill(String(year));
  await expect(form.getByLabel('法定截止日期')).toHaveValue(`${year + 1}-01-31`);
  await form.getByLabel('区内截止日期（可选）').fill(`${year + 1}-01-20`);
  await form.getByRole('button', { name: '开放年度' }).click();
  await expect(page.getByText(`已开放${year}年度，法定截止日期 ${year + 1}-01-31，区内截止日期 ${year + 1}-01-20。`)).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(`^${year}年度`) });
  await expect(row.getByRole('cell', { name: '开放填报' })).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: '关闭' }).click();
  await expect(row.getByRole('cell', { name: '已关闭' })).toBeVisible();
  expect(queryDb('SELECT open FROM reporting_years WHERE year = ?', year)).toEqual([{ open: 0 }]);

  // Nobody filed for that old year, and its deadline has long passed: every department shows as late.
  await page.goto(`/admin/progress?year=${year}`);
  await expect(page.getByRole('heading', { name: `${year}年度填报进度` })).toBeVisible();
  const late = page.locator('tbody tr[data-late="true"]');
  await expect(late.first()).toBeVisible();
  await expect(late.first().getByText('（逾期）')).toBeVisible();
  await expect(page.getByRole('button', { name: /提醒未提交/ })).toHaveCount(0);
});

test('the progress table lists every active department with its status, sign-offs and days to the deadlines, and exports to Excel', async ({ page }) => {
  const year = openYear();
  await signIn(page, 'admin');
  await page.goto('/admin/progress');
  await expect(page.getByRole('heading', { name: `${year}年度填报进度` })).toBeVisible();

  const table = page.getByRole('table', { name: `${year}年度各单位进度` });
  const active = queryDb<{ n: number }>('SELECT count(*) AS n FROM departments WHERE active = 1')[0]!.n;
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(active - 5);

  // 陈仓区数据局 has not started: 未提交, with the days left to the deadlines.
  const sjj = table.getByRole('row', { name: /^陈仓区数据局/ });
  await expect(sjj.getByText('未提交')).toBeVisible();
  await expect(sjj.getByText(/还有 \d+ 天|已逾期 \d+ 天|今天截止/).first()).toBeVisible();
  // A department in review shows its first sign-off.
  const inReview = queryDb<{ name: string }>(
    "SELECT d.name FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.year = ? AND r.status = 'in_review' ORDER BY d.sort_order LIMIT 1",
    year,
  )[0]!.name;
  await expect(table.getByRole('row', { name: new RegExp(`^${inReview}`) }).getByText('初审')).toBeVisible();

  const counts = page.getByRole('list', { name: '各状态数量' });
  await expect(counts.getByText(/^未提交\d+$/)).toBeVisible();
  await expect(counts.getByText(/^审核中\d+$/)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出进度表（Excel）' }).click()]);
  expect(download.suggestedFilename()).toBe(`${year}年度填报进度.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getCell('A1').value)).toContain(`${year}年度`);
  const names: string[] = [];
  ws.eachRow((r) => names.push(String(r.getCell(2).value ?? '')));
  expect(names).toContain('陈仓区数据局');

  // The export of this non-public table is in the audit log.
  await page.goto('/admin/audit?action=export.progress');
  await expect(page.getByRole('cell', { name: '导出进度表' }).first()).toBeVisible();
});

test('a department is refused the download routes of the bureau, and a signed-out visitor every download', async ({ page, request }) => {
  const year = openYear();
  expect((await request.get(`/api/excel/template/${year}`)).status()).toBe(401);
  await signIn(page, 'fgj');
  for (const path of [`/api/excel/progress/${year}`, `/api/excel/published/${year - 1}`, '/api/excel/audit']) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
  expect((await page.request.get(`/api/excel/template/${year}`)).status()).toBe(200);
});
