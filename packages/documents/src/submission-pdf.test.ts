import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { reportPdf } from './pdf';
import { published } from './published.testing';

async function pagesText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/[\s\u3000]+/g, ' '));
  }
  return pages;
}

describe('报送稿 PDF (reportPdf with submission)', () => {
  const mark = { submission: 2, version: 7, submittedAt: new Date('2027-01-12T02:05:00Z') };

  it('says 报送稿 on every page, names the submission instead of a publication date and ends with the signature and seal block', async () => {
    const pages = await pagesText(await reportPdf({ ...published, correctionNote: null }, { submission: mark }));
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain('报送稿：供单位负责人签字、单位盖章后报送区数据局，不是对外公开发布的文本');
    const all = pages.join('\n');
    expect(all).toContain('报送稿 第2次提交 版本 7 提交时间：2027-01-12 10:05');
    expect(all).not.toContain('发布日期');
    const last = pages.at(-1)!;
    expect(last).toContain('单位负责人（签字）：＿＿＿＿＿＿＿＿');
    expect(last).toContain('单位（盖章）');
    expect(last).toContain('日期：＿＿＿＿年＿＿月＿＿日');
    expect(last).toContain('《陈仓区市场监督管理局2024年政府信息公开工作年度报告》第2次提交的内容（版本 7');
    // The report itself is all there, as in the published PDF.
    expect(all).toContain('六、其他需要报告的事项');
  });

  it('the published PDF carries none of it', async () => {
    const all = (await pagesText(await reportPdf(published))).join('\n');
    expect(all).not.toContain('报送稿');
    expect(all).not.toContain('单位负责人（签字）');
  });
});
