/**
 * What changed between two versions of a report, cell by cell and text by text. The reviewer
 * reads it for a resubmission (against the version they returned) and for a correction (against
 * the version that was published). Computed totals are left out: they follow from the cells.
 */
import {
  CONTACT_FIELDS,
  PROACTIVE_CELLS,
  REQUEST_COLUMN_COUNT,
  REQUEST_INPUT_ROWS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
} from './format';
import type { ReportContent } from './content';
import {
  TEXT_SECTIONS,
  contactLocation,
  contactTarget,
  proactiveLocation,
  proactiveTarget,
  requestCellLocation,
  requestCellTarget,
  reviewLocation,
  reviewTarget,
} from './targets';

export type ChangeKind = 'cell' | 'text' | 'contact';

export type ContentChange = {
  /** The same target id the checker and the review comments use. */
  target: string;
  /** Where, in words a clerk reads: "三、“一、本年新收政府信息公开申请数量”第1列（自然人）". */
  label: string;
  kind: ChangeKind;
  before: number | string | null;
  after: number | string | null;
};

/** Content may come from an import that left a field out: read every value defensively. */
type Loose = Record<string, unknown> | undefined;
const pick = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), o);
const asCell = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const asText = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every typed value that differs, in reading order: text, 二, 三, 四, then the contact. */
export function diffContent(before: ReportContent, after: ReportContent): ContentChange[] {
  const out: ContentChange[] = [];
  const cell = (target: string, label: string, a: unknown, b: unknown) => {
    const x = asCell(a);
    const y = asCell(b);
    if (x !== y) out.push({ target, label, kind: 'cell', before: x, after: y });
  };
  const text = (target: string, label: string, kind: ChangeKind, a: string, b: string) => {
    // Trailing spaces and Windows line ends are not a change anyone meant to make.
    if (normalise(a) !== normalise(b)) out.push({ target, label, kind, before: a, after: b });
  };

  const leadingText = TEXT_SECTIONS.filter((s) => s.target.startsWith('text.opening') || s.target.startsWith('text.overview'));
  const trailingText = TEXT_SECTIONS.filter((s) => !leadingText.includes(s));
  for (const s of leadingText) text(s.target, s.label, 'text', s.read(before), s.read(after));

  for (const c of PROACTIVE_CELLS) {
    cell(proactiveTarget(c.path), proactiveLocation(c.path), pick(before.proactive, c.rowKey, c.colKey), pick(after.proactive, c.rowKey, c.colKey));
  }
  for (const row of REQUEST_INPUT_ROWS) {
    for (let i = 0; i < REQUEST_COLUMN_COUNT; i++) {
      cell(requestCellTarget(row.key, i), requestCellLocation(row.key, i), pick(before.requests, row.key, i), pick(after.requests, row.key, i));
    }
  }
  for (const block of REVIEW_BLOCKS) {
    for (const r of REVIEW_RESULTS) {
      cell(reviewTarget(block.key, r.key), reviewLocation(block.key, r.key), pick(before.reviews, block.key, r.key), pick(after.reviews, block.key, r.key));
    }
  }

  for (const s of trailingText) text(s.target, s.label, 'text', s.read(before), s.read(after));
  for (const f of CONTACT_FIELDS) {
    text(contactTarget(f.key), contactLocation(f.key), 'contact', asText((before.contact as Loose)?.[f.key]), asText((after.contact as Loose)?.[f.key]));
  }
  return out;
}

const normalise = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[ \t　]+$/gm, '').trim();

export type TextChangeSpan = {
  /** Text both versions share at the start. */
  prefix: string;
  /** What the earlier version had in the middle (empty for a pure insertion). */
  removed: string;
  /** What the later version has instead (empty for a pure deletion). */
  added: string;
  /** Text both versions share at the end. */
  suffix: string;
};

/**
 * The changed middle of a text, between the longest common start and end. Good enough to point a
 * reviewer at what moved in a paragraph without a word-level diff of Chinese text.
 */
export function textChangeSpan(before: string, after: string): TextChangeSpan {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return {
    prefix: a.slice(0, start).join(''),
    removed: a.slice(start, a.length - end).join(''),
    added: b.slice(start, b.length - end).join(''),
    suffix: a.slice(a.length - end).join(''),
  };
}
