import { reportDocx, type PublishedReport } from '@ccgov/documents';
import { departments, eq } from '@ccgov/db';
import { realisticReport, reportContentSchema, stripNonXmlChars, type ReportContent } from '@ccgov/report';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { harness } from './test-utils';

const h = harness();
afterAll(() => h.cleanup());

/** Text with every kind of character XML 1.0 does not allow, between ordinary words. */
const BROKEN = '依申请\u0000公开\u0007办理\u000b及时\uFFFE，答复\uFFFF规范\uFDD0。\uD800孤\uDC00立\u{1FFFF}代理';
const CLEAN = '依申请公开办理及时，答复规范。孤立代理';

/** Every XML part of a .docx parsed by a strict XML 1.0 parser; throws at the first error. */
async function parseDocx(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let parts = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/\.(xml|rels)$/.test(file.name)) continue;
    const parser = new SaxesParser({ xmlns: false });
    let failure: Error | null = null;
    parser.on('error', (e) => {
      failure ??= e;
    });
    parser.write(await file.async('string')).close();
    if (failure) throw new Error(`${file.name}: ${(failure as Error).message}`);
    parts++;
  }
  return parts;
}

const published = (content: ReportContent, departmentName = '陈仓区新街镇人民政府'): PublishedReport => ({
  id: 1,
  departmentName,
  departmentKind: 'town',
  year: h.openYear,
  publishedAt: new Date('2026-01-20T02:00:00Z'),
  content,
  correctionNote: null,
  supersedesId: null,
  current: true,
});

describe('text that would break a document', () => {
  it('loses the characters XML does not allow and keeps everything else, emoji and tabs included', () => {
    expect(stripNonXmlChars(BROKEN)).toBe(CLEAN);
    expect(stripNonXmlChars('表\t三\n行\r\n😀\uE000')).toBe('表\t三\n行\r\n😀\uE000');
  });

  it('is cleaned by the report schema itself, so the editor and the server store the same text', () => {
    const content = { ...realisticReport(), opening: BROKEN, contact: { ...realisticReport().contact, person: `张\u0001三` } };
    const parsed = reportContentSchema.parse(content);
    expect(parsed.opening).toBe(CLEAN);
    expect(parsed.contact.person).toBe('张三');
  });

  it('a Word file made from uncleaned text does not open (this is what the cleaning prevents)', async () => {
    const raw = { ...realisticReport(), opening: BROKEN };
    await expect(parseDocx(await reportDocx(published(raw)))).rejects.toThrow();
  });

  it('a draft saved with such text is stored clean and its Word file opens', async () => {
    const id = h.reportId('xjz', h.openYear);
    const content = { ...realisticReport(), opening: BROKEN, problems: `问题\u001f与改进\uFFFF` };
    await h.as('xjz').department.save({ id, version: h.report(id).version, content });
    const stored = h.report(id).content;
    expect(stored.opening).toBe(CLEAN);
    expect(stored.problems).toBe('问题与改进');
    expect(await parseDocx(await reportDocx(published(stored)))).toBeGreaterThan(3);
  });

  it('names and comments are cleaned too: a department created with a control character in its name', async () => {
    const d = await h.as('admin').admin.createDepartment({ name: '陈仓区\u0008测试\uFFFF局', code: 'xmltest', kind: 'department' });
    const row = h.db.select().from(departments).where(eq(departments.id, d.id)).get()!;
    expect(row.name).toBe('陈仓区测试局');
  });
});
