import { expect, test, type Page } from '@playwright/test';
import { OFFICIAL_HEADERS } from '@ccgov/report';
import { signIn } from '../support/auth';
import { reportIdOf } from '../support/db';
import { closedYear, currentPublications } from './helpers';
import { openYear } from '../department/form';

// Read-only. The web renderers' table headers, read back from the page (text, colspan, rowspan),
// against the official layout as REPORT_FORMAT.md spells it out.

async function headerOf(page: Page, table: 'requests' | 'reviews') {
  return page.locator(`table[data-table="${table}"] thead tr`).evaluateAll((rows) =>
    rows.map((tr) =>
      [...tr.querySelectorAll('th')].map((th) => ({
        text: th.textContent!.trim(),
        colSpan: (th as HTMLTableCellElement).colSpan,
        rowSpan: (th as HTMLTableCellElement).rowSpan,
      })),
    ),
  );
}

const year = closedYear();
const [pub] = currentPublications('year = ?', year);

test('the public report page draws tables 三 and 四 with the official headers', async ({ page }) => {
  await page.goto(`/reports/${pub!.id}`);
  expect(await headerOf(page, 'requests')).toEqual(OFFICIAL_HEADERS.requests);
  expect(await headerOf(page, 'reviews')).toEqual(OFFICIAL_HEADERS.reviews);
});

test('全区汇总 draws the same headers', async ({ page }) => {
  await page.goto(`/summary?year=${year}`);
  expect(await headerOf(page, 'requests')).toEqual(OFFICIAL_HEADERS.requests);
  expect(await headerOf(page, 'reviews')).toEqual(OFFICIAL_HEADERS.reviews);
});

test('the editor shows its inputs under the same headers', async ({ page }) => {
  // Opens 平台镇's draft of the open year (keyboard.spec types in it); only reads the headers.
  await signIn(page, 'ptz');
  await page.goto(`/dept/reports/${reportIdOf('ptz', openYear())}`);
  await expect(page.locator('table[data-table="requests"] input').first()).toBeVisible();
  expect(await headerOf(page, 'requests')).toEqual(OFFICIAL_HEADERS.requests);
  expect(await headerOf(page, 'reviews')).toEqual(OFFICIAL_HEADERS.reviews);
});

test('the review screen shows the same headers', async ({ page }) => {
  await signIn(page, 'reviewer');
  await page.goto(`/review/${reportIdOf('sjj', year)}`);
  await expect(page.locator('table[data-table="requests"]')).toBeVisible();
  expect(await headerOf(page, 'requests')).toEqual(OFFICIAL_HEADERS.requests);
  expect(await headerOf(page, 'reviews')).toEqual(OFFICIAL_HEADERS.reviews);
});
