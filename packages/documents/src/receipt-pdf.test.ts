import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { receiptFields, receiptPdf, type ReceiptDocument } from './receipt-pdf';

const receipt: ReceiptDocument = {
  receiptNo: 'HZ-2026-021-0003',
  departmentName: '陈仓区审计局',
  year: 2026,
  actLabel: '提交审核',
  createdAt: new Date('2027-01-12T02:30:00Z'),
  userName: '陈仓区审计局填报人',
  roleLabel: '部门填报人',
  version: 7,
  submission: 2,
  contentSha256: 'a3f1c2'.padEnd(64, '0'),
  rulesetVersion: '2.0.0',
  checkErrors: 0,
  checkWarnings: 2,
  checkCodes: ['R08', 'R10'],
  note: null,
  issuer: '陈仓区数据局',
};

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return { pages: pdf.numPages, text: parts.join('\n') };
}

describe('回执 PDF', () => {
  it('is one page with every line of the receipt as text, the hash whole', async () => {
    const bytes = await receiptPdf(receipt);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('政府信息公开工作年度报告回执');
    for (const f of receiptFields(receipt)) {
      expect(text).toContain(f.label);
      expect(text.replace(/\s/g, '')).toContain(f.value.replace(/\s/g, ''));
    }
    expect(text).toContain('错误 0 处，提示 2 条（R08、R10）');
    expect(text).toContain('2027-01-12 10:30');
  });

  it('says 无错误、无提示 when the checker found nothing, and shows the note of the act', () => {
    const fields = receiptFields({ ...receipt, checkWarnings: 0, checkCodes: [], actLabel: '退回修改', note: '请核对表三' });
    expect(fields.find((f) => f.label === '校验结果')!.value).toBe('无错误、无提示');
    expect(fields.at(-1)).toEqual({ label: '说明', value: '请核对表三' });
  });
});
