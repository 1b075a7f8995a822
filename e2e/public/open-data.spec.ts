import { expect, test } from '@playwright/test';
import { currentPublications, downloadedBytes, FIGURE_COUNT, figuresOf, closedYear } from './helpers';

// Read-only: the open-data API as a script would use it.

const year = closedYear();

test('GET /api/open/reports lists the published reports of a year with the documented fields', async ({ request }) => {
  const res = await request.get(`/api/open/reports?year=${year}`);
  expect(res.headers()['content-type']).toContain('application/json');
  const body = await res.json();
  const pubs = currentPublications('year = ?', year);
  expect(body.count).toBe(pubs.length);
  expect(Object.keys(body.reports[0]).sort()).toEqual(['corrected', 'department', 'departmentKind', 'id', 'publishedAt', 'title', 'url', 'year']);
  const filtered = await (await request.get(`/api/open/reports?year=${year}&department=${encodeURIComponent('公安')}`)).json();
  expect(filtered.reports.map((r: { department: string }) => r.department)).toEqual(['陈仓区公安分局']);
});

test('GET /api/open/reports/{id} gives every figure and text under stable names', async ({ request }) => {
  const [pub] = currentPublications('year = ?', year);
  const body = await (await request.get(`/api/open/reports/${pub!.id}`)).json();
  expect(body).toMatchObject({ id: pub!.id, department: pub!.department_name, year, current: true });
  expect(body.text.problems).toBe(pub!.content.problems);
  const figures = figuresOf(pub!.content);
  for (const [key, value] of Object.entries(figures)) {
    const [section, row, col] = key.split('.') as [string, string, string];
    expect(body.figures[section][row][col], key).toBe(value);
  }
  expect(Object.keys(figures)).toHaveLength(FIGURE_COUNT);
});

test('GET /api/open/reports.csv gives one row per report with every figure, for Excel', async ({ request }) => {
  const res = await request.get(`/api/open/reports.csv?year=${year}`);
  expect(res.headers()['content-type']).toContain('text/csv');
  const text = (await res.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  const pubs = currentPublications('year = ?', year);
  expect(lines).toHaveLength(1 + pubs.length);
  expect(lines[0]!.split(',')).toHaveLength(6 + FIGURE_COUNT);
  const keyed = (await (await request.get(`/api/open/reports.csv?year=${year}&header=key`)).text()).slice(1).split('\r\n');
  const header = keyed[0]!.split(',');
  const row = keyed.find((l) => l.startsWith(`${pubs[0]!.id},`))!.split(',');
  expect(Number(row[header.indexOf('requests.newReceived.total')])).toBe(figuresOf(pubs[0]!.content)['requests.newReceived.total']);
});

test('bad parameters get a clear Chinese message', async ({ request }) => {
  const res = await request.get('/api/open/reports?year=20x4');
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toBe('参数 year 应为四位年份，例如 2024');
});

test('the compare page puts chosen departments and years side by side and downloads them as CSV', async ({ page }) => {
  const [a, b] = currentPublications('year = ?', year)
    .slice(0, 2)
    .sort((x, y) => x.department_id - y.department_id);
  await page.goto('/compare');
  await page.getByRole('checkbox', { name: a!.department_name, exact: true }).check();
  await page.getByRole('checkbox', { name: b!.department_name, exact: true }).check();
  // Other specs may publish an open-year report meanwhile, so choose the two years explicitly.
  for (const box of await page.getByRole('checkbox', { name: /^\d{4}年度$/ }).all()) {
    const label = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
    await box.setChecked(label === `${year - 1}年度` || label === `${year}年度`);
  }
  await page.getByRole('button', { name: '对比' }).click();
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: '数字' }) });
  await expect(table.getByRole('columnheader')).toHaveCount(5);
  const row = table.locator('tr[data-figure="requests.newReceived.total"] td');
  const expected = [a!, b!].flatMap((p) =>
    [year - 1, year].map((y) => {
      const c = y === year ? p.content : currentPublications('department_id = ? AND year = ?', p.department_id, y)[0]!.content;
      return String(figuresOf(c)['requests.newReceived.total']);
    }),
  );
  await expect(row).toHaveText(expected);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
  const text = (await downloadedBytes(download)).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(`requests.newReceived.total,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量｜总计,${expected.join(',')}`);
});
