import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

// Changes nothing: the demo always has reports in review, so lowering the level is refused.
test('the administrator sees the number of sign-offs and cannot lower it while reviews in progress would be stranded', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/years');
  const form = page.getByRole('form', { name: '审核级数' });
  await expect(form.getByRole('radio', { name: /2级（初审、终审）/ })).toBeChecked();
  await form.getByRole('radio', { name: /1级（审核）/ }).check();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByRole('alert')).toContainText(/有\d+份报告正在审核且已有1级以上审核/);
  await page.reload();
  await expect(page.getByRole('form', { name: '审核级数' }).getByRole('radio', { name: /2级（初审、终审）/ })).toBeChecked();
});
