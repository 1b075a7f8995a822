import { expect, test, type Page } from '@playwright/test';
import { SECTION_HEADINGS, realisticReport, seedReport2024, type ReportContent } from '@ccgov/report';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';
import {
  cell,
  checkPanel,
  enterText,
  expectSaved,
  mutate,
  openYear,
  pasteIntoFocused,
  requestCellName,
  requestsAsSpreadsheet,
  storedReport,
  typeSmallTables,
} from './form';

/**
 * The whole yearly filing by 陈仓区数据局 (sjj), which has not started the open year: no other
 * spec uses sjj's open-year report. The tests run in order on the same report.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const BODY = '陈仓区数据局';

async function openOwnReport(page: Page) {
  await page.goto(`/dept/reports/${reportIdOf('sjj', openYear())}`);
  await expect(page.getByRole('heading', { level: 1, name: `${BODY}${openYear()}年政府信息公开工作年度报告` })).toBeVisible();
}

test('a clerk files the whole report from an empty one: the seed report, then real figures, a 勾稽 error fixed, submitted', async ({ page }) => {
  test.setTimeout(240_000);
  const year = openYear();
  await signIn(page, 'sjj');
  await page.goto('/dept');
  await expect(page.getByRole('heading', { name: `${year}年度` })).toBeVisible();
  await page.getByRole('button', { name: '新建年报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${BODY}${year}年政府信息公开工作年度报告` })).toBeVisible();

  // Prefilled from last year's report: carry-over column by column, the in-force baseline, the contact.
  const prev = queryPrevious(year - 1);
  await expect(page.getByText(`已按${year - 1}年报告预填`)).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await expect(cell(page, requestCellName('carriedIn', i))).toHaveValue(String(prev.requests.carriedOver[i]));
  }
  await expect(cell(page, '行政规范性文件 现行有效件数')).toHaveValue(String(prev.proactive.normativeDocs.inForce));
  await expect(page.getByRole('textbox', { name: '联系人', exact: true })).toHaveValue(prev.contact.person);
  // An empty report cannot be submitted yet; the panel says how much is left, calmly, in one line.
  await expect(checkPanel(page).getByText(/还有 \d+ 个数字未填写/)).toBeVisible();

  // 1. The seed report (the bureau's real 2024 report: every figure 0), typed in as published.
  const seed = seedReport2024();
  await enterText(page, seed);
  // Nothing to declare: the clerk lets the form put 0 in every blank cell, as the report prints.
  await checkPanel(page).getByRole('button', { name: '空白的数字都填 0' }).click();
  await expect(page.getByText(/已把 \d+ 个空白的数字填为 0/)).toBeVisible();
  await expect(page.locator('.editor-bar')).toContainText('没有错误');
  // Its text names 2024: the year checks warn, and the standard opening puts it right.
  await expect(checkPanel(page).getByText(`报告开头说明：未写明报告年度${year}年`)).toBeVisible();
  await page.getByRole('button', { name: '恢复为标准开头说明' }).click();
  await expect(checkPanel(page).getByText(`报告开头说明：未写明报告年度${year}年`)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '报告开头说明' })).toHaveValue(new RegExp(`统计期限从${year}年1月1日起至${year}年12月31日止`));
  await expectSaved(page);

  // 预览 shows the report as the public page will.
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.getByRole('article');
  await expect(preview.getByRole('heading', { level: 1, name: `${BODY}${year}年政府信息公开工作年度报告` })).toBeVisible();
  await expect(preview.getByRole('heading', { name: SECTION_HEADINGS.requests })).toBeVisible();
  await expect(preview.getByText(seed.overview.platform)).toBeVisible();
  await page.getByRole('button', { name: '返回编辑' }).click();

  // 2. A busy year instead: 859 new + 18 carried in = 805 concluded + 72 carried over.
  const real = realisticReport({ year, body: BODY });
  await enterText(page, real);
  // One slip while typing: 59 carried over where the sheet says 58.
  const slipped: ReportContent = structuredClone(real);
  slipped.requests.carriedOver[0] = 59;
  await typeSmallTables(page, slipped);
  // Table 三 comes from the office's own spreadsheet: copied as a block, pasted in the first cell.
  await cell(page, requestCellName('newReceived', 0)).focus();
  await pasteIntoFocused(page, requestsAsSpreadsheet(slipped));
  await expect(page.getByText('已粘贴 144 个数值')).toBeVisible();
  await expect(cell(page, requestCellName('otherHandling1', 1))).toHaveValue('2');

  // The totals follow the typing and cannot be typed into.
  await expect(page.getByLabel('一、本年新收政府信息公开申请数量 总计', { exact: true })).toHaveText('859');
  await expect(page.getByLabel('（七）总计 总计', { exact: true })).toHaveText('805');
  await expect(page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 总计' })).toHaveCount(0);
  await expect(page.getByLabel('行政复议 总计', { exact: true })).toHaveText('6');

  // The column no longer balances: one hard error at the column and in the panel, the rows in words.
  const balance = checkPanel(page).getByRole('button', {
    name: /表三“自然人”列：本年新收 702 \+ 上年结转 14 = 716，办理结果总计 658 \+ 结转下年度 59 = 717，相差 1/,
  });
  await expect(balance).toBeVisible();
  // The slip is not reported a second time at the 总计 column (the sum of the six).
  await expect(checkPanel(page).getByRole('button', { name: /第7列（总计）|“总计”列/ })).toHaveCount(0);
  await expect(page.locator('.editor-bar')).toContainText('1 处需要修改');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '还有 1 处需要修改，改好后才能提交审核' })).toBeVisible();

  // Clicking the error goes to the cell; the clerk corrects it.
  await balance.click();
  const carriedOver = cell(page, requestCellName('carriedOver', 0));
  await expect(carriedOver).toBeFocused();
  await page.keyboard.type('58');
  await page.keyboard.press('Tab');
  await expect(balance).toHaveCount(0);
  await expect(page.locator('.editor-bar')).toContainText('没有错误');

  // Last year's report carried nothing over, this year says 14 came in: a warning with a 说明.
  const crossYear = checkPanel(page).locator('li').filter({ hasText: `三、第1列（自然人）：本年“二、上年结转政府信息公开申请数量”（14）≠ ${year - 1}年报告` });
  await expect(crossYear).toBeVisible();
  await crossYear.getByRole('textbox', { name: '说明' }).fill('上年结转件数以办件系统台账为准，上年报告漏填，已向数据局说明。');
  await expectSaved(page);

  // 提交审核 asks once, then the report is 待审核 and read-only.
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expect(page.getByText('报告已提交，等待数据局审核')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '撤回' })).toBeVisible();

  const stored = storedReport(reportIdOf('sjj', year));
  expect(stored.status).toBe('submitted');
  expect(stored.content.requests.newReceived).toEqual(real.requests.newReceived);
  expect(stored.content.requests.carriedOver).toEqual(real.requests.carriedOver);
  expect(stored.content.proactive.fees.amount).toBe(18.871);
  expect(stored.content.overview.request).toBe(real.overview.request);
  expect(Object.values(stored.explanations)).toContain('上年结转件数以办件系统台账为准，上年报告漏填，已向数据局说明。');
});

test('撤回 before review starts brings the report back to draft, and it can be submitted again', async ({ page }) => {
  await signIn(page, 'sjj');
  await openOwnReport(page);
  await page.getByRole('button', { name: '撤回' }).click();
  await page.getByRole('button', { name: '确认撤回' }).click();
  await expect(page.getByRole('button', { name: '提交审核' })).toBeVisible();
  await expect(page.locator('.editor-bar').getByText('草稿', { exact: true })).toBeVisible();
  expect(storedReport(reportIdOf('sjj', openYear())).status).toBe('draft');

  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('报告已提交，等待数据局审核')).toBeVisible();
});

test('a returned report shows the reviewer’s comments next to their cells and sections; the clerk fixes and resubmits', async ({ page, browser }) => {
  const id = reportIdOf('sjj', openYear());
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, 'reviewer');
  await mutate(reviewer, 'review.return', {
    id,
    version: storedReport(id).version,
    comments: [
      { target: 'requests.granted.natural', body: '予以公开件数请与办件台账再核对一次。' },
      { target: 'text.problems', body: '请写明明年的具体改进措施。' },
    ],
  });
  await reviewerContext.close();

  await signIn(page, 'sjj');
  await openOwnReport(page);
  await expect(page.getByRole('heading', { name: '数据局退回了这份报告，请按审核意见修改后重新提交审核' })).toBeVisible();
  // Each comment stands next to what it is about: under table 三, and under section 五.
  await expect(page.locator('#sec-requests').getByText('予以公开件数请与办件台账再核对一次。')).toBeVisible();
  await expect(page.locator('#sec-problems').getByText('请写明明年的具体改进措施。')).toBeVisible();

  const problems = page.getByRole('textbox', { name: SECTION_HEADINGS.problems });
  await problems.fill(`${await problems.inputValue()}明年将每季度开展一次依申请公开办理质量抽查。`);
  await expectSaved(page);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('报告已提交，等待数据局审核')).toBeVisible();
  const stored = storedReport(id);
  expect(stored.status).toBe('submitted');
  expect(stored.content.problems).toContain('每季度开展一次');
});

function queryPrevious(year: number): ReportContent {
  return storedReport(reportIdOf('sjj', year)).content;
}
