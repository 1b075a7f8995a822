import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { queryDb } from '../support/db';
import { createDepartmentWithAccount, signIn, signInAndChangePassword, SLOW, unique } from './helpers';

// Works only on a department this spec creates (unique name) and its own draft.

const openYear = () => queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC')[0]!.year;

async function downloadTemplate(page: Page, year: number) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `下载${year}年度 Excel 模板` }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ExcelJS.Buffer);
  return wb;
}

async function upload(page: Page, wb: ExcelJS.Workbook) {
  await page.getByLabel('上传填好的 Excel 模板').setInputFiles({
    name: '已填写.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
}

test.describe.configure({ timeout: 180_000 });

test('a department downloads the Excel template, fills it in, uploads it and sees the figures in its draft', async ({ page }) => {
  const id = unique();
  const name = `陈仓区模板测试${id}局`;
  const year = openYear();
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `x${id}` });
  await signInAndChangePassword(page, username, password);
  await expect(page).toHaveURL(/\/dept$/, SLOW);
  await page.getByRole('button', { name: '新建年报' }).click();
  await expect(page).toHaveURL(/\/dept\/reports\/\d+$/, SLOW);
  const reportId = Number(page.url().split('/').pop());

  const wb = await downloadTemplate(page, year);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '表二', '表三', '表四']);
  expect(wb.getWorksheet('表三')!.getCell('J5').value).toEqual({ formula: 'SUM(D5:I5)' });

  // First a slip: a negative number in 表三 D14. The whole file is refused and nothing is stored.
  const versionBefore = queryDb<{ version: number }>('SELECT version FROM reports WHERE id = ?', reportId)[0]!.version;
  wb.getWorksheet('表三')!.getCell('D14').value = -2;
  await upload(page, wb);
  await expect(page.getByRole('alert').getByText('表三 D14：应为非负整数')).toBeVisible(SLOW);
  expect(queryDb<{ version: number }>('SELECT version FROM reports WHERE id = ?', reportId)[0]!.version).toBe(versionBefore);

  // Corrected and filled in: 表二 规章 2 issued, fee 12.5 万元; 表三 row 一: 7 and 3; 表四 复议 维持 1.
  const t2 = wb.getWorksheet('表二')!;
  const t3 = wb.getWorksheet('表三')!;
  t3.getCell('D14').value = 0;
  t2.getCell('B4').value = 2;
  t2.getCell('B15').value = 12.5;
  t3.getCell('D5').value = 7;
  t3.getCell('E5').value = '3';
  wb.getWorksheet('表四')!.getCell('A5').value = 1;
  await upload(page, wb);

  await expect(page.getByText(/已从 Excel 导入表二、表三、表四的数字/)).toBeVisible(SLOW);
  await expect(page.locator('input[data-target="requests.newReceived.natural"]')).toHaveValue('7');
  await expect(page.locator('input[data-target="requests.newReceived.commercial"]')).toHaveValue('3');
  await expect(page.locator('input[data-target="proactive.rules.issued"]')).toHaveValue('2');
  await expect(page.locator('input[data-target="proactive.fees.amount"]')).toHaveValue('12.5');
  await expect(page.locator('input[data-target="reviews.review.upheld"]')).toHaveValue('1');

  const stored = queryDb<{ content: string }>('SELECT content FROM reports WHERE id = ?', reportId)[0]!;
  const content = JSON.parse(stored.content);
  expect(content.requests.newReceived).toEqual([7, 3, 0, 0, 0, 0]);
  expect(content.proactive.fees.amount).toBe(12.5);
});
