/**
 * A published report or a Word draft read into the report model: ReportContent, the totals as
 * published, body / year / contact, and for every figure where it came from. What cannot be
 * placed with certainty is left blank and listed; bad input gets a Chinese message.
 */
import mammoth from 'mammoth';
import {
  FIGURE_BY_KEY,
  REQUEST_COLUMNS,
  REQUEST_INPUT_ROWS,
  REVIEW_BLOCKS,
  emptyContent,
  writeInputs,
  type Cell,
  type DeclaredTotals,
  type ReportContent,
  type RequestInputRowKey,
  type ReviewBlockKey,
} from '@ccgov/report';
import { htmlItems } from './html';
import { layerTokens, textCells, tokenize, type Item, type SourceRef } from './items';
import { pageFurniture } from './pages';
import { readFrontMatter, readOverview, sectionHeading, sectionText, splitSections } from './sections';
import { readProactive, readRequests, readReviews, type Placed, type TableRead, type Unplaced } from './tables';

export type { SourceRef } from './items';
export type { Unplaced } from './tables';

export type ImportFormat = 'text' | 'html' | 'docx';

export type ParsedReport = {
  ok: true;
  format: ImportFormat;
  title: string | null;
  /** 报告主体 as the title (or the opening) names it. */
  body: string | null;
  year: number | null;
  /** The publication date the page shows (YYYY-MM-DD), when it shows one. */
  publishedDate: string | null;
  content: ReportContent;
  /** Totals as published (三's 总计 column and （七）总计, 四's 总计), for checkReport. */
  declaredTotals: DeclaredTotals;
  /** Figures left blank because they could not be placed with certainty. */
  unplaced: Unplaced[];
  /** Every figure as the source printed it, by figure key (published totals included). */
  published: Record<string, number>;
  /** Where each imported figure came from, by figure key (published totals included). */
  sources: Record<string, SourceRef>;
  /** Things about the text a reader should look at (sub-headings that were kept as text …). */
  notes: string[];
  /**
   * The text the figures were read from, one entry per line: a text input's own lines, or for
   * HTML and DOCX each paragraph and each table row (cells joined by “ | ”). Every SourceRef's
   * `line` is a 1-based index into it; it is what 历史导入 keeps as the source's text.
   */
  sourceLines: string[];
};
export type ImportFailure = { ok: false; error: string };
export type ImportResult = ParsedReport | ImportFailure;

export const MESSAGES = {
  legacyWord: '不支持 .doc / .wps 格式的文件：请在 Word 或 WPS 中“另存为” .docx 格式后再导入。',
  unreadableDocx: '无法读取该 Word 文件（文件已损坏或不是 .docx 格式）。',
  notReport: '未能识别为政府信息公开工作年度报告：没有找到报告的各部分标题和统计表。',
  trialFormat: (why: string) =>
    `该报告使用的是2019年试行的年度报告格式（${why}），本平台只能导入2021年起施行的新格式（国办公开办函〔2021〕30号）的年度报告。`,
  traditional:
    '未能识别为政府信息公开工作年度报告：文本是繁体字（可能是转载网站转换过的页面），表格标签与报告格式对不上。请导入发布机关网站上的简体原文。',
  tooOld: (year: number) => `该报告为${year}年度报告，使用的是2021年以前的格式；本平台只能导入2021年度及以后的年度报告。`,
} as const;

/** Characters of a report's fixed wording in their traditional forms (報告 開 數 條 項 機關 …). */
const TRADITIONAL = /[報開數條項機關況請議訴規範處總統據門資務動認實級網]/g;
/** Does the text read as traditional characters (a mirror site's conversion) rather than simplified? */
function inTraditional(items: readonly Item[]): boolean {
  const text = items.map((i) => (i.kind === 'rowEnd' ? '' : i.text)).join('');
  return (text.match(TRADITIONAL)?.length ?? 0) >= 20;
}

