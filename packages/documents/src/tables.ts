import {
  computeTotals,
  PROACTIVE_INFO_HEADER,
  PROACTIVE_TABLES,
  REQUEST_APPLICANT_HEADER,
  REQUEST_COLUMNS,
  REQUEST_ORG_GROUP,
  REQUEST_ROWS,
  REQUEST_TABLE_NOTE,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  RESULT_GROUPS,
  requestRowWithTotal,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  LAWSUIT_GROUP_LABEL,
  SECTION_HEADINGS,
  type Cell,
  type ReportContent,
} from '@ccgov/report';
import { formatFigure, REQUEST_TOTAL_KEY } from './fields';

/**
 * The three tables of the official format as a grid of cells with their merges, so the web page,
 * the PDF and the Word file draw the same headers from one description. Like HTML, a row lists
 * only the cells that start in it; cells covered by a rowSpan/colSpan from above are left out.
 */
export type GridCell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Set on header cells (th), with the HTML scope they take. */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Number cells: typed, or computed by the format (totals). */
  num?: 'typed' | 'computed';
  /** Stable field name of the figure in a number cell, e.g. requests.newReceived.total. */
  field?: string;
};

export type Grid = {
  key: 'proactive' | 'requests' | 'reviews';
  /** The section heading the table sits under. */
  title: string;
  /** Relative column widths; their count is the table's column count. */
  widths: number[];
  /** Leading rows that are the table head (repeated on each printed page). */
  headRows: number;
  /** Row ranges [first, last] that belong together on one printed page (besides row spans). */
  keep?: [number, number][];
  rows: GridCell[][];
};

const numCell = (v: Cell | undefined, field: string, kind: 'count' | 'amount' = 'count', computed = false): GridCell => ({
  text: formatFigure(v, kind),
  num: computed ? 'computed' : 'typed',
  field,
});

export function proactiveGrid(content: ReportContent): Grid {
  const width = 4;
  const rows: GridCell[][] = [];
  const keep: [number, number][] = [];
  for (const table of PROACTIVE_TABLES) {
    const first = rows.length;
    const span = (i: number) => (i === table.columns.length - 1 ? width - table.columns.length : 1);
    rows.push([{ text: table.clause, colSpan: width, scope: 'colgroup' }]);
    rows.push([
      { text: PROACTIVE_INFO_HEADER, scope: 'col' },
      ...table.columns.map((c, i) => ({ text: c.label as string, colSpan: span(i), scope: 'col' as const })),
    ]);
    for (const row of table.rows) {
      const values = content.proactive[row.key as keyof ReportContent['proactive']] as Record<string, Cell>;
      rows.push([
        { text: row.label, scope: 'row' },
        ...table.columns.map((c, i) => ({
          ...numCell(values[c.key], `proactive.${row.key}.${c.key}`, table.kind),
          colSpan: span(i),
        })),
      ]);
    }
    keep.push([first, rows.length - 1]);
  }
  return { key: 'proactive', title: SECTION_HEADINGS.proactive, widths: [2.2, 1.6, 1.6, 1.6], headRows: 0, rows, keep };
}

