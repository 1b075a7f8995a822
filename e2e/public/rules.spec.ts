import { expect, test } from '@playwright/test';
import { RULES, RULESET_VERSION } from '@ccgov/report';
import { signIn } from '../support/auth';
import { queryDb } from '../support/db';

/**
 * The public rule book (/rules), the 校验 line of a public report and the admin's 需说明 page. Read-only: it changes no
 * report and no setting, so it uses no department of its own.
 */

test('a visitor finds the rule book from the header: every rule with its id, severity, description and version', async ({ page }, info) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '公开栏目' }).getByRole('link', { name: '校验规则' }).click();
  await expect(page).toHaveURL(/\/rules$/);
  await expect(page.getByRole('heading', { level: 1, name: '校验规则' })).toBeVisible();
  await expect(page.getByTestId('ruleset-version')).toHaveText(RULESET_VERSION);

  const table = page.locator('table[data-table="rules"]');
  await expect(table.locator('tbody tr')).toHaveCount(RULES.length);
  for (const rule of RULES) {
    const row = table.locator(`tr#${rule.id}`);
    await expect(row.getByRole('rowheader')).toHaveText(rule.id);
    await expect(row).toContainText(rule.title);
    await expect(row).toContainText(rule.description);
    await expect(row).toContainText(`${rule.added} 新增`);
  }
  await expect(table.locator('tr#R01')).toContainText('错误');
  await expect(table.locator('tr#R14')).toContainText('提示');

  await page.screenshot({ path: info.outputPath('rules-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  // On a phone the page does not scroll sideways; the table scrolls inside its box if it must.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: info.outputPath('rules-phone.png'), fullPage: true });
});

test('the rule book downloads as CSV (with BOM, one line per rule) and as JSON with the rule-set version', async ({ page }) => {
  await page.goto('/rules');
  const csvLink = page.getByRole('navigation', { name: '下载规则表' }).getByRole('link', { name: 'CSV' });
  const csv = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = (await csv.body()).toString('utf8');
  expect(text.startsWith('\uFEFF编号,规则,级别,说明')).toBe(true);
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(RULES.length + 1);
  expect(lines[4]).toContain('R04');

  const jsonHref = await page.getByRole('navigation', { name: '下载规则表' }).getByRole('link', { name: 'JSON' }).getAttribute('href');
  const json = await page.request.get(jsonHref!);
  expect(json.headers()['content-type']).toContain('application/json');
  const book = (await json.json()) as { version: string; rules: { id: string; severity: string; description: string; added: string; changed: string }[] };
  expect(book.version).toBe(RULESET_VERSION);
  expect(book.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  expect(book.rules[0]).toMatchObject({ severity: '错误', added: '1.0.0' });
});

test('a public report shows how it passed the checker and under which rule-set version', async ({ page }) => {
  const [pub] = queryDb<{ id: number }>('SELECT id FROM publications WHERE current = 1 AND withdrawn_at IS NULL ORDER BY id LIMIT 1');
  await page.goto(`/reports/${pub!.id}`);
  // The demo's publications carry their 发布 receipt (seeded with the history), so the line names the
  // version recorded when the report was published.
  await expect(page.getByTestId('check-line')).toHaveText(new RegExp(`^校验：通过 \\d+ 项规则（发布时规则版本 ${RULESET_VERSION.replace(/\./g, '\\.')}），`));
  await page.getByTestId('check-line').getByRole('link', { name: '校验' }).click();
  await expect(page).toHaveURL(/\/rules$/);
});

test('the admin sees which warning rules can be set to 需说明, beside the other settings (nothing is saved here)', async ({ page }, info) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: '管理栏目' }).getByRole('link', { name: '校验规则' }).click();
  const form = page.getByRole('form', { name: '需说明的规则' });
  const boxes = form.getByRole('checkbox');
  // Only the 提示 rules the department's own checker raises: R07–R13 (R14 compares with other bodies).
  await expect(boxes).toHaveCount(RULES.filter((r) => r.severity === '提示').length - 1);
  await expect(form.getByRole('button', { name: '保存' })).toBeDisabled();
  await boxes.first().check();
  await expect(form.getByRole('button', { name: '保存' })).toBeEnabled();
  await page.screenshot({ path: info.outputPath('admin-rules.png'), fullPage: true });
});
