import { afterAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@ccgov/auth';
import { auditActionLabel, auditDetailText, reportEventLabel } from '@ccgov/report';
import { harness } from './test-utils';

/** 审计日志 in Chinese: the acts as the report history names them, status changes as 草稿 → 待审核. */
const h = harness();
afterAll(() => h.cleanup());

describe('the audit log’s wording', () => {
  it('names a new report, a draft save and a submission as the report history does, with the status change in Chinese', async () => {
    // sjj has not started the open year: 新建年报 and 保存草稿.
    const dept = h.as('sjj');
    const created = await dept.department.create({ year: h.openYear });
    const own = await dept.department.get({ id: created.id });
    await dept.department.save({ id: created.id, version: own.report.version, content: own.report.content });
    // kjj's report was returned: 提交审核 again, 已退回 → 待审核.
    const kjj = h.reportId('kjj', h.openYear);
    await h.as('kjj').department.submit({ id: kjj, version: h.report(kjj).version });

    const admin = h.as('admin');
    const mine = (await admin.audit.list({ username: 'sjj', action: 'report.', page: 1 })).rows.map((r) => r.actionLabel);
    expect(mine).toEqual(['保存草稿', '新建年报']);
    expect(reportEventLabel('create')).toBe('新建年报');
    const [submit] = (await admin.audit.list({ username: 'kjj', action: 'report.submit', page: 1 })).rows;
    expect(submit).toMatchObject({ actionLabel: '提交审核', detail: 'returned → submitted', detailText: '已退回 → 待审核' });
    expect(reportEventLabel('submit')).toBe(submit!.actionLabel);
  });

  it('calls a failed sign-in 登录失败 and a successful one 登录, and keeps an unknown code readable', async () => {
    recordAudit(h.db, { username: 'fgj', action: 'auth.signin', outcome: 'failure', detail: '密码错误' });
    recordAudit(h.db, { username: 'fgj', action: 'auth.signin', outcome: 'success' });
    recordAudit(h.db, { username: 'fgj', action: 'report.teleport', outcome: 'success', detail: 'returned → draft' });
    recordAudit(h.db, { username: 'fgj', action: 'robot.dance', outcome: 'success' });
    const rows = (await h.as('admin').audit.list({ username: 'fgj', page: 1 })).rows;
    const label = (action: string, outcome: string) => rows.find((r) => r.action === action && r.outcome === outcome)?.actionLabel;
    expect(label('auth.signin', 'failure')).toBe('登录失败');
    expect(label('auth.signin', 'success')).toBe('登录');
    expect(label('report.teleport', 'success')).toBe('报告·其他操作（report.teleport）');
    expect(label('robot.dance', 'success')).toBe('其他操作（robot.dance）');
    expect(rows.find((r) => r.action === 'report.teleport')!.detailText).toBe('已退回 → 草稿');
  });

  it('leaves a 说明 that is not a status change as it was written', () => {
    expect(auditDetailText('保存为第3版')).toBe('保存为第3版');
    expect(auditDetailText('foo → bar')).toBe('foo → bar');
    expect(auditDetailText(null)).toBe('');
    expect(auditActionLabel('user.change_password', 'failure')).toBe('修改密码失败');
  });
});

describe('the audit log’s exports', () => {
  it('carry the page’s wording and are audited with their format and filters', async () => {
    const admin = h.as('admin');
    const csv = await admin.audit.export({ username: 'fgj', format: 'csv' });
    expect(csv.rows.find((r) => r.action === 'auth.signin' && r.outcome === 'failure')!.actionLabel).toBe('登录失败');
    await admin.audit.export({ outcome: 'failure' });
    const exports = (await admin.audit.list({ action: 'export.audit', page: 1 })).rows;
    expect(exports[0]).toMatchObject({ actionLabel: '导出审计日志', username: 'admin', detail: expect.stringMatching(/^Excel，\d+条（筛选：outcome=failure）$/) });
    expect(exports[1]).toMatchObject({ detail: expect.stringMatching(/^CSV，\d+条（筛选：username=fgj）$/) });
  });

  it('are refused to everyone but the admin', async () => {
    for (const who of ['reviewer', 'publisher', 'fgj']) {
      await expect(h.as(who).audit.export({ format: 'csv' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(h.as(null).audit.export({ format: 'csv' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
