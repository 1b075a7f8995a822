import { expect, test, type Page } from '@playwright/test';
import { queryDb } from '../support/db';
import { createDepartmentWithAccount, signInAndChangePassword, SLOW, unique } from '../admin/helpers';

// Works only on a department this spec creates (unique name) and its own draft. The Word file is
// the portal's own rendering of 陈仓区科学技术局 (kjj)'s published report, which this spec only
// reads; no other spec uses kjj.

const openYear = () => queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC')[0]!.year;
const published = (code: string, year: number) =>
  queryDb<{ id: number; content: string }>('SELECT p.id, p.content FROM publications p JOIN departments d ON d.id = p.department_id WHERE d.code = ? AND p.year = ? AND p.current = 1', code, year)[0]!;

test.describe.configure({ timeout: 180_000 });

test('a clerk fills a draft from a Word file, is asked before anything typed is replaced, and can undo it', async ({ page }) => {
  const id = unique();
  const name = `陈仓区文档导入${id}局`;
  const source = published('kjj', openYear() - 1);
  const content = JSON.parse(source.content);
  const { username, password } = await createDepartmentWithAccount(page, { name, code: `w${id}` });
  const docx = await (await page.request.get(`/reports/${source.id}/docx`)).body();

  await signInAndChangePassword(page, username, password);
  await leavePasswordPage(page, password);
  await expect(page).toHaveURL(/\/dept$/, SLOW);
  await page.getByRole('button', { name: '新建年报' }).click();
  await expect(page).toHaveURL(/\/dept\/reports\/\d+$/, SLOW);

  // Something typed before the import: 一、本年新收 自然人.
  const natural = page.locator('input[data-target="requests.newReceived.natural"]');
  await natural.fill('999');
  await natural.press('Tab');

  await page.getByLabel('选择要导入的 Word 文件').setInputFiles({
    name: '本单位年报.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx,
  });
  const ask = page.getByRole('alertdialog', { name: '确认覆盖已填写的内容' });
  await expect(ask).toBeVisible(SLOW);
  await expect(ask.getByText(`已填 999，Word 中为 ${content.requests.newReceived[0]}`)).toBeVisible();

  // Only the blanks: what was typed stays, the rest is filled.
  await ask.getByRole('button', { name: '只填写空白项' }).click();
  await expect(page.getByRole('status').getByText(/已从 Word 文件填写 \d+ 个数字和 \d+ 个部分/)).toBeVisible(SLOW);
  await expect(natural).toHaveValue('999');
  await expect(page.locator('input[data-target="requests.newReceived.commercial"]')).toHaveValue(String(content.requests.newReceived[1]));
  await expect(page.locator('input[data-target="reviews.review.upheld"]')).toHaveValue(String(content.reviews.review.upheld));
  await expect(page.locator('#contact-person')).toHaveValue(content.contact.person);

  // One click puts the form back as it was.
  await page.getByRole('button', { name: '载入导入前内容' }).click();
  await expect(page.locator('input[data-target="requests.newReceived.commercial"]')).toHaveValue('');
  await expect(page.locator('#contact-person')).toHaveValue('');
  await expect(natural).toHaveValue('999');

  // Imported again, this time replacing what was typed; the draft is saved by itself.
  await page.getByLabel('选择要导入的 Word 文件').setInputFiles({ name: '本单位年报.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
  await ask.getByRole('button', { name: '覆盖这些内容' }).click();
  await expect(natural).toHaveValue(String(content.requests.newReceived[0]));
  await expect
    .poll(() => JSON.parse(queryDb<{ content: string }>('SELECT content FROM reports WHERE id = ?', Number(page.url().split('/').pop()))[0]!.content).requests.newReceived, SLOW)
    .toEqual(content.requests.newReceived);
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
