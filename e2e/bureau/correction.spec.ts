import { expect, test } from '@playwright/test';
import { reportIdOf } from '../support/db';
import { currentPublicationId, mutate, openYear, query, reportVersion, signInAs } from './helpers';

/**
 * Corrections and withdrawals of published reports. Uses the previous year's reports of
 * 陈仓区香泉镇 (xqz) and 陈仓区赤沙镇 (csz) only; no other spec changes them.
 */
test('更正: the public keeps the old version during the correction, then reads the corrected report with a dated 更正说明 and can still open the earlier one', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const year = openYear() - 1;
  const id = reportIdOf('xqz', year);
  const original = currentPublicationId(id)!;
  const reason = '表三“予以公开”一栏数据填报有误，予以更正。';

  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, 'reviewer');
  await reviewer.goto(`/review/${id}`);
  await reviewer.getByRole('button', { name: '更正' }).click();
  await reviewer.getByRole('button', { name: '确认更正' }).click();
  await expect(reviewer.getByRole('alert').filter({ hasText: '请填写' })).toHaveText('请填写更正原因');
  await reviewer.getByLabel('更正原因（将向公众公布）').fill(reason);
  await reviewer.getByRole('button', { name: '确认更正' }).click();
  await expect(reviewer.getByText('已退回部门更正；更正期间公众仍看到原发布版本')).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/reports/${original}`);
  await expect(visitor.getByRole('heading', { name: `陈仓区香泉镇${year}年政府信息公开工作年度报告` })).toBeVisible();

  // The department corrects the figure (setting the scene through its API) and submits again.
  const dept = await (await browser.newContext()).newPage();
  await signInAs(dept, 'xqz');
  const { report } = await query<{ report: { content: { requests: { newReceived: number[]; granted: number[] } } } }>(dept, 'department.get', { id });
  const content = report.content;
  content.requests.newReceived[0]! += 1;
  content.requests.granted[0]! += 1;
  const saved = (await mutate(dept, 'department.save', { id, version: reportVersion(id), content })) as { version: number };
  await mutate(dept, 'department.submit', { id, version: saved.version });

  await reviewer.goto(`/review/${id}`);
  await expect(reviewer.getByRole('note').filter({ hasText: '更正后重新提交' })).toContainText('共有 2 处修改');
  await reviewer.getByRole('button', { name: '审核通过（初审）' }).click();
  await reviewer.getByRole('button', { name: '确认审核通过（初审）' }).click();
  await expect(reviewer.getByText('已审核通过（初审）')).toBeVisible();

  const publisher = await (await browser.newContext()).newPage();
  await signInAs(publisher, 'publisher');
  await publisher.goto(`/review/${id}`);
  await publisher.getByRole('button', { name: '审核通过（终审）' }).click();
  await publisher.getByRole('button', { name: '确认审核通过（终审）' }).click();
  await expect(publisher.getByText('报告已通过')).toBeVisible();
  await publisher.getByRole('button', { name: '发布', exact: true }).click();
  await publisher.getByRole('button', { name: '确认发布' }).click();
  await expect(publisher.getByText('已发布，公众现在可以在公开门户阅读本报告')).toBeVisible();

  const corrected = currentPublicationId(id)!;
  expect(corrected).not.toBe(original);
  await visitor.goto(`/reports/${corrected}`);
  await expect(visitor.getByRole('complementary', { name: '更正说明' })).toContainText(reason);
  await expect(visitor.getByRole('complementary', { name: '更正说明' })).toContainText(/更正说明（\d{4}/);
  await visitor.getByRole('navigation', { name: '历史版本' }).getByRole('link').first().click();
  await expect(visitor).toHaveURL(new RegExp(`/reports/${original}$`));
  await expect(visitor.getByRole('note')).toContainText('这是该报告更早发布的版本');
});

test('撤销发布 with a reason takes the report off the public site and the event stays in its history', async ({ browser }) => {
  test.setTimeout(180_000);
  const year = openYear() - 1;
  const id = reportIdOf('csz', year);
  const pub = currentPublicationId(id)!;
  const visitor = await (await browser.newContext()).newPage();
  const title = `陈仓区赤沙镇${year}年政府信息公开工作年度报告`;
  expect((await visitor.goto(`/reports/${pub}`))?.status()).toBe(200);
  await visitor.goto(`/?year=${year}`);
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(1);

  const publisher = await (await browser.newContext()).newPage();
  await signInAs(publisher, 'publisher');
  await publisher.goto(`/review/${id}`);
  await publisher.getByRole('button', { name: '撤销发布' }).click();
  await publisher.getByLabel('撤销原因').fill('发现公开内容含有个人信息，暂时撤下处理。');
  await publisher.getByRole('button', { name: '确认撤销发布' }).click();
  await expect(publisher.getByText('已撤销发布，公众不再能看到本报告')).toBeVisible();
  await publisher.getByRole('tab', { name: /历史/ }).click();
  await expect(publisher.getByRole('table', { name: '操作记录' }).getByRole('row').last()).toContainText('发现公开内容含有个人信息，暂时撤下处理。');

  expect((await visitor.goto(`/reports/${pub}`))?.status()).toBe(404);
  await visitor.goto(`/?year=${year}`);
  await expect(visitor.getByRole('link', { name: title })).toHaveCount(0);
});
