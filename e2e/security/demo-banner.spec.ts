import { expect, test } from '@playwright/test';
import { signIn } from '../support/auth';

const BANNER = '演示环境：账号和数据均为演示用途，请勿用于正式发布';

/** The demo database keeps its demo accounts, so every page says it is a demo. Account tjj is used only here. */
test('while demo accounts exist, public pages and the login page show the 演示环境 banner', async ({ page }) => {
  for (const path of ['/', '/summary', '/login']) {
    await page.goto(path);
    await expect(page.getByRole('complementary', { name: '演示环境提示' }), path).toHaveText(BANNER);
  }
});

test('signed-in pages show the banner too', async ({ page }) => {
  await signIn(page, 'tjj');
  await expect(page.getByRole('complementary', { name: '演示环境提示' })).toHaveText(BANNER);
});
