import { expect, type Locator, type Page } from '@playwright/test';
import {
  CONTACT_FIELDS,
  OVERVIEW_PARTS,
  PROACTIVE_CELLS,
  REQUEST_COLUMNS,
  REQUEST_INPUT_ROWS,
  REQUEST_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  SECTION_HEADINGS,
  computeTotals,
  getProactive,
  requestRowWithTotal,
  requestRowFullLabel,
  reviewBlockFullLabel,
  type ReportContent,
} from '@ccgov/report';
import { queryDb } from '../support/db';

/** The reporting year open for filing in this run's database. */
export function openYear(): number {
  const [row] = queryDb<{ year: number }>('SELECT year FROM reporting_years WHERE open = 1 ORDER BY year DESC LIMIT 1');
  if (!row) throw new Error('no open reporting year');
  return row.year;
}

export function storedReport(id: number): { status: string; version: number; content: ReportContent; explanations: Record<string, string> } {
  const row = queryDb<{ status: string; version: number; content: string; explanations: string }>(
    'SELECT status, version, content, explanations FROM reports WHERE id = ?',
    id,
  )[0]!;
  return { ...row, content: JSON.parse(row.content), explanations: JSON.parse(row.explanations) };
}

/** A number cell, found the way a screen reader user would: row label + column label. */
export function cell(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

export const requestCellName = (row: (typeof REQUEST_INPUT_ROWS)[number]['key'], col: number) =>
  `${requestRowFullLabel(row)} ${REQUEST_COLUMNS[col]!.label}`;

/** Type the figures of tables 二 and 四 into the form, cell by cell. */
export async function typeSmallTables(page: Page, content: ReportContent) {
  for (const c of PROACTIVE_CELLS) {
    await cell(page, `${c.rowLabel} ${c.colLabel}`).fill(String(getProactive(content, c.path)));
  }
  for (const b of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) {
      await cell(page, `${reviewBlockFullLabel(b.key)} ${r.label}`).fill(String(content.reviews[b.key][r.key]));
    }
  }
}

/**
 * Table 三 as a clerk copies it out of the official spreadsheet: all 25 rows with their seven
 * columns, 总计 and （七）总计 included, tab between cells and a line per row.
 */
export function requestsAsSpreadsheet(content: ReportContent): string {
  const totals = computeTotals(content);
  return REQUEST_ROWS.map((row) => requestRowWithTotal(content, totals, row.key).join('\t')).join('\r\n') + '\r\n';
}

/** Paste text into the focused element the way the browser does for Ctrl+V. */
export async function pasteIntoFocused(page: Page, text: string) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Type the contact, the opening and every text section. */
export async function enterText(page: Page, content: ReportContent) {
  for (const f of CONTACT_FIELDS) await page.getByRole('textbox', { name: f.label, exact: true }).fill(content.contact[f.key]);
  await page.getByRole('textbox', { name: '报告开头说明' }).fill(content.opening);
  await page.getByRole('textbox', { name: '导语（选填）' }).fill(content.overview.lead);
  for (const part of OVERVIEW_PARTS) await page.getByRole('textbox', { name: part.label, exact: true }).fill(content.overview[part.key]);
  await page.getByRole('textbox', { name: SECTION_HEADINGS.problems }).fill(content.problems);
  await page.getByRole('textbox', { name: SECTION_HEADINGS.other }).fill(content.other);
}

/** The 已保存 / 保存中 / 未保存 indicator in the editor's bar. */
export function saveState(page: Page): Locator {
  return page.locator('.editor-bar [role="status"]').first();
}

export async function expectSaved(page: Page) {
  await expect(saveState(page)).toContainText('已保存');
}

export function checkPanel(page: Page): Locator {
  return page.getByRole('region', { name: '校验结果' });
}

/** A tRPC mutation from a signed-in page, for setting the scene (not for what the test checks). */
export async function mutate(page: Page, path: string, input: unknown): Promise<unknown> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  if (!res.ok()) throw new Error(`${path} failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}
