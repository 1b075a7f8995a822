import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatTimestamp, reportTitle } from '@ccgov/report';
import { DEFAULT_CJK_BOLD_FONT, DEFAULT_CJK_FONT, MissingFontError, type FontSpec } from './pdf';

/** What a 回执 says (the api's ReceiptView carries these fields). */
export type ReceiptDocument = {
  receiptNo: string;
  departmentName: string;
  year: number;
  actLabel: string;
  createdAt: Date;
  userName: string;
  roleLabel: string;
  version: number;
  /** 第N次提交, when the version is a submission on file. */
  submission: number | null;
  contentSha256: string;
  rulesetVersion: string;
  checkErrors: number;
  checkWarnings: number;
  checkCodes: readonly string[];
  note: string | null;
  /** Who issues the receipt (the bureau's name). */
  issuer: string;
};

export const RECEIPT_TITLE = '政府信息公开工作年度报告回执';

/** The receipt's lines, in order: the print page and the PDF show the same. */
export function receiptFields(r: ReceiptDocument): { label: string; value: string }[] {
  const result =
    r.checkErrors === 0 && r.checkWarnings === 0
      ? '无错误、无提示'
      : `错误 ${r.checkErrors} 处，提示 ${r.checkWarnings} 条${r.checkCodes.length ? `（${r.checkCodes.join('、')}）` : ''}`;
  return [
    { label: '回执编号', value: r.receiptNo },
    { label: '报送单位', value: r.departmentName },
    { label: '报告', value: reportTitle(r.departmentName, r.year) },
    { label: '事项', value: r.actLabel },
    { label: '时间', value: formatTimestamp(r.createdAt) },
    { label: '经办人', value: `${r.userName}（${r.roleLabel}）` },
    { label: '版本号', value: `第 ${r.version} 版${r.submission ? `（第 ${r.submission} 次提交的内容）` : ''}` },
    { label: '内容 SHA-256', value: r.contentSha256 },
    { label: '校验规则版本', value: r.rulesetVersion },
    { label: '校验结果', value: result },
    ...(r.note ? [{ label: '说明', value: r.note }] : []),
  ];
}

/** How the hash can be checked, printed under it. */
export const RECEIPT_HASH_NOTE =
  'SHA-256 按该版本存档内容的规范 JSON（键按字典序排列、无空白）计算，可据此核对报送内容未被改动。';

/** Font files are read once per process (they are large: the CJK collections are ~20 MB each). */
const fontCache = new Map<string, Buffer>();
function fontBytes(spec: FontSpec): Buffer {
  let bytes = fontCache.get(spec.path);
  if (!bytes) {
    if (!existsSync(spec.path)) throw new MissingFontError(spec.path);
    bytes = readFileSync(spec.path);
    fontCache.set(spec.path, bytes);
  }
  return bytes;
}

/** The receipt as a one-page A4 PDF in the same Noto Sans CJK faces as the report PDF. */
export async function receiptPdf(r: ReceiptDocument, options: { font?: FontSpec; boldFont?: FontSpec } = {}): Promise<Buffer> {
  const regular = options.font ?? DEFAULT_CJK_FONT;
  const boldSpec = options.boldFont ?? (options.font ? options.font : DEFAULT_CJK_BOLD_FONT);
  const regularBytes = fontBytes(regular);
  const boldBytes = fontCache.has(boldSpec.path) || existsSync(boldSpec.path) ? fontBytes(boldSpec) : regularBytes;
  const boldFace = boldBytes === regularBytes ? regular.face : boldSpec.face;

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 56, left: 64, right: 64 },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${RECEIPT_TITLE} ${r.receiptNo}`, Author: r.issuer, Subject: reportTitle(r.departmentName, r.year), CreationDate: r.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('body', regularBytes, regular.face);
  doc.registerFont('bold', boldBytes, boldFace);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(17).fillColor('#1f2328').text(RECEIPT_TITLE, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('body').fontSize(10).fillColor('#57606a').text(r.issuer, { width, align: 'center' });
  doc.moveDown(1.2);

  const labelW = 96;
  for (const f of receiptFields(r)) {
    const y = doc.y;
    doc.font('bold').fontSize(10.5).fillColor('#1f2328').text(f.label, left, y, { width: labelW });
    const mono = f.label === '内容 SHA-256';
    doc.font('body').fontSize(mono ? 9.5 : 10.5).text(f.value, left + labelW, y, { width: width - labelW, lineGap: 2 });
    if (mono) doc.fontSize(8.5).fillColor('#57606a').text(RECEIPT_HASH_NOTE, left + labelW, doc.y + 2, { width: width - labelW }).fillColor('#1f2328');
    const bottom = doc.y;
    doc.moveTo(left, bottom + 5).lineTo(left + width, bottom + 5).lineWidth(0.5).strokeColor('#d0d7de').stroke();
    doc.y = bottom + 11;
  }
  doc.moveDown(1.5);
  doc.font('body').fontSize(9).fillColor('#57606a').text('本回执由系统在办理时自动生成，记录不可修改或删除。', left, doc.y, { width });
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
