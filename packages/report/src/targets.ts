/**
 * Stable target ids and the human location of each one.
 * The UI focuses form elements by these ids and review comments are stored against them. A figure's
 * target is its figure key (figures.ts, the open-data field name): proactive.<row>.<col>,
 * requests.<row>.<column|total>, reviews.<block>.<result|total>; besides: requests.col.<column|total>
 * (a whole column of table 三), text.<section>, contact.<field>.
 * Ids of the first scheme (requests.<row>.<0..5>, requests.col.<0..6>) are read by `canonicalTarget`.
 */
import {
  CONTACT_FIELDS,
  OVERVIEW_PARTS,
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_COLUMNS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  SECTION_HEADINGS,
  requestColumnRef,
  requestRowFullLabel,
  reviewBlockFullLabel,
  type ContactKey,
  type RequestRowKey,
  type ReviewBlockKey,
  type ReviewResultKey,
} from './format';
import type { ReportContent } from './content';
import { requestFigureKey, reviewFigureKey, TOTAL_KEY } from './figures';

export const proactiveTarget = (path: string) => `proactive.${path}`;
/** colIndex is 0-based over the six typed columns; 'total' is the 总计 column. */
export const requestCellTarget = (rowKey: RequestRowKey, col: number | 'total'): string => requestFigureKey(rowKey, col);
/** A whole column of table 三 by index; 6 is the 总计 column. */
export const requestColumnTarget = (colIndex: number) => `requests.col.${columnKeyAt(colIndex)}`;
export const reviewTarget = (block: ReviewBlockKey, result: ReviewResultKey | 'total'): string => reviewFigureKey(block, result);

/** Column key of table 三 by index (0–5 typed, 6 = total). */
export function columnKeyAt(colIndex: number): string {
  return colIndex >= REQUEST_COLUMN_COUNT ? TOTAL_KEY : REQUEST_COLUMNS[colIndex]!.key;
}
/** Index of a table 三 column key (0–5 typed, 6 = total), or -1. */
export function columnIndexOf(colKey: string | undefined): number {
  if (colKey === TOTAL_KEY) return REQUEST_COLUMN_COUNT;
  return REQUEST_COLUMNS.findIndex((c) => c.key === colKey);
}

/** A target id in the current scheme; ids with a column number (the first scheme) are translated. */
export function canonicalTarget(target: string): string {
  const m = /^requests\.(\w+)\.([0-6])$/.exec(target);
  if (!m) return target;
  const index = Number(m[2]);
  if (m[1] !== 'col' && index === REQUEST_COLUMN_COUNT) return target;
  return `requests.${m[1]}.${columnKeyAt(index)}`;
}
export const contactTarget = (field: ContactKey) => `contact.${field}`;

/** "二、第二十条第（一）项 规章·本年制发件数" */
export function proactiveLocation(path: string): string {
  const cell = PROACTIVE_CELLS.find((c) => c.path === path);
  return cell ? `二、${cell.clause} ${cell.rowLabel}·${cell.colLabel}` : `二、${path}`;
}

/** "三、“一、本年新收政府信息公开申请数量”第2列（商业企业）" */
export function requestCellLocation(rowKey: RequestRowKey, col: number | 'total'): string {
  const colRef = requestColumnRef(col === 'total' ? REQUEST_COLUMN_COUNT + 1 : col + 1);
  return `三、“${requestRowFullLabel(rowKey)}”${colRef}`;
}

/** "三、第2列（商业企业）" — the style used for whole-column checks. */
export function requestColumnLocation(colIndex: number): string {
  return `三、${requestColumnRef(colIndex + 1)}`;
}

/** "四、行政诉讼（未经复议直接起诉）·结果维持" */
export function reviewLocation(block: ReviewBlockKey, result: ReviewResultKey | 'total'): string {
  const label = result === 'total' ? REVIEW_TOTAL_LABEL : REVIEW_RESULTS.find((r) => r.key === result)!.label;
  return `四、${reviewBlockFullLabel(block)}·${label}`;
}

export function contactLocation(field: ContactKey): string {
  return `联系方式·${CONTACT_FIELDS.find((f) => f.key === field)!.label}`;
}

export type TextSection = {
  target: string;
  label: string;
  /** Required before submission (rule 6). The overview lead paragraph is optional. */
  required: boolean;
  read: (content: ReportContent) => string;
};

/** Read defensively: content may come from an import that left a field out. */
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Every free-text section, in reading order. */
export const TEXT_SECTIONS: readonly TextSection[] = [
  { target: 'text.opening', label: '报告开头说明', required: true, read: (c) => str(c.opening) },
  { target: 'text.overview.lead', label: `${SECTION_HEADINGS.overview}·导语`, required: false, read: (c) => str(c.overview?.lead) },
  ...OVERVIEW_PARTS.map((part) => ({
    target: `text.overview.${part.key}`,
    label: `${SECTION_HEADINGS.overview}${part.label}`,
    required: true,
    read: (c: ReportContent) => str(c.overview?.[part.key]),
  })),
  { target: 'text.problems', label: SECTION_HEADINGS.problems, required: true, read: (c) => str(c.problems) },
  { target: 'text.other', label: SECTION_HEADINGS.other, required: true, read: (c) => str(c.other) },
];

/** Human location of any target id, for lists of issues and review comments. */
export function targetLabel(raw: string): string {
  const target = canonicalTarget(raw);
  const text = TEXT_SECTIONS.find((s) => s.target === target);
  if (text) return text.label;
  const parts = target.split('.');
  const [area, a, b] = parts;
  if (area === 'proactive' && a && b) return proactiveLocation(`${a}.${b}`);
  if (area === 'contact' && CONTACT_FIELDS.some((f) => f.key === a)) return contactLocation(a as ContactKey);
  if (area === 'requests' && a === 'col' && columnIndexOf(b) >= 0) return requestColumnLocation(columnIndexOf(b));
  if (area === 'requests' && a && columnIndexOf(b) >= 0) {
    return requestCellLocation(a as RequestRowKey, b === TOTAL_KEY ? 'total' : columnIndexOf(b));
  }
  if (area === 'reviews' && REVIEW_BLOCKS.some((x) => x.key === a) && b) {
    return reviewLocation(a as ReviewBlockKey, b as ReviewResultKey | 'total');
  }
  return target;
}
