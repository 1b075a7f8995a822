import { expect, test } from '@playwright/test';
import { reportIdOf } from '../support/db';
import { mutate, openYear, reportVersion, signInAs } from './helpers';

/**
 * Two bureau staff acting on the same report at the same moment. Uses 陈仓区赤沙镇 (csz)'s
 * open-year report only; no other spec touches it.
 */
test('when two people sign off the same version, the second is told someone acted first and sees the new state', async ({ browser }) => {
  test.setTimeout(180_000);
  const id = reportIdOf('csz', openYear());
  const dept = await (await browser.newContext()).newPage();
  await signInAs(dept, 'csz');
  await mutate(dept, 'department.submit', { id, version: reportVersion(id) });

  const reviewer = await (await browser.newContext()).newPage();
  const publisher = await (await browser.newContext()).newPage();
  await signInAs(reviewer, 'reviewer');
  await signInAs(publisher, 'publisher');
  // Both open the report while it is 待审核: each is offered the 初审.
  await reviewer.goto(`/review/${id}`);
  await publisher.goto(`/review/${id}`);
  await expect(publisher.getByRole('button', { name: '审核通过（初审）' })).toBeVisible();

  await reviewer.getByRole('button', { name: '审核通过（初审）' }).click();
  await reviewer.getByRole('button', { name: '确认审核通过（初审）' }).click();
  await expect(reviewer.getByText('已审核通过（初审）')).toBeVisible();

  // The publisher's page still shows the old state; acting on it is refused and explained.
  await publisher.getByRole('button', { name: '审核通过（初审）' }).click();
  await publisher.getByRole('button', { name: '确认审核通过（初审）' }).click();
  await expect(publisher.getByRole('alert').filter({ hasText: '操作未生效' })).toHaveText('操作未生效：其他人刚刚处理了这份报告，报告现在是“审核中”。页面已更新为最新状态，请查看后再决定下一步。');
  await expect(publisher.getByRole('list', { name: '签批进度' })).toContainText('初审 ✓ 数据局审核人');
  await expect(publisher.getByRole('button', { name: '审核通过（终审）' })).toBeVisible();
});
