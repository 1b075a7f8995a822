/**
 * 校验结果 panel: what it lists, and the counter (“N 处需要修改”) that counts exactly that. A new
 * report has some 200 blank cells; listing or counting each would bury the real slips, so blank
 * cells are one item per table (二、三、四), each going to its first blank cell, with the one
 * 空白的数字都填 0 action beside them. Every other error is its own item.
 */
import { FIGURE_BY_KEY, type FigureTable } from './figures';
import { SECTION_HEADINGS } from './format';

export type PanelBlankGroup = {
  table: FigureTable;
  /** The table's official heading, e.g. 二、主动公开政府信息情况. */
  heading: string;
  count: number;
  /** The first blank cell of the table (in the form's order). */
  firstTarget: string;
};

export type PanelItems<E> = {
  blanks: PanelBlankGroup[];
  /** Errors other than blank cells, in the order given. */
  listed: E[];
  /** Blank cells in all. */
  blankCells: number;
  /** The counter: one per table with blanks, plus one per listed error. */
  count: number;
};

const TABLE_ORDER: readonly FigureTable[] = ['proactive', 'requests', 'reviews'];

export function checkPanelItems<E extends { code: string; target: string }>(errors: readonly E[]): PanelItems<E> {
  const groups = new Map<FigureTable, PanelBlankGroup>();
  const listed: E[] = [];
  let blankCells = 0;
  for (const e of errors) {
    const figure = e.code === 'value.missing' ? FIGURE_BY_KEY.get(e.target) : undefined;
    if (!figure) {
      listed.push(e);
      continue;
    }
    blankCells++;
    const g = groups.get(figure.table);
    if (g) g.count++;
    else groups.set(figure.table, { table: figure.table, heading: SECTION_HEADINGS[figure.table], count: 1, firstTarget: e.target });
  }
  const blanks = TABLE_ORDER.flatMap((t) => (groups.has(t) ? [groups.get(t)!] : []));
  return { blanks, listed, blankCells, count: blanks.length + listed.length };
}

/** The counter alone (the editor's bar, the refusal message on 提交审核). */
export function panelItemCount(errors: readonly { code: string; target: string }[]): number {
  return checkPanelItems(errors).count;
}
