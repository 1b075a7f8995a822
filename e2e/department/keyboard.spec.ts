import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';
import { cell, expectSaved, openYear, pasteIntoFocused, requestCellName, storedReport } from './form';

/**
 * Filling the tables with the keyboard and from a spreadsheet, on 陈仓区坪头镇 (ptz)'s open-year
 * draft: no other spec uses it. The tests run in order on the same report.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function open(page: Page) {
  await signIn(page, 'ptz');
  await page.goto(`/dept/reports/${reportIdOf('ptz', openYear())}`);
  await expect(cell(page, requestCellName('newReceived', 0))).toBeVisible();
}

test('Tab and Enter move through the cells in reading order, arrow keys move between cells, totals are skipped', async ({ page }) => {
  await open(page);
  const first = cell(page, requestCellName('newReceived', 0));
  await first.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(cell(page, requestCellName('newReceived', 1))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell(page, requestCellName('newReceived', 2))).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, requestCellName('carriedIn', 2))).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(cell(page, requestCellName('carriedIn', 1))).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, requestCellName('newReceived', 1))).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, requestCellName('newReceived', 2))).toBeFocused();

  // Enter from the last typed column jumps over the computed 总计 to the next row.
  await cell(page, requestCellName('newReceived', 5)).focus();
  await page.keyboard.press('Enter');
  await expect(cell(page, requestCellName('carriedIn', 0))).toBeFocused();
  // Down from the last result row steps over （七）总计 to 四、结转下年度继续办理.
  await cell(page, requestCellName('otherHandling3', 3)).focus();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, requestCellName('carriedOver', 3))).toBeFocused();
  // Table 四: right from 尚未审结 skips the block's 总计.
  await cell(page, '行政复议 尚未审结').focus();
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, '行政诉讼（未经复议直接起诉） 结果维持')).toBeFocused();

  // The typed value is kept and counted in the row's 总计 at once.
  await expect(first).toHaveValue('5');
  await expect(page.getByLabel('一、本年新收政府信息公开申请数量 总计', { exact: true })).toHaveText('5');
});

test('pasting a block copied from a spreadsheet fills the cells it covers and skips the computed 总计', async ({ page }) => {
  await open(page);
  await cell(page, requestCellName('granted', 0)).focus();
  // Two rows of seven: the seventh value lands on the 总计 column, which is computed, so it is skipped.
  await pasteIntoFocused(page, '1\t2\t3\t0\t0\t0\t6\r\n4\t5\t６\t–\t\t/\t15\r\n');
  await expect(page.getByText('已粘贴 12 个数值')).toBeVisible();
  const granted = ['1', '2', '3', '0', '0', '0'];
  const partial = ['4', '5', '6', '0', '0', '0'];
  for (let i = 0; i < 6; i++) {
    await expect(cell(page, requestCellName('granted', i))).toHaveValue(granted[i]!);
    await expect(cell(page, requestCellName('partial', i))).toHaveValue(partial[i]!);
  }
  await expect(page.getByLabel('（一）予以公开 总计', { exact: true })).toHaveText('6');
  await expect(page.getByLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形） 总计', { exact: true })).toHaveText('15');

  // A block running past the table's edge fills what fits and says what it left out.
  await cell(page, requestCellName('carriedOver', 4)).focus();
  await pasteIntoFocused(page, '7\t8\t9\n1\t1\t1');
  await expect(page.getByText('已粘贴 2 个数值，另有 3 个超出表格范围，未粘贴')).toBeVisible();
  await expect(cell(page, requestCellName('carriedOver', 4))).toHaveValue('7');
  await expect(cell(page, requestCellName('carriedOver', 5))).toHaveValue('8');

  await expectSaved(page);
  const stored = storedReport(reportIdOf('ptz', openYear())).content.requests;
  expect(stored.granted).toEqual([1, 2, 3, 0, 0, 0]);
  expect(stored.partial).toEqual([4, 5, 6, 0, 0, 0]);
});

test('full-width digits are accepted, counts must be whole, the fee takes up to four decimals', async ({ page }) => {
  await open(page);
  const licensing = cell(page, '行政许可 本年处理决定数量');
  await licensing.fill('１２５６');
  await licensing.press('Tab');
  await expect(licensing).toHaveValue('1256');

  const punishment = cell(page, '行政处罚 本年处理决定数量');
  await punishment.fill('8.5');
  await punishment.press('Tab');
  await expect(punishment).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('“8.5”应为整数').first()).toBeVisible();
  await punishment.fill('-3');
  await expect(page.getByText('“-3”不能为负数').first()).toBeVisible();
  await punishment.fill('87');
  await expect(punishment).not.toHaveAttribute('aria-invalid', 'true');

  const fee = cell(page, '行政事业性收费 本年收费金额（单位：万元）');
  await fee.fill('18.87105');
  await expect(page.getByText('“18.87105”单位为万元，最多4位小数').first()).toBeVisible();
  await fee.fill('１８．８７１０');
  await fee.press('Tab');
  await expect(fee).toHaveValue('18.871');

  await expectSaved(page);
  const stored = storedReport(reportIdOf('ptz', openYear())).content.proactive;
  expect(stored.licensing.decisions).toBe(1256);
  expect(stored.punishment.decisions).toBe(87);
  expect(stored.fees.amount).toBe(18.871);
});
