import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { seedReport2024 } from '@ccgov/report';
import { openReport } from './open-data';
import { reportDocx } from './docx';
import { MissingFontError, reportPdf } from './pdf';
import { published } from './published.testing';

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('PDF', () => {
  it('is an A4 document with the title, the six headings, the correction note and the figures as text', async () => {
    const bytes = await reportPdf(published);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('陈仓区市场监督管理局2024年政府信息公开工作年度报告');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '六、其他需要报告的事项']) expect(text).toContain(h);
    expect(text).toContain('更正说明');
    expect(text).toContain('法人或其他组织');
    expect(text).toMatch(/\b859\b/);
    expect(text).toMatch(/\b18\.871\b/);
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    const [, , w, h] = (await pdf.getPage(1)).view;
    expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
  });

  it('refuses with a clear Chinese message when the Chinese font is missing', async () => {
    const attempt = reportPdf(published, { font: { path: '/nonexistent/font.ttc' } });
    await expect(attempt).rejects.toBeInstanceOf(MissingFontError);
    await expect(attempt).rejects.toThrow(/找不到字体文件 \/nonexistent\/font\.ttc.*fonts-noto-cjk/);
  });
});

describe('Word document', () => {
  it('has real headings and Word tables with merged headers, holding the department and the figures', async () => {
    const zip = await JSZip.loadAsync(await reportDocx(published));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('陈仓区市场监督管理局2024年政府信息公开工作年度报告');
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?一、总体情况/);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:gridSpan w:val="10"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('>859<');
    expect(xml).toContain('>18.871<');
  });

  it('shows an empty text section as （未填写）, like the page', async () => {
    const content = seedReport2024();
    content.problems = '';
    const zip = await JSZip.loadAsync(await reportDocx({ ...published, content, correctionNote: null }));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('（未填写）');
  });
});

describe('open data JSON', () => {
  it('names every figure and text under stable field names', () => {
    const json = openReport(published, 7);
    expect(json).toMatchObject({
      id: 7,
      department: '陈仓区市场监督管理局',
      year: 2024,
      corrected: true,
      previousVersionId: 3,
      currentVersionId: 7,
      publishedAt: '2025-01-20T02:00:00.000Z',
      url: '/reports/7',
    });
    expect(json.figures.requests!.resultTotal!.total).toBe(805);
    expect(json.text.overview.request).toContain('859件');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