/** The format of a file by its name and first bytes. */
export function detectFormat(name: string, data: Uint8Array | string): ImportFormat | 'legacy' | 'unknown' {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (typeof data !== 'string') {
    if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return 'legacy';
    if (data[0] === 0x50 && data[1] === 0x4b) return ext === 'docx' || ext === '' ? 'docx' : ext === 'wps' ? 'legacy' : 'docx';
  }
  if (ext === 'doc' || ext === 'wps') return 'legacy';
  if (ext === 'docx') return 'docx';
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data.slice(0, 4096));
  if (ext === 'html' || ext === 'htm' || /<(html|body|table|p|div)[\s>]/i.test(text)) return 'html';
  return 'text';
}

/** Read one file (or pasted text). */
export async function importReport(name: string, data: Uint8Array | string): Promise<ImportResult> {
  const format = detectFormat(name, data);
  if (format === 'legacy') return { ok: false, error: MESSAGES.legacyWord };
  if (format === 'docx') {
    if (typeof data === 'string') return { ok: false, error: MESSAGES.unreadableDocx };
    return parseDocx(data);
  }
  const text = typeof data === 'string' ? data : new TextDecoder('utf-8').decode(data);
  return format === 'html' ? parseHtml(text) : parseText(text);
}

export async function parseDocx(data: Uint8Array): Promise<ImportResult> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(data) })).value;
  } catch {
    return { ok: false, error: MESSAGES.unreadableDocx };
  }
  return fromItems(htmlItems(html), 'docx');
}

export function parseHtml(html: string): ImportResult {
  return fromItems(htmlItems(html), 'html');
}

export function parseText(text: string): ImportResult {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  // Page furniture of a PDF or flip-book (page markers, page numbers, a running header) is no part of the report.
  const { furniture } = pageFurniture(lines, (l) => sectionHeading(l) !== null);
  const items: Item[] = lines
    .map((l, i) => ({ kind: 'line' as const, text: l.trim(), ref: { line: i + 1, text: l.trim() } }))
    .filter((l, i) => l.text !== '' && !furniture.has(i));
  return fromItems(items, 'text', lines);
}

/**
 * The cells of a table section: real cells as they are; text lines split at their separators
 * (`|`, tab), or, in a text without separators (a PDF's text layer), each line into its label and
 * its figures. Text tables are read as one stream (no row ends).
 */
function tableTokens(items: readonly Item[] | undefined, format: ImportFormat) {
  if (!items) return [];
  if (format !== 'text') return tokenize(items.filter((i) => i.kind !== 'line'), false);
  const lines = items.flatMap((i) => (i.kind === 'line' ? [{ text: i.text, line: i.ref.line ?? 0 }] : []));
  if (!lines.some((l) => /[|\t]/.test(l.text))) return layerTokens(lines);
  return tokenize(textCells(lines), true);
}

/**
 * The lines of an HTML or DOCX input as text: a paragraph per line, a table row per line with its
 * cells joined by “ | ”. Each item's ref gets the line it stands on, so every figure read from it
 * points into these lines.
 */
function itemLines(items: Item[]): string[] {
  const lines: string[] = [];
  let row: string[] = [];
  let rowRefs: SourceRef[] = [];
  const closeRow = () => {
    if (!rowRefs.length) return;
    lines.push(row.join(' | '));
    for (const r of rowRefs) r.line = lines.length;
    row = [];
    rowRefs = [];
  };
  for (const item of items) {
    if (item.kind === 'rowEnd') closeRow();
    else if (item.kind === 'cell') {
      row.push(item.text);
      rowRefs.push(item.ref);
    } else {
      closeRow();
      lines.push(item.text);
      item.ref.line = lines.length;
    }
  }
  closeRow();
  return lines;
}

