/**
 * 报送稿: the report as a department submitted it, printed for the head of the body to sign and the
 * body to seal. The print page (apps/web) and the PDF (reportPdf with `submission`) show the same
 * words, from here.
 */
import { formatTimestamp, reportTitle } from '@ccgov/report';

export const SUBMISSION_MARK = '报送稿';
/** On every page, so a 报送稿 is never taken for the published report. */
export const SUBMISSION_NOTICE = '报送稿：供单位负责人签字、单位盖章后报送区数据局，不是对外公开发布的文本';

/** What the copy carries besides the report: which submission it is. */
export type SubmissionMark = {
  /** 第N次提交. */
  submission: number;
  /** The version number of the submitted snapshot. */
  version: number;
  submittedAt: Date;
};

/** 报送稿 · 第2次提交 · 版本 7 · 提交时间 2027-01-12 10:05 */
export function submissionLine(m: SubmissionMark): string {
  return `${SUBMISSION_MARK}　第${m.submission}次提交　版本 ${m.version}　提交时间：${formatTimestamp(m.submittedAt)}`;
}

/** The signature and seal block at the end: left the head's signature, right the seal and the date. */
export const SIGNATURE_BLOCK = {
  signature: '单位负责人（签字）：＿＿＿＿＿＿＿＿',
  seal: '单位（盖章）',
  date: '日期：＿＿＿＿年＿＿月＿＿日',
} as const;

export function signatureNote(departmentName: string, year: number, m: SubmissionMark): string {
  return `本报送稿为《${reportTitle(departmentName, year)}》第${m.submission}次提交的内容（版本 ${m.version}，提交时间 ${formatTimestamp(m.submittedAt)}），由平台生成。签字盖章后请扫描（PDF、JPG 或 PNG），在平台“本部门年报”中上传。`;
}
