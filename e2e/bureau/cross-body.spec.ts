import { expect, test } from '@playwright/test';
import { reportIdOf } from '../support/db';
import { openYear, signInAs } from './helpers';

/**
 * 雷同 across bodies (R14) on the review screen. Read-only, on 陈仓区交通运输局 (jtysj), whose
 * open-year report is submitted in the demo and which no other spec uses: the demo plants one copy,
 * its 平台建设 paragraph taken over from 陈仓区住房和城乡建设局's (packages/db/src/seed/narrative.ts).
 */

test('the reviewer sees a 雷同 warning naming the other body and reads both texts side by side with the shared passages marked', async ({ page }, info) => {
  const id = reportIdOf('jtysj', openYear());
  await signInAs(page, 'reviewer');
  await page.goto(`/review/${id}`);

  const checks = page.getByRole('complementary', { name: '审核意见和检查提示' });
  const warning = checks.getByRole('listitem').filter({ hasText: '同年报告的同一部分雷同' }).first();
  await expect(warning).toContainText(/与陈仓区.+同年报告的同一部分雷同（相似度(最高)?\d+%）/);
  const named = (await warning.textContent())!.match(/与(陈仓区[^等同]+?)(等\d+个单位)?同年报告/)![1]!;
  await warning.getByRole('button', { name: '并排查看' }).click();

  const tab = page.getByRole('tab', { name: /同年雷同/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: /同年雷同/ });
  const card = panel.locator('section[data-target]').first();
  await expect(card.locator('h4').first()).toHaveText('本报告（陈仓区交通运输局）');
  await expect(card.locator('h4').nth(1)).toContainText(named);
  // Both texts carry marks, and the marked words are the same on both sides.
  const mine = card.locator('[data-side="mine"] mark');
  const theirs = card.locator('[data-side="theirs"] mark');
  await expect(mine.first()).toBeVisible();
  await expect(theirs.first()).toBeVisible();
  const strip = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const longestMine = (await mine.allTextContents()).map(strip).sort((a, b) => b.length - a.length)[0]!;
  expect(strip((await card.locator('[data-side="theirs"]').textContent())!)).toContain(longestMine.slice(0, 12));
  // The marks are elements the page built, not HTML from the text.
  expect(await card.locator('[data-side="mine"] *:not(mark)').count()).toBe(0);

  await page.screenshot({ path: info.outputPath('cross-body-desktop.png'), fullPage: false });

  // Another body of the list can be compared instead.
  const choice = card.getByRole('combobox');
  if ((await choice.count()) > 0 && (await choice.locator('option').count()) > 1) {
    const second = (await choice.locator('option').nth(1).textContent())!.replace(/（\d+%）$/, '');
    await choice.selectOption({ index: 1 });
    await expect(card.locator('h4').nth(1)).toContainText(second);
  }

  await page.setViewportSize({ width: 375, height: 800 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('cross-body-phone.png'), fullPage: false });
});
