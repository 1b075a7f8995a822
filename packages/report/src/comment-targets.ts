/**
 * Where a review comment may point. The department's editor shows each comment at its target, so
 * the server accepts only ids of this scheme (the checker's targets plus whole rows and tables):
 *   a cell     its figure key: requests.<row>.<column|total>, proactive.<row>.<col>, reviews.<block>.<result|total>
 *   a row      requests.<row>
 *   a column   requests.col.<column|total>
 *   a table    table.proactive, table.requests, table.reviews
 *   a section  text.<section> (text.opening, text.overview.<part>, text.problems, text.other)
 *   a contact  contact.<field>
 */
import {
  CONTACT_FIELDS,
  PROACTIVE_CELLS,
  REQUEST_ROWS,
  RESULT_ROW_KEYS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  SECTION_HEADINGS,
  requestRowFullLabel,
  type RequestRowKey,
} from './format';
import { TEXT_SECTIONS, columnIndexOf, targetLabel } from './targets';
import { FIGURE_BY_KEY } from './figures';

export const TABLE_TARGETS = {
  'table.proactive': SECTION_HEADINGS.proactive,
  'table.requests': SECTION_HEADINGS.requests,
  'table.reviews': SECTION_HEADINGS.reviews,
} as const;

export const requestRowTarget = (rowKey: RequestRowKey) => `requests.${rowKey}`;

const isRequestRow = (key: string | undefined): key is RequestRowKey => REQUEST_ROWS.some((r) => r.key === key);

/** Whether a comment may be stored against this target. */
export function isCommentTarget(target: string): boolean {
  if (target in TABLE_TARGETS) return true;
  if (TEXT_SECTIONS.some((s) => s.target === target)) return true;
  const parts = target.split('.');
  const [area, a, b] = parts;
  if (area === 'contact') return parts.length === 2 && CONTACT_FIELDS.some((f) => f.key === a);
  if (area === 'proactive') return parts.length === 3 && PROACTIVE_CELLS.some((c) => c.rowKey === a && c.colKey === b);
  if (area === 'reviews') {
    return parts.length === 3 && REVIEW_BLOCKS.some((x) => x.key === a) && (b === 'total' || REVIEW_RESULTS.some((r) => r.key === b));
  }
  if (area === 'requests') {
    if (a === 'col') return parts.length === 3 && columnIndexOf(b) >= 0;
    if (!isRequestRow(a)) return false;
    if (parts.length === 2) return true;
    return parts.length === 3 && FIGURE_BY_KEY.has(target);
  }
  return false;
}

/** Where a comment sits, in words: a cell's location, "三、“…”（整行）", a section heading. */
export function commentTargetLabel(target: string): string {
  if (target in TABLE_TARGETS) return `${TABLE_TARGETS[target as keyof typeof TABLE_TARGETS]}（整表）`;
  const [area, a, b] = target.split('.');
  if (area === 'requests' && isRequestRow(a) && b === undefined) return `三、“${requestRowFullLabel(a)}”（整行）`;
  return targetLabel(target);
}

/** Whole-section and whole-table targets in reading order, for choosing where a comment goes. */
export function sectionCommentTargets(): { target: string; label: string }[] {
  const text = (prefix: string) => TEXT_SECTIONS.filter((s) => s.target.startsWith(prefix)).map((s) => ({ target: s.target, label: s.label }));
  return [
    ...text('text.opening'),
    ...text('text.overview'),
    ...Object.entries(TABLE_TARGETS).map(([target]) => ({ target, label: commentTargetLabel(target) })),
    ...text('text.problems'),
    ...text('text.other'),
    ...CONTACT_FIELDS.map((f) => ({ target: `contact.${f.key}`, label: commentTargetLabel(`contact.${f.key}`) })),
  ];
}

/**
 * Whether a comment at `commentTarget` asks for a change at `changeTarget` (a figure key, a text
 * section or a contact field, as diffContent names them): the same place, or a place inside the
 * row, column, block or table the comment points at — a comment on a 总计 is answered by a change
 * in what it adds up.
 */
export function commentCovers(commentTarget: string, changeTarget: string): boolean {
  if (commentTarget === changeTarget) return true;
  const table = /^table\.(\w+)$/.exec(commentTarget);
  if (table) return changeTarget.startsWith(`${table[1]}.`);
  const [area, a, b] = commentTarget.split('.');
  const [cArea, cA, cB] = changeTarget.split('.');
  if (area !== cArea || area === undefined) return false;
  if (area === 'requests') {
    if (a === 'col') return b === 'total' || cB === b; // a column (or the 总计 column, fed by every cell)
    if (b === undefined) return cA === a; // a whole row
    if (b === 'total') return cA === a; // a row's 总计
    if (a === 'resultTotal') return cB === b && RESULT_ROW_KEYS.includes(cA as never); // a column of （七）总计
    return false;
  }
  if (area === 'reviews') return b === 'total' && cA === a; // a block's 总计
  return false;
}

/** A resubmission's changes, each marked whether a comment of the round sent back asked for it. */
export function markAnsweredChanges<T extends { target: string }>(changes: readonly T[], commentTargets: readonly string[]): (T & { answersComment: boolean })[] {
  return changes.map((c) => ({ ...c, answersComment: commentTargets.some((t) => commentCovers(t, c.target)) }));
}
