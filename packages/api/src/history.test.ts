import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { auditLog, desc, eq, publications, reportEvents } from '@ccgov/db';
import { reportDocx } from '@ccgov/documents';
import { seedReport2024, type ReportContent } from '@ccgov/report';
import { harness } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());
const reviewer = h.as('reviewer');
const BODY = '陈仓区历史导入测试局';

const docxOf = async (body: string, year: number, content: ReportContent = seedReport2024()) =>
  (await reportDocx({ id: 1, departmentName: body, departmentKind: 'department', year, publishedAt: new Date('2024-01-20T02:00:00Z'), content, correctionNote: null, supersedesId: null, current: true })).toString('base64');

describe('管理 → 导入历史报告', async () => {
  const dept = await h.as('admin').admin.createDepartment({ name: BODY, code: 'lsdr', kind: 'department' });
  const departmentId = (dept as { id: number }).id;
  const file = await docxOf(BODY, 2022);

  it('reading a Word file shows its body, year and figures with their sources, and stores nothing', async () => {
    const before = h.db.select().from(publications).all().length;
    const { items } = await reviewer.history.parse({ name: '2022年报.docx', file });
    expect(items).toHaveLength(1);
    const item = items[0]!;
    if (!item.ok) throw new Error(item.error);
    expect(item.body).toBe(BODY);
    expect(item.year).toBe(2022);
    expect(item.content.requests).toEqual(seedReport2024().requests);
    expect(item.sources['requests.newReceived.natural']?.text).toBeTruthy();
    expect(h.db.select().from(publications).all().length).toBe(before);
  });

  it('the targets list the new department without reports', async () => {
    const targets = await reviewer.history.targets();
    expect(targets.find((t) => t.id === departmentId)).toMatchObject({ name: BODY, years: [] });
  });

  it('confirming the import publishes the report, marks it imported and audits the source hash', async () => {
    const r = await reviewer.history.commit({ source: { name: '2022年报.docx', file }, departmentId, year: 2022, publishedDate: '2023-01-18' });
    expect(r.corrected).toBe(false);
    const event = h.db.select().from(reportEvents).where(eq(reportEvents.reportId, r.reportId)).get()!;
    expect(event.action).toBe('imported');
    expect(event.comment).toMatch(/^历史导入：2022年报\.docx（SHA-256 [0-9a-f]{64}）$/);
    const audit = h.db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(audit.action).toBe('report.import');
    const pub = await h.as(null).public.get({ id: r.publicationId! });
    expect(pub.imported).toBe(true);
    expect(pub.publication.publishedAt.toISOString()).toBe('2023-01-17T16:00:00.000Z');
    expect(pub.publication.content.requests).toEqual(seedReport2024().requests);
  });

  it('a report filed through the portal is not marked as imported', async () => {
    const id = h.db.select().from(publications).where(eq(publications.departmentName, '陈仓区发展和改革局')).all().find((p) => p.current)!.id;
    expect((await h.as(null).public.get({ id })).imported).toBe(false);
  });

  it('importing the same body and year again is a correction and needs a reason', async () => {
    const changed = seedReport2024();
    changed.problems = '更正后的问题说明。';
    const again = { source: { name: '2022年报-更正.docx', file: await docxOf(BODY, 2022, changed) }, departmentId, year: 2022 };
    await expect(reviewer.history.commit(again)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('更正原因') });
    const r = await reviewer.history.commit({ ...again, reason: '原文件第五部分有误' });
    expect(r.corrected).toBe(true);
    const current = h.db.select().from(publications).where(eq(publications.reportId, r.reportId)).all().filter((p) => p.current);
    expect(current).toHaveLength(1);
    expect(current[0]!.correctionNote).toBe('原文件第五部分有误');
    expect(current[0]!.content.problems).toBe('更正后的问题说明。');
  });

  it('a body and year filed through the portal is refused and nothing changes', async () => {
    const fgj = h.db.select().from(publications).where(eq(publications.departmentName, '陈仓区发展和改革局')).all().find((p) => p.year === h.openYear - 1)!;
    const before = h.db.select().from(publications).all().length;
    await expect(reviewer.history.commit({ source: { name: 'x.docx', file }, departmentId: fgj.departmentId, year: fgj.year, reason: '试图覆盖' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(h.db.select().from(publications).all().length).toBe(before);
  });

  it('a .zip of reports is read file by file; a .doc inside gets the save-as message', async () => {
    const zip = new JSZip();
    zip.file('2021.docx', Buffer.from(await docxOf(BODY, 2021), 'base64'));
    zip.file('旧格式.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    const data = (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
    const { items } = await reviewer.history.parse({ name: '历年报告.zip', file: data });
    expect(items.map((i) => [i.entry, i.ok])).toEqual([
      ['2021.docx', true],
      ['旧格式.doc', false],
    ]);
    expect(items[1]).toMatchObject({ error: expect.stringContaining('另存为') });
    const r = await reviewer.history.commit({ source: { name: '历年报告.zip', file: data }, entry: '2021.docx', departmentId, year: 2021 });
    expect(r.year).toBe(2021);
  });

  it('pasted text that is not a report gets a Chinese message', async () => {
    const { items } = await reviewer.history.parse({ name: '粘贴的文字', text: '今天天气很好。' });
    expect(items[0]).toMatchObject({ ok: false, error: expect.stringContaining('未能识别为政府信息公开工作年度报告') });
  });
});

describe('从 Word 文件导入 (the clerk’s own draft)', () => {
  it('reads the DOCX for the clerk’s own report and answers which figures it holds', async () => {
    const id = h.reportId('fgj', h.openYear - 1);
    const r = await h.as('fgj').history.readWord({ id, name: '年报.docx', file: await docxOf('陈仓区发展和改革局', h.openYear) });
    expect(r.figures).toContain('requests.newReceived.natural');
    expect(r.content.opening).toBe(seedReport2024().opening);
  });

  it('another department’s report answers NOT_FOUND', async () => {
    const other = h.reportId('gaj', h.openYear - 1);
    await expect(h.as('fgj').history.readWord({ id: other, name: '年报.docx', file: await docxOf('x', 2024) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
