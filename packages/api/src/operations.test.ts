import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '@ccgov/excel';
import { departments, eq, reminders, reportingYears } from '@ccgov/db';
import { chinaToday, daysUntil, realisticReport } from '@ccgov/report';
import { harness } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());
const admin = h.as('admin');
const base64 = (b: Buffer) => b.toString('base64');

describe('reporting years', () => {
  it('opens a year with the legal deadline of 31 January next year by default, and departments can then file for it', async () => {
    const year = h.openYear + 1;
    const y = await admin.years.open({ year });
    expect(y).toMatchObject({ year, legalDeadline: `${year + 1}-01-31`, internalDeadline: null, open: true });
    const r = await h.as('sjj').department.create({ year, copyText: false });
    expect(r.created).toBe(true);
  });

  it('refuses an internal deadline later than the legal one, and a year that already exists', async () => {
    await expect(admin.years.open({ year: h.openYear + 2, legalDeadline: `${h.openYear + 3}-01-31`, internalDeadline: `${h.openYear + 3}-02-10` })).rejects.toMatchObject({
      message: '区内截止日期不能晚于法定截止日期',
    });
    await expect(admin.years.open({ year: h.openYear })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin.years.open({ year: h.openYear + 2, legalDeadline: '2027-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a closed year takes no new reports', async () => {
    const year = h.openYear + 1;
    await admin.years.setOpen({ year, open: false });
    await expect(h.as('fgj').department.create({ year, copyText: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await admin.years.setOpen({ year, open: true });
  });
});

describe('the 错敏词 list', () => {
  it('an added word is flagged at the next check of a report, and a deleted one no longer is', async () => {
    const id = h.reportId('zfb', h.openYear);
    const report = h.report(id);
    const dept = h.as('zfb');
    const content = { ...report.content, problems: `${report.content.problems}本单位推行无纸化办公。` };
    await dept.department.save({ id, version: report.version, content });
    const flagged = (r: Awaited<ReturnType<typeof dept.department.get>>) => JSON.stringify(r.check).includes('无纸化');
    expect(flagged(await dept.department.get({ id }))).toBe(false);

    const w = await admin.words.create({ word: '无纸化', suggestion: '电子化', note: '测试' });
    expect(flagged(await dept.department.get({ id }))).toBe(true);

    await expect(admin.words.create({ word: '无纸化', suggestion: '', note: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await admin.words.delete({ id: w.id });
    expect(flagged(await dept.department.get({ id }))).toBe(false);
  });
});

describe('progress and reminders', () => {
  it('lists every active department for the year with its status, and the counts add up', async () => {
    const p = await admin.progress.table({ year: h.openYear });
    expect(p.rows.length).toBe(p.total);
    expect(Object.values(p.counts).reduce((a, b) => a + b, 0)).toBe(p.total);
    expect(p.rows.find((r) => r.departmentName === '陈仓区数据局')).toMatchObject({ status: 'not_started', statusLabel: '未提交', submitted: false });
    const inReview = p.rows.find((r) => r.status === 'in_review')!;
    expect(inReview.signoffs).toEqual(['初审']);
    expect(p.daysToLegal).toBe(daysUntil(chinaToday(), `${h.openYear + 1}-01-31`));
  });

  it('highlights the departments that have not submitted once the deadline has passed', async () => {
    // As if today were after the internal deadline (the form refuses a deadline before the year ends).
    const y = h.db.select().from(reportingYears).where(eq(reportingYears.year, h.openYear)).get()!;
    h.db.update(reportingYears).set({ internalDeadline: '2000-01-10' }).where(eq(reportingYears.year, h.openYear)).run();
    const p = await admin.progress.table({ year: h.openYear });
    // Late = locked: not started or a draft (a returned report was handed in, and stays correctable).
    expect(p.lateCount).toBe(p.rows.filter((r) => r.status === 'not_started' || r.status === 'draft').length);
    expect(p.rows.filter((r) => r.late).every((r) => ['not_started', 'draft'].includes(r.status))).toBe(true);
    const notice = (await h.as('zfb').progress.mine()).notices.find((n) => n.year === h.openYear)!;
    expect(notice.daysLeft).toBeLessThan(0);
    h.db.update(reportingYears).set({ internalDeadline: y.internalDeadline }).where(eq(reportingYears.year, h.openYear)).run();
  });

  it('sends a reminder only to departments that have not submitted, and each sees it with its date', async () => {
    const r = await admin.progress.remind({ year: h.openYear, message: '请于本周内提交年报。' });
    const p = await admin.progress.table({ year: h.openYear });
    expect(r.sent).toBe(p.notSubmittedCount);
    expect(r.departments).toContain('陈仓区数据局');

    const sjj = (await h.as('sjj').progress.mine()).notices.find((n) => n.year === h.openYear)!;
    expect(sjj.reminders[0]).toMatchObject({ message: '请于本周内提交年报。' });
    expect(sjj.reminders[0]!.createdAt).toBeInstanceOf(Date);
    expect(sjj.daysLeft).toBe(daysUntil(chinaToday(), sjj.deadline));

    // A submitted department gets neither a notice nor a reminder for the year.
    expect((await h.as('pxz').progress.mine()).notices.find((n) => n.year === h.openYear)).toBeUndefined();
    const pxz = h.db.select().from(departments).where(eq(departments.code, 'pxz')).get()!;
    expect(h.db.select().from(reminders).where(eq(reminders.departmentId, pxz.id)).all()).toEqual([]);
  });

  it('exporting the table is recorded in the audit log', async () => {
    await admin.progress.export({ year: h.openYear });
    const log = await admin.audit.list({ action: 'export.progress', page: 1 });
    expect(log.rows[0]).toMatchObject({ username: 'admin', target: `${h.openYear}年度` });
  });
});

describe('uploading a filled Excel template into a draft', () => {
  const filled = realisticReport();

  it('puts every figure into its cell of the draft and leaves the text as it was', async () => {
    const id = h.reportId('xjz', h.openYear);
    const before = h.report(id);
    const file = base64(await buildTemplate({ year: h.openYear, content: filled }));
    const r = await h.as('xjz').excel.importDraft({ id, version: before.version, file });
    const after = h.report(id);
    expect(after.version).toBe(before.version + 1);
    expect(r.version).toBe(after.version);
    expect(after.content.requests).toEqual(filled.requests);
    expect(after.content.proactive).toEqual(filled.proactive);
    expect(after.content.reviews).toEqual(filled.reviews);
    expect(after.content.overview).toEqual(before.content.overview);
  });

  it('refuses a file with a bad cell, naming sheet and cell with the reason, and stores nothing', async () => {
    const id = h.reportId('ptz', h.openYear);
    const before = h.report(id);
    // A clerk typed -1 into 表三 D14 (不予公开 6, 自然人) and words into 表二 B4 (规章·本年制发件数).
    const bad = structuredClone(filled);
    bad.requests.withheld6[0] = -1;
    (bad.proactive.rules as Record<string, unknown>).issued = '五件';
    const file = base64(await buildTemplate({ year: h.openYear, content: bad }));
    const err = await h
      .as('ptz')
      .excel.importDraft({ id, version: before.version, file })
      .catch((e: { message: string; cause?: { data?: { excelProblems: { text: string }[] } } }) => e);
    expect((err as { message: string }).message).toContain('未导入任何数据');
    const problems = (err as { cause: { data: { excelProblems: { text: string }[] } } }).cause.data.excelProblems.map((p) => p.text);
    expect(problems).toEqual(['表二 B4：应为非负整数', '表三 D14：应为非负整数']);
    expect(h.report(id)).toEqual(before);
  });

  it('refuses a template of another year and stores nothing', async () => {
    const id = h.reportId('ptz', h.openYear);
    const before = h.report(id);
    const file = base64(await buildTemplate({ year: h.openYear - 1, content: filled }));
    await expect(h.as('ptz').excel.importDraft({ id, version: before.version, file })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(h.report(id)).toEqual(before);
  });

  it('answers NOT_FOUND for another department’s report and refuses a submitted one', async () => {
    const file = base64(await buildTemplate({ year: h.openYear, content: filled }));
    const other = h.reportId('ptz', h.openYear);
    await expect(h.as('xjz').excel.importDraft({ id: other, version: h.report(other).version, file })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const submitted = h.reportId('gxj', h.openYear);
    await expect(h.as('gxj').excel.importDraft({ id: submitted, version: h.report(submitted).version, file })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('exports the published figures of a year, one row per department', async () => {
    const r = await admin.excel.published({ year: h.openYear - 1 });
    expect(r.rows.length).toBeGreaterThan(40);
    expect(r.rows[0]!.content.requests).toBeTruthy();
  });
});