function fromItems(items: Item[], format: ImportFormat, textLines?: string[]): ImportResult {
  const sourceLines = textLines ?? itemLines(items);
  const zones = splitSections(items);
  const overviewLines = (zones.sections.overview ?? []).flatMap((i) => (i.kind === 'line' ? [i.text] : []));
  const front = readFrontMatter(zones.front, overviewLines.slice(0, 4));
  const found = Object.keys(zones.sections).length;
  const tables: TableRead[] = [
    readProactive(tableTokens(zones.sections.proactive, format), format === 'text'),
    readRequests(tableTokens(zones.sections.requests, format), format === 'text'),
    readReviews(tableTokens(zones.sections.reviews, format)),
  ];
  const anyFigure = tables.some((t) => t.placed.size > 0);
  // A report cut inside 一、总体情况 (a long government report, a page store's cut) is still a report
  // when its title or its opening names it: read what it has, every figure blank and listed.
  const named = found === 1 && zones.sections.overview !== undefined && (front.title !== null || (front.body !== null && front.year !== null));
  if (found < 2 && !anyFigure && !named) return { ok: false, error: inTraditional(items) ? MESSAGES.traditional : MESSAGES.notReport };
  const trial = tables.find((t) => t.trialFormat)?.trialFormat;
  if (trial) return { ok: false, error: MESSAGES.trialFormat(trial) };
  if (front.year !== null && front.year < 2021) return { ok: false, error: MESSAGES.tooOld(front.year) };

  const placed: Placed = new Map(tables.flatMap((t) => [...t.placed]));
  const typed = new Map<string, Cell>();
  for (const [key, { value }] of placed) if (!FIGURE_BY_KEY.get(key)!.computed) typed.set(key, value);

  const { overview, unmapped } = readOverview(zones.sections.overview ?? []);
  const content: ReportContent = {
    ...writeInputs(emptyContent(), typed),
    contact: front.contact,
    opening: front.opening,
    overview,
    problems: sectionText(zones.sections.problems),
    other: sectionText(zones.sections.other),
  };
  const notes: string[] = [];
  if (unmapped.length) notes.push(`一、总体情况中的小标题“${unmapped.join('”“')}”不是格式中的五个小标题，已作为正文保留。`);
  if (!front.body && front.contact.unit) notes.push(`报告主体取自开头说明中的联系单位“${front.contact.unit}”。`);
  if (!zones.sections.problems) notes.push('未找到“五、存在的主要问题及改进情况”。');
  if (!zones.sections.other) notes.push('未找到“六、其他需要报告的事项”。');

  return {
    ok: true,
    format,
    title: front.title,
    body: front.body ?? (front.contact.unit || null),
    year: front.year,
    publishedDate: front.publishedDate,
    content,
    declaredTotals: declaredTotals(placed),
    unplaced: tables.flatMap((t) => t.unplaced),
    published: Object.fromEntries([...placed].map(([k, v]) => [k, v.value])),
    sources: Object.fromEntries([...placed].map(([k, v]) => [k, v.ref])),
    notes,
    sourceLines,
  };
}

/** The totals exactly as the source printed them; a total the source did not give stays absent. */
function declaredTotals(placed: Placed): DeclaredTotals {
  const get = (key: string) => placed.get(key)?.value;
  const requestRowTotals: Partial<Record<RequestInputRowKey, number | null>> = {};
  for (const row of REQUEST_INPUT_ROWS) {
    const v = get(`requests.${row.key}.total`);
    if (v !== undefined) requestRowTotals[row.key] = v;
  }
  const resultKeys = [...REQUEST_COLUMNS.map((c) => c.key as string), 'total'].map((c) => `requests.resultTotal.${c}`);
  const reviewTotals: Partial<Record<ReviewBlockKey, number | null>> = {};
  for (const b of REVIEW_BLOCKS) {
    const v = get(`reviews.${b.key}.total`);
    if (v !== undefined) reviewTotals[b.key] = v;
  }
  const out: DeclaredTotals = { requestRowTotals, reviewTotals };
  if (resultKeys.some((k) => placed.has(k))) out.resultTotal = resultKeys.map(get);
  return out;
}
