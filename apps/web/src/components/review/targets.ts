import { OVERVIEW_PARTS, SECTION_HEADINGS } from '@ccgov/report';

/**
 * Maps between ReportView's markup and comment targets. ReportView marks every cell with
 * data-cell (the target id itself); rows, sections and tables are found by their headings.
 */
const HEADING_TARGETS = new Map<string, string>([
  [SECTION_HEADINGS.overview, 'text.overview.lead'],
  [SECTION_HEADINGS.proactive, 'table.proactive'],
  [SECTION_HEADINGS.requests, 'table.requests'],
  [SECTION_HEADINGS.reviews, 'table.reviews'],
  [SECTION_HEADINGS.problems, 'text.problems'],
  [SECTION_HEADINGS.other, 'text.other'],
  ...OVERVIEW_PARTS.map((p) => [p.label, `text.overview.${p.key}`] as [string, string]),
]);

function headingTarget(el: Element): string | null {
  if (el.tagName === 'H1') return 'text.opening';
  if (el.tagName === 'H2' || el.tagName === 'H3') return HEADING_TARGETS.get((el.textContent ?? '').trim()) ?? null;
  return null;
}

const isHeading = (el: Element) => /^H[123]$/.test(el.tagName);

/** The row of table 三 a row header belongs to: its cells are data-cell="requests.<row>.<col>". */
function requestRowOf(th: Element): string | null {
  const cell = th.closest('tr')?.querySelector('td[data-cell^="requests."]')?.getAttribute('data-cell');
  return cell ? cell.split('.').slice(0, 2).join('.') : null;
}

/**
 * What a click in the report points at: a cell, a row of table 三 (its row header), or else the
 * section whose heading comes last before the click (a paragraph, a table header, the heading).
 */
export function targetFromClick(clicked: Element, root: Element): string | null {
  const cell = clicked.closest('td[data-cell]');
  if (cell && root.contains(cell)) return cell.getAttribute('data-cell');
  const rowHeader = clicked.closest('table[data-table="requests"] th[scope="row"]');
  if (rowHeader && root.contains(rowHeader)) return requestRowOf(rowHeader);

  let el: Element | null = clicked;
  while (el && el !== root) {
    if (isHeading(el)) return headingTarget(el);
    for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHeading(prev)) return headingTarget(prev);
    }
    el = el.parentElement;
  }
  return null;
}

/** The elements that show a target in the report (to highlight or scroll to). */
export function elementsForTarget(root: Element, target: string): Element[] {
  if (target.startsWith('text.') || target.startsWith('table.')) {
    return [...root.querySelectorAll('h1, h2, h3')].filter((h) => headingTarget(h) === target);
  }
  const parts = target.split('.');
  if (parts[0] === 'requests' && parts.length === 2) {
    const th = root.querySelector(`td[data-cell="${CSS.escape(`${target}.total`)}"]`)?.closest('tr')?.querySelector('th[scope="row"]');
    return th ? [th] : [];
  }
  return [...root.querySelectorAll(`[data-cell="${CSS.escape(target)}"]`)];
}
