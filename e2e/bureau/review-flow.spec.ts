import { expect, test, type Browser, type Page } from '@playwright/test';
import { reportIdOf } from '../support/db';
import { openYear, signInAs } from './helpers';

/**
 * The whole review journey with the demo accounts, on 陈仓区钓渭镇 (dwz) only: no other spec uses
 * it, because this one takes its open-year draft all the way to publication.
 */
test.describe.configure({ mode: 'serial' });

const COMMENT = '自然人新收申请数与正文所述件数不一致，请核实后修改。';
const CELL = 'requests.newReceived.natural';

async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, username);
  return page;
}

const cellInput = (page: Page, target: string) => page.locator(`input[data-target="${target}"]`);

test('a department submits, the reviewer returns it with a cell comment, the department fixes it, two sign-offs and publication, and the public reads it', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const year = openYear();
  const id = reportIdOf('dwz', year);
  let before = 0;

  await test.step('the department completes its draft and submits it', async () => {
    const dept = await as(browser, 'dwz');
    await dept.goto(`/dept/reports/${id}`);
    await expect(dept.getByRole('heading', { name: `陈仓区钓渭镇${year}年政府信息公开工作年度报告` })).toBeVisible();
    // The demo draft is half done: blank figures and the two closing sections are missing.
    const fill = dept.getByRole('button', { name: '空白的数字都填 0' });
    if (await fill.isVisible()) await fill.click();
    await dept.locator('textarea[data-target="text.problems"]').fill('本年度政府信息公开工作仍存在公开内容不够全面的问题，下一步将加强培训。');
    await dept.locator('textarea[data-target="text.other"]').fill(`${year}年，本镇未收取信息处理费。`);
    before = Number(await cellInput(dept, CELL).inputValue());
    await dept.getByRole('button', { name: '提交审核' }).click();
    await dept.getByRole('button', { name: '确认提交' }).click();
    await expect(dept.getByText('已提交审核。').or(dept.getByText('报告已提交，等待数据局审核'))).toBeVisible();
    await dept.context().close();
  });

  await test.step('the reviewer finds it in the queue and returns it with a comment on one cell', async () => {
    const reviewer = await as(browser, 'reviewer');
    await reviewer.goto('/review?q=钓渭');
    const row = reviewer.getByRole('row', { name: /陈仓区钓渭镇/ });
    await expect(row.getByText('待审核')).toBeVisible();
    await row.getByRole('link', { name: '审阅陈仓区钓渭镇' }).click();
    await expect(reviewer.getByRole('heading', { name: /审阅：陈仓区钓渭镇/ })).toBeVisible();

    await reviewer.locator(`td[data-cell="${CELL}"]`).click();
    await expect(reviewer.getByText('已选：三、“一、本年新收政府信息公开申请数量”第1列（自然人）')).toBeVisible();
    await reviewer.getByLabel('意见内容').fill(COMMENT);
    await reviewer.getByRole('button', { name: '添加意见' }).click();
    await expect(reviewer.getByRole('list', { name: '待发送的意见' })).toContainText(COMMENT);
    await expect(reviewer.locator(`td[data-cell="${CELL}"]`)).toHaveClass(/rv-commented/);

    await reviewer.getByRole('button', { name: '退回修改' }).click();
    await reviewer.getByRole('button', { name: '确认退回修改' }).click();
    await expect(reviewer.getByText('已退回修改，1条意见已发送给部门')).toBeVisible();
    await expect(reviewer.getByRole('heading', { name: /审阅：陈仓区钓渭镇/ }).getByText('已退回')).toBeVisible();
    await reviewer.context().close();
  });

  await test.step('the department sees the comment on that cell, fixes the figure and resubmits', async () => {
    const dept = await as(browser, 'dwz');
    await dept.goto(`/dept/reports/${id}`);
    const returned = dept.getByRole('region', { name: /数据局退回了这份报告/ });
    await expect(returned).toContainText(COMMENT);
    await expect(dept.locator('td.has-comment').filter({ has: cellInput(dept, CELL) })).toBeVisible();

    // One more request received and granted keeps 一+二 = 三（七）+四 in the 自然人 column.
    const granted = Number(await cellInput(dept, 'requests.granted.natural').inputValue());
    await cellInput(dept, CELL).fill(String(before + 1));
    await cellInput(dept, 'requests.granted.natural').fill(String(granted + 1));
    await cellInput(dept, 'requests.granted.natural').blur();
    await dept.getByRole('button', { name: '提交审核' }).click();
    await dept.getByRole('button', { name: '确认提交' }).click();
    await expect(dept.getByText('已提交审核。').or(dept.getByText('报告已提交，等待数据局审核'))).toBeVisible();
    await dept.context().close();
  });

  await test.step('the reviewer sees the change highlighted and gives the first sign-off', async () => {
    const reviewer = await as(browser, 'reviewer');
    await reviewer.goto(`/review/${id}`);
    await expect(reviewer.getByRole('note').filter({ hasText: '退回修改后重新提交' })).toContainText('共有 2 处修改');
    await expect(reviewer.locator(`td[data-cell="${CELL}"]`)).toHaveClass(/rv-changed/);
    // The commented cell answers the comment; the other change was made without being asked.
    await expect(reviewer.getByRole('note').filter({ hasText: '退回修改后重新提交' })).toContainText('按意见修改 1 处（绿色），未经要求的修改 1 处（黄色）');
    await expect(reviewer.locator(`td[data-cell="${CELL}"]`)).toHaveClass(/rv-answered/);
    await expect(reviewer.locator(`td[data-cell="${CELL}"]`)).toHaveAttribute('title', new RegExp(`按意见修改：原为 ${before}`));
    await expect(reviewer.locator('td[data-cell="requests.granted.natural"]')).toHaveClass(/rv-unasked/);
    await expect(reviewer.locator('td[data-cell="requests.granted.natural"]')).toHaveAttribute('title', /未经要求的修改：原为/);

    await reviewer.getByRole('tab', { name: /修改对比/ }).click();
    const changed = reviewer.getByRole('table', { name: '修改的数字' }).getByRole('row', { name: /一、本年新收政府信息公开申请数量.*第1列（自然人）/ });
    await expect(changed).toContainText(String(before));
    await expect(changed).toContainText(String(before + 1));
    await expect(changed).toContainText('按意见修改');
    await expect(reviewer.getByRole('table', { name: '修改的数字' }).getByRole('row', { name: /（一）予以公开.*第1列（自然人）/ })).toContainText('未经要求的修改');

    await reviewer.getByRole('button', { name: '审核通过（初审）' }).click();
    await reviewer.getByRole('button', { name: '确认审核通过（初审）' }).click();
    await expect(reviewer.getByText('已审核通过（初审）')).toBeVisible();
    await expect(reviewer.getByRole('list', { name: '签批进度' })).toContainText('初审 ✓ 数据局审核人');
    await reviewer.context().close();
  });

  let publicUrl = '';
  await test.step('the publisher gives the final sign-off and publishes', async () => {
    const publisher = await as(browser, 'publisher');
    await publisher.goto(`/review/${id}`);
    await publisher.getByRole('button', { name: '审核通过（终审）' }).click();
    await publisher.getByRole('button', { name: '确认审核通过（终审）' }).click();
    await expect(publisher.getByText('已审核通过（终审），报告已通过，可以发布')).toBeVisible();
    await expect(publisher.getByRole('list', { name: '签批进度' })).toContainText('终审 ✓ 数据局发布人');

    await publisher.getByRole('button', { name: '发布', exact: true }).click();
    await publisher.getByRole('button', { name: '确认发布' }).click();
    await expect(publisher.getByText('已发布，公众现在可以在公开门户阅读本报告')).toBeVisible();
    const link = publisher.getByRole('link', { name: /在公开门户查看/ });
    await expect(link).toBeVisible();
    publicUrl = (await link.getAttribute('href'))!;

    await publisher.getByRole('tab', { name: /历史/ }).click();
    const history = publisher.getByRole('table', { name: '操作记录' });
    await expect(history.getByRole('row').filter({ hasText: '发布' }).last()).toContainText('数据局发布人');
    await expect(history).toContainText(COMMENT);
    await publisher.context().close();
  });

  await test.step('an anonymous visitor reads the published report with the corrected figure', async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(publicUrl);
    await expect(visitor.getByRole('heading', { name: `陈仓区钓渭镇${year}年政府信息公开工作年度报告` })).toBeVisible();
    await expect(visitor.locator(`td[data-cell="${CELL}"]`)).toHaveText(String(before + 1));
    await context.close();
  });
});
