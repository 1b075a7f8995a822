import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { auditLog, desc, eq, importSources, publications, reportEvents } from '@ccgov/db';
import { reportDocx } from '@ccgov/documents';
import { seedReport2024, type ReportContent } from '@ccgov/report';
import { harness, userId } from './test-utils';
import { importSourceFile } from './services/import-files';

const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');

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
    expect(pub.imported).toMatchObject({ from: '2022年报.docx', originalPublishedAt: '2023-01-18', download: { fileName: '2022年报.docx' } });
    expect(pub.publication.publishedAt.toISOString()).toBe('2023-01-17T16:00:00.000Z');
    expect(pub.publication.content.requests).toEqual(seedReport2024().requests);
  });

  it('the publication records where it came from, and the original file is kept (0600) with its extracted text', () => {
    const sha = sha256(file);
    const row = h.db.select().from(publications).where(eq(publications.importedSha256, sha)).get()!;
    expect(row).toMatchObject({ importedFrom: '2022年报.docx', importedBy: userId(h.db, 'reviewer'), originalPublishedAt: '2023-01-18', current: true });
    expect(row.importedAt).toBeInstanceOf(Date);
    const source = h.db.select().from(importSources).where(eq(importSources.sha256, sha)).get()!;
    expect(source).toMatchObject({ fileName: '2022年报.docx', mime: expect.stringContaining('wordprocessingml'), size: Buffer.from(file, 'base64').length, storagePath: `imports/${sha}` });
    expect(source.text).toContain('一、本年新收政府信息公开申请数量');
    const kept = join(dirname(h.path), 'imports', sha);
    expect(readFileSync(kept).equals(Buffer.from(file, 'base64'))).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    // The targets list reads the mark from the publication.
    return reviewer.history.targets().then((targets) => {
      expect(targets.find((t) => t.id === departmentId)!.years).toEqual([expect.objectContaining({ year: 2022, imported: true, status: 'published' })]);
    });
  });

  it('the original file of a current imported publication can be downloaded', () => {
    const pub = h.db.select().from(publications).where(eq(publications.importedSha256, sha256(file))).get()!;
    const got = importSourceFile(h.db, pub.id);
    expect(got.fileName).toBe('2022年报.docx');
    expect(got.bytes.equals(Buffer.from(file, 'base64'))).toBe(true);
  });

  it('a report filed through the portal is not marked as imported and has no original to download', async () => {
    const id = h.db.select().from(publications).where(eq(publications.departmentName, '陈仓区发展和改革局')).all().find((p) => p.current)!.id;
    expect((await h.as(null).public.get({ id })).imported).toBeNull();
    expect(() => importSourceFile(h.db, id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => importSourceFile(h.db, 999_999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
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
    // The correction is read from the new file: it carries that file's marks, and only it can be downloaded.
    const newSha = sha256(again.source.file);
    expect(current[0]).toMatchObject({ importedFrom: '2022年报-更正.docx', importedSha256: newSha });
    expect(r.publicationId).toBe(current[0]!.id);
    expect(importSourceFile(h.db, current[0]!.id).fileName).toBe('2022年报-更正.docx');
    const old = h.db.select().from(publications).where(eq(publications.importedSha256, sha256(file))).get()!;
    expect(old.current).toBe(false);
    expect(() => importSourceFile(h.db, old.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect((await h.as(null).public.get({ id: old.id })).imported).toMatchObject({ from: '2022年报.docx', download: null });
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
    // The file inside the zip is what is kept, under its own name.
    const pub = h.db.select().from(publications).where(eq(publications.id, r.publicationId!)).get()!;
    expect(pub.importedFrom).toBe('历年报告.zip/2021.docx');
    expect(importSourceFile(h.db, pub.id).fileName).toBe('2021.docx');
  });

  it('the preview places every figure beside the source line it was read from', async () => {
    const { items } = await reviewer.history.parse({ name: '2022年报.docx', file });
    const item = items[0]!;
    if (!item.ok) throw new Error(item.error);
    const line = item.sourceView.lines.find((l) => l.figures.some((f) => f.key === 'requests.newReceived.natural'))!;
    expect(line.text).toMatch(/^一、本年新收政府信息公开申请数量 \| /);
    expect(line.figures.find((f) => f.key === 'requests.newReceived.natural')).toMatchObject({ state: 'placed', value: seedReport2024().requests.newReceived[0], label: '表三 一、本年新收政府信息公开申请数量 自然人' });
    expect(item.sourceView.counts.unplaced).toBe(0);
    expect(item.sourceView.lines.flatMap((l) => l.figures).length).toBe(Object.keys(item.sources).length);
  });

  it('the preview of 2022 finds the 2021 import as the year before (cross-year rules 7, 10, 12)', async () => {
    const prev = await reviewer.history.previous({ departmentId, year: 2022 });
    expect(prev).toMatchObject({ year: 2021, content: { requests: seedReport2024().requests } });
    expect(await reviewer.history.previous({ departmentId, year: 2021 })).toBeNull();
    await expect(h.as('fgj').history.previous({ departmentId, year: 2022 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
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