export function requestsGrid(content: ReportContent): Grid {
  const totals = computeTotals(content);
  const rows: GridCell[][] = [
    [
      { text: REQUEST_TABLE_NOTE, colSpan: 3, rowSpan: 3, scope: 'col' },
      { text: REQUEST_APPLICANT_HEADER, colSpan: 7, scope: 'colgroup' },
    ],
    [
      { text: REQUEST_COLUMNS[0].label, rowSpan: 2, scope: 'col' },
      { text: REQUEST_ORG_GROUP, colSpan: 5, scope: 'colgroup' },
      { text: REQUEST_TOTAL_LABEL, rowSpan: 2, scope: 'col' },
    ],
    REQUEST_COLUMNS.slice(1).map((c) => ({ text: c.label, scope: 'col' as const })),
  ];
  const resultRows = REQUEST_ROWS.filter((r) => r.section === 'result');
  for (const row of REQUEST_ROWS) {
    const values = requestRowWithTotal(content, totals, row.key);
    const colKeys = [...REQUEST_COLUMNS.map((c) => c.key as string), REQUEST_TOTAL_KEY];
    const cells = values.map((v, i) => {
      const computed = i === 6 || row.key === 'resultTotal';
      const typed = computed ? v : content.requests[row.key as keyof ReportContent['requests']][i];
      return numCell(typed, `requests.${row.key}.${colKeys[i]}`, 'count', computed);
    });
    if (row.section === 'top') {
      rows.push([{ text: row.label, colSpan: 3, scope: 'row' }, ...cells]);
      continue;
    }
    const lead: GridCell[] = [];
    if (resultRows[0]!.key === row.key) lead.push({ text: RESULT_GROUP_LABEL, rowSpan: resultRows.length, scope: 'rowgroup' });
    const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
    if (group) {
      const groupRows = REQUEST_ROWS.filter((r) => 'group' in r && r.group === group.key);
      if (groupRows[0]!.key === row.key) lead.push({ text: group.label, rowSpan: groupRows.length, scope: 'rowgroup' });
      lead.push({ text: row.label, scope: 'row' });
    } else {
      lead.push({ text: row.label, colSpan: 2, scope: 'row' });
    }
    rows.push([...lead, ...cells]);
  }
  return {
    key: 'requests',
    title: SECTION_HEADINGS.requests,
    widths: [1.3, 1.5, 4.2, 1, 1, 1, 1, 1, 1, 1],
    headRows: 3,
    rows,
  };
}

export function reviewsGrid(content: ReportContent): Grid {
  const totals = computeTotals(content);
  const rows: GridCell[][] = [
    [
      { text: REVIEW_BLOCKS[0].label, colSpan: 5, rowSpan: 2, scope: 'colgroup' },
      { text: LAWSUIT_GROUP_LABEL, colSpan: 10, scope: 'colgroup' },
    ],
    REVIEW_BLOCKS.slice(1).map((b) => ({ text: b.label, colSpan: 5, scope: 'colgroup' as const })),
    REVIEW_BLOCKS.flatMap((): GridCell[] => [
      ...REVIEW_RESULTS.map((r) => ({ text: r.label as string, scope: 'col' as const })),
      { text: REVIEW_TOTAL_LABEL, scope: 'col' },
    ]),
    REVIEW_BLOCKS.flatMap((b): GridCell[] => [
      ...REVIEW_RESULTS.map((r) => numCell(content.reviews[b.key][r.key], `reviews.${b.key}.${r.key}`)),
      numCell(totals.reviews[b.key], `reviews.${b.key}.${REQUEST_TOTAL_KEY}`, 'count', true),
    ]),
  ];
  return { key: 'reviews', title: SECTION_HEADINGS.reviews, widths: Array(15).fill(1), headRows: 3, rows };
}

export function reportGrids(content: ReportContent): { proactive: Grid; requests: Grid; reviews: Grid } {
  return { proactive: proactiveGrid(content), requests: requestsGrid(content), reviews: reviewsGrid(content) };
}

export type PlacedCell = GridCell & { row: number; col: number; rowSpan: number; colSpan: number };

/** Where each cell sits once merges are resolved (the HTML table algorithm, for renderers). */
export function placeCells(grid: Grid): PlacedCell[] {
  const taken: boolean[][] = grid.rows.map(() => Array(grid.widths.length).fill(false));
  const placed: PlacedCell[] = [];
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > grid.widths.length || r + rowSpan > grid.rows.length) {
        throw new Error(`table ${grid.key}: cell "${cell.text}" at row ${r} overflows the grid`);
      }
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) taken[i]![j] = true;
      placed.push({ ...cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  const hole = taken.findIndex((row) => row.some((t) => !t));
  if (hole >= 0) throw new Error(`table ${grid.key}: row ${hole} has an empty slot`);
  return placed;
}
