import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { realisticReport } from '@ccgov/report';
import { signIn } from '../support/auth';
import { queryDb, reportIdOf } from '../support/db';
import { mutate, openYear, storedReport } from './form';

/**
 * 回执 and the notification bell. Departments no other spec uses: 陈仓区审计局 (shj, a seeded
 * draft: submitted here) and 陈仓区周原镇 (zyz, seeded as submitted: returned here).
 */

/** The receipt's hash recomputed from the stored version: canonical JSON (sorted keys, no spaces). */
function hashOfStoredVersion(reportId: number, version: number): string {
  const [row] = queryDb<{ content: string }>('SELECT content FROM report_versions WHERE report_id = ? AND version = ?', reportId, version);
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v;
  return createHash('sha256').update(JSON.stringify(sortKeys(JSON.parse(row!.content)))).digest('hex');
}

/** GET from inside the signed-in page: status, content type and the first five bytes. */
function fetchFromPage(page: Page, url: string) {
  return page.evaluate(async (u) => {
    const res = await fetch(u);
    const bytes = new Uint8Array(await res.arrayBuffer()).subarray(0, 5);
    return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes) };
  }, url);
}

/** Moderate, serious and critical accessibility findings (as the public accessibility spec counts them). */
async function notableViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('after 提交审核 the clerk opens 查看回执: number, version and the SHA-256 of what was submitted; the PDF downloads', async ({ page, browser }) => {
  const year = openYear();
  const id = reportIdOf('shj', year);
  await signIn(page, 'shj');
  // The scene: a complete report saved as the draft (typing it is the filing spec's business).
  await mutate(page, 'department.save', { id, version: storedReport(id).version, content: realisticReport({ year, body: '陈仓区审计局' }) });

  await page.goto(`/dept/reports/${id}`);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await expect(page.getByText('报告已提交，等待数据局审核')).toBeVisible();

  const [receipt] = queryDb<{ id: number; receipt_no: string; version: number; content_sha256: string; ruleset_version: string }>(
    "SELECT id, receipt_no, version, content_sha256, ruleset_version FROM receipts WHERE report_id = ? AND act = 'submit' ORDER BY id DESC LIMIT 1",
    id,
  );
  expect(receipt).toBeTruthy();
  expect(receipt!.content_sha256).toBe(hashOfStoredVersion(id, receipt!.version));

  await page.getByRole('link', { name: '查看回执' }).click();
  await expect(page).toHaveURL(new RegExp(`/dept/receipts/${receipt!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: '政府信息公开工作年度报告回执' })).toBeVisible();
  const field = (label: string) => page.locator(`dd[data-field="${label}"]`);
  await expect(field('回执编号')).toHaveText(receipt!.receipt_no);
  await expect(field('事项')).toHaveText('提交审核');
  await expect(field('报送单位')).toHaveText('陈仓区审计局');
  await expect(field('版本号')).toContainText(`第 ${receipt!.version} 版`);
  await expect(field('内容 SHA-256')).toContainText(receipt!.content_sha256);
  await expect(field('校验规则版本')).toHaveText(receipt!.ruleset_version);
  await expect(field('校验结果')).toContainText('错误 0 处');
  expect(await notableViolations(page)).toEqual([]);

  // 下载 PDF: a real PDF, named by the receipt number.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`回执-${receipt!.receipt_no}.pdf`);
  // Fetched by the page itself (APIRequestContext reuses keep-alive sockets the server has closed).
  expect(await fetchFromPage(page, `/dept/receipts/${receipt!.id}/pdf`)).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });

  // The report page lists it too.
  await page.goto(`/dept/reports/${id}`);
  await expect(page.getByRole('table', { name: '回执' }).getByRole('link', { name: receipt!.receipt_no })).toBeVisible();

  // The reviewer sees it on the review screen, and opens the same receipt.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, 'reviewer');
  await reviewer.goto(`/review/${id}`);
  await reviewer.getByRole('table', { name: '回执' }).getByRole('link', { name: receipt!.receipt_no }).click();
  await expect(reviewer.locator('dd[data-field="内容 SHA-256"]')).toContainText(receipt!.content_sha256);
  await reviewerContext.close();
});

test('another department cannot open the receipt or its PDF', async ({ page }) => {
  const id = reportIdOf('shj', openYear());
  const [receipt] = queryDb<{ id: number }>('SELECT id FROM receipts WHERE report_id = ? ORDER BY id LIMIT 1', id);
  test.skip(!receipt, 'the receipt is written by the test above');
  await signIn(page, 'ybj');
  expect((await fetchFromPage(page, `/dept/receipts/${receipt!.id}/pdf`)).status).toBe(404);
  await page.goto(`/dept/receipts/${receipt!.id}`);
  await expect(page.getByText('回执编号')).toHaveCount(0);
});

test('a return with a comment: the clerk’s bell shows 1, the list shows the comment, opening it marks it read', async ({ page, browser }) => {
  const id = reportIdOf('zyz', openYear());
  const comment = '表三“予以公开”件数请与办件台账再核对一次（周原镇）。';
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, 'reviewer');
  await mutate(reviewer, 'review.return', { id, version: storedReport(id).version, comments: [{ target: 'requests.granted.natural', body: comment }] });
  await reviewerContext.close();

  await signIn(page, 'zyz');
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName('通知 1 条未读');
  await expect(page.getByTestId('notification-count')).toHaveText('1');

  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  await expect(page.getByText('不发送电子邮件或短信')).toBeVisible();
  const item = page.getByRole('list', { name: '通知列表' }).getByRole('listitem').first();
  await expect(item).toHaveAttribute('data-unread', 'true');
  await expect(item).toContainText(`${openYear()}年度报告被退回修改`);
  await expect(item).toContainText(comment);
  expect(await notableViolations(page)).toEqual([]);

  // Opening it goes to the report and marks it read: the bell has no count any more.
  await item.getByRole('button', { name: `${openYear()}年度报告被退回修改` }).click();
  await expect(page).toHaveURL(new RegExp(`/dept/reports/${id}$`));
  await expect(bell).toHaveAccessibleName('通知（没有未读）');
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  const [row] = queryDb<{ read_at: number | null }>(
    "SELECT n.read_at FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'zyz' AND n.report_id = ? AND n.kind = 'returned'",
    id,
  );
  expect(row!.read_at).not.toBeNull();

  await page.goto('/account/notifications');
  await expect(page.getByRole('list', { name: '通知列表' }).getByRole('listitem').first()).toHaveAttribute('data-unread', 'false');
  await expect(page.getByTestId('unread-summary')).toHaveText('没有未读通知');
});
