import { expect, test } from '@playwright/test';
import { currentPublications, closedYear } from './helpers';

// Read-only: public pages on a phone and in print.

const year = closedYear();
const [pub] = currentPublications('year = ?', year);

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const url of ['/', `/reports/${pub!.id}`, `/summary?year=${year}`, `/compare?d=${pub!.department_id}&y=${year}`]) {
    test(`${url} fits the screen; wide tables scroll inside their own box`, async ({ page }) => {
      await page.goto(url);
      const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(pageOverflow).toBeLessThanOrEqual(0);
    });
  }

  test('the table of requests scrolls sideways in its box and is reachable by keyboard', async ({ page }) => {
    await page.goto(`/reports/${pub!.id}`);
    const region = page.getByRole('region', { name: '三、收到和处理政府信息公开申请情况' });
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(clientWidth).toBeLessThanOrEqual(375);
    await expect(region).toHaveAttribute('tabindex', '0');
  });
});

test('printing a report leaves out the site header and the download links', async ({ page }) => {
  await page.goto(`/reports/${pub!.id}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '下载本报告' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
