import { expect, test, type Locator, type Page } from '@playwright/test';
import { PROACTIVE_CELLS, REQUEST_COLUMNS, SECTION_HEADINGS, figureValues, formatFigure, type ReportContent } from '@ccgov/report';
import { signIn } from '../support/auth';
import { queryDb, reportIdOf } from '../support/db';
import { cell, expectSaved, openYear, requestCellName, storedReport } from './form';

/**
 * History at every cell, 本年度未收到政府信息公开申请, and the editor's rough edges (focus clear of
 * the sticky bar, comments at their cell, 目录 moving focus, / as 0). Departments no other spec
 * uses: 陈仓区行政审批服务局 (spj, a draft of the open year) for the form, 陈仓区市场监督管理局 (scjgj,
 * returned with a comment at a cell) for the comment, and the review screen of 陈仓区教育体育局
 * (jtj, in review), only read.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const popover = (page: Page) => page.locator('#cell-popover');

/** The body's current publications before the open year, oldest first. */
function publishedYears(code: string): { year: number; values: Record<string, number | null> }[] {
  return queryDb<{ year: number; content: string }>(
    `SELECT p.year, p.content FROM publications p JOIN departments d ON d.id = p.department_id
     WHERE d.code = ? AND p.current = 1 AND p.withdrawn_at IS NULL AND p.year < ? ORDER BY p.year`,
    code,
    openYear(),
  )
    .slice(-5)
    .map((r) => ({ year: r.year, values: figureValues(JSON.parse(r.content) as ReportContent) }));
}

async function openEditor(page: Page, code: string) {
  await signIn(page, code);
  await page.goto(`/dept/reports/${reportIdOf(code, openYear())}`);
  await expect(cell(page, requestCellName('newReceived', 0))).toBeVisible();
}

async function barBottom(page: Page): Promise<number> {
  return (await page.locator('.editor-bar').boundingBox())!.y + (await page.locator('.editor-bar').boundingBox())!.height;
}

async function expectClearOfBar(page: Page, el: Locator, what: string) {
  const box = (await el.boundingBox())!;
  expect(box.y, `${what} is below the sticky bar`).toBeGreaterThanOrEqual(await barBottom(page));
}

test('focusing a cell shows its values in earlier years beside it, read as its description, and typing goes on', async ({ page }) => {
  const history = publishedYears('spj');
  expect(history.length).toBeGreaterThanOrEqual(2);
  await openEditor(page, 'spj');
  const first = cell(page, requestCellName('newReceived', 0));
  await first.focus();
  await expect(popover(page)).toBeVisible();
  for (const y of history) await expect(popover(page)).toContainText(`${y.year} ${formatFigure(y.values['requests.newReceived.natural'])}`);
  await expect(first).toHaveAttribute('aria-describedby', /cell-popover/);
  await expect(first).toHaveAccessibleDescription(new RegExp(`往年：${history[0]!.year}`));

  // The note does not take focus: typing stays in the cell, and the note follows what is typed.
  await page.keyboard.type('123');
  await expect(first).toBeFocused();
  await expect(first).toHaveValue('123');
  await expect(popover(page)).toContainText('本年 123');
  // The next cell shows its own history.
  await page.keyboard.press('Tab');
  await expect(cell(page, requestCellName('newReceived', 1))).toBeFocused();
  await expect(popover(page)).toContainText(`${history.at(-1)!.year} ${formatFigure(history.at(-1)!.values['requests.newReceived.commercial'])}`);
});

test('typing /, – or — in a cell means 0, as a paste and an Excel upload do', async ({ page }) => {
  await openEditor(page, 'spj');
  const tokens = ['/', '–', '—'];
  for (let i = 0; i < tokens.length; i++) {
    const c = cell(page, requestCellName('granted', i));
    await c.fill(tokens[i]!);
    await c.press('Tab');
    await expect(c).toHaveValue('0');
    await expect(c).not.toHaveAttribute('aria-invalid', 'true');
  }
  await expectSaved(page);
  expect(storedReport(reportIdOf('spj', openYear())).content.requests.granted.slice(0, 3)).toEqual([0, 0, 0]);
});

test('moving back with Shift+Tab and Shift+Enter keeps the focused cell clear of the sticky bar', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openEditor(page, 'spj');
  const start = cell(page, requestCellName('carriedOver', 5));
  await start.focus();
  // Put the cell just under the bar, so the row above is hidden behind it.
  const top = (await start.boundingBox())!.y;
  await page.evaluate((dy) => window.scrollBy(0, dy), top - (await barBottom(page)) - 2);
  await expectClearOfBar(page, start, 'the starting cell');
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Shift+Tab');
    const focused = page.locator(':focus');
    await expectClearOfBar(page, focused, `after Shift+Tab ×${i + 1}`);
  }
  const now = page.locator(':focus');
  await page.evaluate((dy) => window.scrollBy(0, dy), (await now.boundingBox())!.y - (await barBottom(page)) - 2);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Enter');
    await expectClearOfBar(page, page.locator(':focus'), `after Shift+Enter ×${i + 1}`);
  }
});

