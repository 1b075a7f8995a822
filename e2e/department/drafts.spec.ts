import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';
import { cell, expectSaved, openYear, saveState, storedReport } from './form';

/**
 * Drafts that never lose work, on 陈仓区新街镇 (xjz)'s open-year draft: no other spec uses it.
 * The tests run in order on the same report.
 */
// Two pages, several saves and a reload each: generous, since the machine running them may be busy.
test.describe.configure({ mode: 'serial', timeout: 150_000 });

const LICENSING = '行政许可 本年处理决定数量';
const PUNISHMENT = '行政处罚 本年处理决定数量';
const ENFORCEMENT = '行政强制 本年处理决定数量';

test('a second tab’s stale save is refused with a clear message and its typed value stays on screen', async ({ page, context }) => {
  const id = reportIdOf('xjz', openYear());
  const before = storedReport(id).content.proactive;
  await signIn(page, 'xjz');
  await page.goto(`/dept/reports/${id}`);
  const second = await context.newPage();
  await second.goto(`/dept/reports/${id}`);
  await expect(cell(second, PUNISHMENT)).toBeVisible();

  await cell(page, LICENSING).fill('11');
  await expectSaved(page);

  await cell(second, PUNISHMENT).fill('22');
  const refusal = second.getByRole('alert').filter({ hasText: '已在别处' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('您输入的内容仍保留在本页上');
  await expect(saveState(second)).toContainText('别处有更新');
  await expect(cell(second, PUNISHMENT)).toHaveValue('22');
  // Typing more while refused keeps it on screen too, and still nothing is overwritten.
  await cell(second, ENFORCEMENT).fill('3');
  await expect(cell(second, ENFORCEMENT)).toHaveValue('3');
  const stored = storedReport(id).content.proactive;
  expect(stored.licensing.decisions).toBe(11);
  expect(stored.punishment.decisions).toBe(before.punishment.decisions);
  expect(stored.enforcement.decisions).toBe(before.enforcement.decisions);

  // The clerk chooses: here, load the newer version that the first tab saved.
  second.once('dialog', (d) => void d.accept());
  await refusal.getByRole('button', { name: '载入最新内容（放弃本页修改）' }).click();
  await expect(cell(second, LICENSING)).toHaveValue('11');
  await expect(saveState(second)).toContainText('已保存');
});

test('after a refused save the clerk may keep this page’s values by overwriting, knowingly', async ({ page, context }) => {
  const id = reportIdOf('xjz', openYear());
  await signIn(page, 'xjz');
  await page.goto(`/dept/reports/${id}`);
  const second = await context.newPage();
  await second.goto(`/dept/reports/${id}`);
  await expect(cell(second, PUNISHMENT)).toBeVisible();

  await cell(page, LICENSING).fill('12');
  await expectSaved(page);
  await cell(second, PUNISHMENT).fill('23');
  await expect(second.getByRole('alert').filter({ hasText: '已在别处' })).toBeVisible();

  second.once('dialog', (d) => void d.accept());
  await second.getByRole('button', { name: '用本页内容覆盖保存' }).click();
  await expectSaved(second);
  const stored = storedReport(id).content.proactive;
  expect(stored.punishment.decisions).toBe(23);
  // The second tab's page never showed 12, so its save carried its own 行政许可 value.
  expect(stored.licensing.decisions).toBe(11);
});

test('a lost connection keeps the typed values, leaving asks first, and the save goes through once back online', async ({ page, context }) => {
  const id = reportIdOf('xjz', openYear());
  await signIn(page, 'xjz');
  await page.goto(`/dept/reports/${id}`);
  await expectSaved(page);
  const before = storedReport(id);

  await context.setOffline(true);
  await cell(page, ENFORCEMENT).click();
  await page.keyboard.type('7');
  await expect(page.getByRole('alert').filter({ hasText: '网络连接中断' })).toBeVisible();
  await expect(saveState(page)).toContainText('未保存');
  await expect(cell(page, ENFORCEMENT)).toHaveValue('7');
  expect(storedReport(id).version).toBe(before.version);

  // A link inside the site asks before leaving unsaved work; staying keeps everything.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole('navigation', { name: '工作栏目' }).getByRole('link', { name: '本部门年报' }).click();
  await expect.poll(() => asked).toContain('未保存');
  await expect(page).toHaveURL(new RegExp(`/dept/reports/${id}$`));

  // Closing the tab asks too (the browser's own prompt).
  let unloadPrompt = '';
  page.once('dialog', (d) => {
    unloadPrompt = d.type();
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => unloadPrompt).toBe('beforeunload');
  await expect(cell(page, ENFORCEMENT)).toHaveValue('7');

  await context.setOffline(false);
  await expect(saveState(page)).toContainText('已保存', { timeout: 30_000 });
  expect(storedReport(id).content.proactive.enforcement.decisions).toBe(7);
});
