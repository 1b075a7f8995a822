import { expect, test, type Page } from '@playwright/test';
import { queryDb } from '../support/db';
import { createDepartmentWithAccount, signIn, signInAndChangePassword, signOut, SLOW, unique } from './helpers';

// Imports into a department this spec creates (unique name), for the two closed years. The texts
// are the portal's own renderings (public page HTML and Word file) of 陈仓区民政局 (mzj)'s published
// reports, which this spec only reads; no other spec uses mzj.

const openYear = () => queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC')[0]!.year;
const publicationOf = (code: string, year: number) =>
  queryDb<{ id: number }>('SELECT p.id FROM publications p JOIN departments d ON d.id = p.department_id WHERE d.code = ? AND p.year = ? AND p.current = 1', code, year)[0]!.id;
const contentOf = (name: string, year: number) =>
  JSON.parse(queryDb<{ content: string }>('SELECT r.content FROM reports r JOIN departments d ON d.id = r.department_id WHERE d.name = ? AND r.year = ?', name, year)[0]!.content);

test.describe.configure({ timeout: 240_000 });

test('a reviewer imports two years of history for a department; 与上年对比 and the next draft’s prefill then use them', async ({ page }) => {
  const id = unique();
  const name = `陈仓区历史导入${id}局`;
  const year = openYear();
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `h${id}` });

  // The two closed years as the portal itself renders them: the public page saved as HTML, and the Word file.
  await signIn(page, 'reviewer');
  const html = await (await page.request.get(`/reports/${publicationOf('mzj', year - 2)}`)).body();
  const docx = await (await page.request.get(`/reports/${publicationOf('mzj', year - 1)}/docx`)).body();
  expect(docx.subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('link', { name: '导入历史报告' }).click();
  await expect(page.getByRole('heading', { name: '导入历史报告', level: 2 })).toBeVisible(SLOW);
  await page.getByLabel('选择文件').setInputFiles([
    { name: `民政局${year - 2}.html`, mimeType: 'text/html', buffer: html },
    { name: `民政局${year - 1}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx },
  ]);

  await expect(page.getByRole('region', { name: `民政局${year - 1}.docx` }).getByLabel('报告年度')).toHaveValue(String(year - 1), SLOW);
  // What the reviewer sees, kept with the run's output (desktop and phone width).
  await page.screenshot({ path: test.info().outputPath('history-import-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: test.info().outputPath('history-import-375.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });

  for (const file of [`民政局${year - 2}.html`, `民政局${year - 1}.docx`]) {
    const card = page.getByRole('region', { name: file });
    // The body was read from the file and matched to 陈仓区民政局, which already filed that year.
    await expect(card.getByLabel('报告主体')).toHaveValue(String(queryDb<{ id: number }>("SELECT id FROM departments WHERE code = 'mzj'")[0]!.id), SLOW);
    await expect(card.getByText(/已在平台中填报.*不能导入/)).toBeVisible();
    await expect(card.getByRole('button', { name: '确认导入' })).toBeDisabled();
  }

  // 对照原文: each figure beside the source line it was read from (a table row of the saved page).
  const earlier = page.getByRole('region', { name: `民政局${year - 2}.html` });
  const source = earlier.getByTestId('source-view');
  await expect(source.locator('summary')).toContainText(/\d+ 个数字读自原文，\d+ 个原文空白按 0 计，0 个未能识别/);
  await source.locator('summary').click();
  const row = source.locator('tr', { has: page.locator('li[data-figure="requests.newReceived.natural"]') });
  await expect(row.locator('td').nth(1)).toContainText('一、本年新收政府信息公开申请数量');
  const natural = contentOf('陈仓区民政局', year - 2).requests.newReceived[0];
  await expect(row.locator('li[data-figure="requests.newReceived.natural"]')).toHaveText(`表三 一、本年新收政府信息公开申请数量 自然人：${natural}`);
  await page.screenshot({ path: test.info().outputPath('history-source-view-desktop.png'), fullPage: false });

  // Both files are for the new department: the later one's cross-year rules (7, 10, 12) run against the earlier file of this batch.
  await earlier.getByLabel('报告主体').selectOption({ label: name });
  const later = page.getByRole('region', { name: `民政局${year - 1}.docx` });
  await later.getByLabel('报告主体').selectOption({ label: name });
  await expect(later.getByTestId('cross-year')).toHaveText(`跨年度核对（规则7、10、12）对照：本次一同导入的文件“民政局${year - 2}.html”（${year - 2}年度）。`);
  await expect(earlier.getByTestId('cross-year')).toContainText('跨年度核对（规则7、10、12）无法进行');

  for (const [file, y] of [
    [`民政局${year - 2}.html`, year - 2],
    [`民政局${year - 1}.docx`, year - 1],
  ] as const) {
    const card = page.getByRole('region', { name: file });
    await expect(card.getByLabel('报告年度')).toHaveValue(String(y), SLOW);
    // Every figure shows where it came from.
    await expect(card.locator('td[data-cell="requests.newReceived.natural"]')).toHaveAttribute('title', /^来源：/);
    // …and on keyboard focus, where no title shows, in words under the tables.
    await card.locator('td[data-cell="requests.newReceived.natural"]').focus();
    await expect(card.getByTestId('cell-origin')).toContainText(/自然人：\d+。来源：/);
    if (y === year - 2) {
      await card.getByTestId('cell-origin').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath('history-cell-origin-desktop.png'), fullPage: false });
      await page.setViewportSize({ width: 375, height: 800 });
      await card.locator('td[data-cell="requests.newReceived.natural"]').focus();
      await page.screenshot({ path: test.info().outputPath('history-cell-origin-375.png'), fullPage: false });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    await expect(card.getByText(/检查结果：0 个错误/)).toBeVisible();

    await card.getByLabel('报告主体').selectOption({ label: name });
    await card.getByRole('button', { name: '确认导入' }).click();
    await expect(card.getByRole('status').getByText(`已导入：${name}${y}年度`)).toBeVisible(SLOW);
    expect(contentOf(name, y).requests).toEqual(contentOf('陈仓区民政局', y).requests);
  }

  // The public page says where the report came from and offers the original file, byte for byte.
  await page.getByRole('region', { name: `民政局${year - 1}.docx` }).getByRole('link', { name: '查看公开页面' }).click();
  const note = page.getByTestId('import-provenance');
  await expect(note).toContainText(new RegExp(`本报告根据原公开文本导入（来源：民政局${year - 1}\\.docx，原发布日期 (\\d{4}年\\d{1,2}月\\d{1,2}日|不详)）`), SLOW);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  const download = note.getByRole('link', { name: /下载原文件（民政局\d{4}\.docx/ });
  const original = await page.request.get((await download.getAttribute('href'))!);
  expect(original.status()).toBe(200);
  expect(Buffer.compare(await original.body(), docx)).toBe(0);
  await page.screenshot({ path: test.info().outputPath('history-public-provenance.png'), fullPage: false });
  // A report filed on the portal has no original file to download.
  expect((await page.request.get(`/reports/${publicationOf('mzj', year - 1)}/source`)).status()).toBe(404);

  // 与上年对比 of the later imported year compares with the earlier imported one.
  const laterId = queryDb<{ id: number }>('SELECT r.id FROM reports r JOIN departments d ON d.id = r.department_id WHERE d.name = ? AND r.year = ?', name, year - 1)[0]!.id;
  await page.goto(`/review/${laterId}`);
  await page.getByRole('tab', { name: /与上年对比/ }).click();
  await expect(page.getByRole('heading', { name: `与${year - 2}年度对比` })).toBeVisible(SLOW);
  // …with both imported years' figures side by side (本年新收 自然人, never 0 in 民政局's demo reports).
  const compared = page.locator('table[data-compare="requests"] tr[data-target="requests.newReceived.natural"] td');
  await expect(compared.nth(0)).toHaveText(String(contentOf(name, year - 2).requests.newReceived[0]));
  await expect(compared.nth(1)).toHaveText(String(contentOf(name, year - 1).requests.newReceived[0]));
  await signOut(page);

  // The department's first draft on the portal starts from the imported last year: 上年结转 = 结转下年度.
  await signInAndChangePassword(page, username, password);
  await leavePasswordPage(page, password);
  await expect(page).toHaveURL(/\/dept$/, SLOW);
  await page.getByRole('button', { name: '新建年报' }).click();
  await expect(page).toHaveURL(/\/dept\/reports\/\d+$/, SLOW);
  const carriedOver: number[] = contentOf(name, year - 1).requests.carriedOver;
  for (const [i, col] of ['natural', 'commercial', 'research'].entries()) {
    await expect(page.locator(`input[data-target="requests.carriedIn.${col}"]`)).toHaveValue(String(carriedOver[i]), SLOW);
  }
});

/**
 * Under load the first fill of the password form can land before the page has hydrated and be
 * cleared; when the page is still asking, fill it again (the temporary password still holds).
 */
async function leavePasswordPage(page: Page, temporary: string, next = 'Chencang2027') {
  await page.waitForURL((u) => !u.pathname.startsWith('/account/password'), { timeout: 10_000 }).catch(() => undefined);
  if (!new URL(page.url()).pathname.startsWith('/account/password')) return;
  await page.getByLabel('当前密码').fill(temporary);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '保存新密码' }).click();
}
