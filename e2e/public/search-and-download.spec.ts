import { expect, test } from '@playwright/test';
import { reportTitle } from '@ccgov/report';
import { currentPublications, docxText, downloadedBytes, figuresOf, formatAmount, closedYear, pdfText } from './helpers';

// Read-only: anonymous visitors only; nothing is changed.

test.describe('an anonymous visitor', () => {
  const year = closedYear();
  const gaj = currentPublications('department_name = ? AND year = ?', '陈仓区公安分局', year)[0]!;
  const title = reportTitle(gaj.department_name, year);
  const figures = figuresOf(gaj.content);

  test('finds a department’s report by searching its name and opens it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: '搜索部门名称或报告全文' }).fill('公安分局');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/\?q=/);
    const results = page.getByRole('region', { name: '搜索结果' });
    await expect(results.getByRole('status')).toContainText('找到');
    await results.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  });

  test('finds a report by a phrase from its full text, shown highlighted in context', async ({ page }) => {
    const phrase = gaj.content.overview.active.slice(10, 22);
    await page.goto(`/?q=${encodeURIComponent(phrase)}`);
    const results = page.getByRole('region', { name: '搜索结果' });
    await expect(results.getByRole('link', { name: title })).toBeVisible();
    await expect(results.locator('mark').first()).toHaveText(phrase);
  });

  test('reads on the report page exactly the figures that were published', async ({ page }) => {
    await page.goto(`/reports/${gaj.id}`);
    const cells = await page.locator('article [data-cell]').evaluateAll((els) =>
      els.map((e) => [(e as HTMLElement).dataset.cell!, e.textContent!.trim()] as const),
    );
    expect(cells.length).toBe(10 + 25 * 7 + 15);
    for (const [field, text] of cells) {
      const expected = field === 'proactive.fees.amount' ? formatAmount(figures[field]!) : String(figures[field]);
      expect(text, field).toBe(expected);
    }
    await expect(page.getByRole('columnheader', { name: '法人或其他组织' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: '三、本年度办理结果' })).toBeVisible();
  });

  test('downloads the PDF, which holds the department name and its figures as text', async ({ page }) => {
    await page.goto(`/reports/${gaj.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}.pdf`);
    const text = await pdfText(await downloadedBytes(download));
    expect(text).toContain(title);
    for (const key of ['requests.newReceived.total', 'proactive.licensing.decisions', 'proactive.punishment.decisions', 'requests.resultTotal.total']) {
      expect(text, key).toMatch(new RegExp(`(^|\\s)${figures[key]}(\\s|$)`));
    }
    expect(text).toContain(formatAmount(figures['proactive.fees.amount']!));
  });

  test('downloads the Word file, with real tables holding the department name and its figures', async ({ page }) => {
    await page.goto(`/reports/${gaj.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word（.docx）' }).click()]);
    expect(download.suggestedFilename()).toBe(`${title}.docx`);
    const { xml, text } = await docxText(await downloadedBytes(download));
    expect(text).toContain(title);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    for (const key of ['requests.newReceived.total', 'proactive.licensing.decisions', 'reviews.review.total']) {
      expect(text, key).toMatch(new RegExp(`(^| )${figures[key]}( |$)`));
    }
  });

  test('downloads the figures as CSV for Excel (UTF-8 with BOM) and as JSON under stable names', async ({ page, request }) => {
    await page.goto(`/reports/${gaj.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '数据 CSV' }).click()]);
    const csv = (await downloadedBytes(download)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`requests.newReceived.total,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,${figures['requests.newReceived.total']}\r\n`);

    const json = await (await request.get(`/reports/${gaj.id}/json`)).json();
    expect(json.department).toBe(gaj.department_name);
    expect(json.figures.requests.newReceived.total).toBe(figures['requests.newReceived.total']);
    expect(json.figures.reviews.suitDirect.corrected).toBe(figures['reviews.suitDirect.corrected']);
  });
});