test('a failed 提交审核 shows 还有 N 处需要修改 below the bar, and 目录 is a few Tabs away and moves focus', async ({ page }) => {
  await openEditor(page, 'spj');
  // A blank cell: the draft cannot be submitted yet.
  await cell(page, requestCellName('otherHandling3', 4)).fill('');
  await page.getByRole('button', { name: '提交审核' }).click();
  const message = page.getByText(/还有 \d+ 处需要修改，改好后才能提交审核/);
  await expect(message).toBeVisible();
  await expectClearOfBar(page, message, 'the 还有 N 处需要修改 message');

  // From the bar, 目录 comes after a few Tabs, before the form.
  await page.locator('.bar-check').focus();
  const tocLink = page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: SECTION_HEADINGS.requests });
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await tocLink.evaluate((el) => el === document.activeElement);
  }
  expect(reached, '目录 reached within 12 Tabs of the bar').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: SECTION_HEADINGS.requests, level: 2 })).toBeFocused();
  // The next Tab continues inside that section.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('本年度未收到政府信息公开申请');
});

test('本年度未收到政府信息公开申请 fills 三 (上年结转 kept, and said so), 四 and （二）, and 撤销 restores every value', async ({ page }) => {
  await openEditor(page, 'spj');
  const id = reportIdOf('spj', openYear());
  await expectSaved(page);
  const before = storedReport(id).content;
  const carried = before.requests.carriedIn.reduce<number>((a, v) => a + (v ?? 0), 0);
  const requestText = page.getByRole('textbox', { name: '（二）依申请公开', exact: true });
  const textBefore = await requestText.inputValue();

  await page.getByRole('button', { name: '本年度未收到政府信息公开申请' }).click();
  const ask = page.getByRole('group', { name: /本年度未收到政府信息公开申请/ });
  await expect(ask).toContainText('除“二、上年结转政府信息公开申请数量”以外的数字都填为 0');
  if (carried > 0) await expect(ask).toContainText(`上年结转 ${carried} 件`);
  await ask.getByRole('checkbox', { name: /表四也都填为 0/ }).check();
  await ask.getByRole('checkbox', { name: /（二）依申请公开/ }).check();
  await ask.getByRole('button', { name: '确认填写' }).click();

  const undo = page.getByRole('button', { name: '撤销，恢复填写前的内容' });
  await expect(undo).toBeFocused();
  for (let i = 0; i < REQUEST_COLUMNS.length; i++) {
    await expect(cell(page, requestCellName('newReceived', i))).toHaveValue('0');
    await expect(cell(page, requestCellName('carriedOver', i))).toHaveValue('0');
    await expect(cell(page, requestCellName('carriedIn', i))).toHaveValue(before.requests.carriedIn[i] == null ? '' : String(before.requests.carriedIn[i]));
  }
  await expect(cell(page, '行政复议 结果维持')).toHaveValue('0');
  await expect(requestText).toHaveValue(new RegExp(`${openYear()}年，陈仓区行政审批服务局未收到`));
  await expect.poll(() => storedReport(id).content.requests.newReceived).toEqual([0, 0, 0, 0, 0, 0]);
  const filled = storedReport(id).content;
  expect(filled.requests.carriedIn).toEqual(before.requests.carriedIn);
  expect(filled.reviews.review.upheld).toBe(0);

  await undo.click();
  await expect(requestText).toHaveValue(textBefore);
  await expect(cell(page, requestCellName('newReceived', 0))).toHaveValue(before.requests.newReceived[0] == null ? '' : String(before.requests.newReceived[0]));
  await expect.poll(() => storedReport(id).content).toEqual(before);
});

test('a reviewer’s comment is marked at its cell and read out with it on focus', async ({ page }) => {
  await openEditor(page, 'scjgj');
  const punish = PROACTIVE_CELLS.find((c) => c.path === 'punishment.decisions')!;
  const c = cell(page, `${punish.rowLabel} ${punish.colLabel}`);
  await expect(c.locator('xpath=..')).toHaveClass(/has-comment/);
  await c.focus();
  await expect(popover(page)).toContainText('审核意见：行政处罚决定数量请与“双公示”平台公开数据核对一致。');
  await expect(c).toHaveAccessibleDescription(/行政处罚决定数量请与“双公示”平台公开数据核对一致/);
  // On hover too, for a clerk with a mouse.
  await c.evaluate((el) => (el as HTMLElement).blur());
  await expect(popover(page)).toBeHidden();
  await c.hover();
  await expect(popover(page)).toContainText('审核意见');
});

test('the review screen shows a cell’s earlier years on focus', async ({ page }) => {
  const history = publishedYears('jtj');
  await signIn(page, 'reviewer');
  await page.goto(`/review/${reportIdOf('jtj', openYear())}`);
  const td = page.locator('td[data-cell="requests.newReceived.total"]');
  await expect(td).toHaveAttribute('tabindex', '0');
  await td.focus();
  await expect(popover(page)).toBeVisible();
  for (const y of history) await expect(popover(page)).toContainText(`${y.year} ${formatFigure(y.values['requests.newReceived.total'])}`);
  await expect(td).toHaveAccessibleDescription(/往年/);
});
