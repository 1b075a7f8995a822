import { OVERVIEW_PARTS, reportTitle, SECTION_HEADINGS, type ReportContent } from '@ccgov/report';
import { reportGrids, type Grid } from './tables';

/** A published report as the document builders need it (a publications row satisfies it). */
export type PublishedReport = {
  id: number;
  departmentName: string;
  departmentKind: string;
  year: number;
  publishedAt: Date;
  content: ReportContent;
  correctionNote: string | null;
  supersedesId: number | null;
  current: boolean;
};

export type Block =
  | { type: 'title'; text: string }
  | { type: 'meta'; text: string }
  | { type: 'note'; label: string; text: string }
  | { type: 'h2' | 'h3'; text: string }
  | { type: 'p'; text: string; empty?: boolean }
  | { type: 'table'; grid: Grid };

export const EMPTY_TEXT = '（未填写）';

/** "2025年1月20日", on the China calendar whatever the server's zone. */
export function formatChinaDate(d: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d);
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function textBlocks(text: string): Block[] {
  const parts = paragraphs(text);
  return parts.length === 0 ? [{ type: 'p', text: EMPTY_TEXT, empty: true }] : parts.map((p) => ({ type: 'p' as const, text: p }));
}

/**
 * The report as an ordered list of blocks, in the order of the public page: title, publication
 * date (and 更正说明), opening, the six sections with their sub-headings, tables and paragraphs.
 */
export function reportOutline(report: PublishedReport): Block[] {
  const { content } = report;
  const grids = reportGrids(content);
  const blocks: Block[] = [
    { type: 'title', text: reportTitle(report.departmentName, report.year) },
    { type: 'meta', text: `发布日期：${formatChinaDate(report.publishedAt)}` },
  ];
  if (report.correctionNote) blocks.push({ type: 'note', label: `更正说明（${formatChinaDate(report.publishedAt)}）：`, text: report.correctionNote });
  blocks.push(...textBlocks(content.opening));
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.overview });
  if (content.overview.lead.trim()) blocks.push(...textBlocks(content.overview.lead));
  for (const part of OVERVIEW_PARTS) {
    blocks.push({ type: 'h3', text: part.label }, ...textBlocks(content.overview[part.key]));
  }
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.proactive }, { type: 'table', grid: grids.proactive });
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.requests }, { type: 'table', grid: grids.requests });
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.reviews }, { type: 'table', grid: grids.reviews });
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.problems }, ...textBlocks(content.problems));
  blocks.push({ type: 'h2', text: SECTION_HEADINGS.other }, ...textBlocks(content.other));
  return blocks;
}

/** A file name a person recognises, e.g. 陈仓区数据局2024年政府信息公开工作年度报告.pdf. */
export function reportFileName(report: Pick<PublishedReport, 'departmentName' | 'year'>, ext: string): string {
  return `${reportTitle(report.departmentName, report.year)}.${ext}`;
}
