import {
  figureValues,
  formatFigure,
  placeCells as placeLayoutCells,
  TABLE_LAYOUTS,
  type ReportContent,
  type TableLayout,
} from '@ccgov/report';

/**
 * The official table layouts of @ccgov/report (layout.ts) filled with one report's figures, for
 * the renderers that draw text into cells (PDF, Word, the summary page). Spans, labels and order
 * come from the layout; only the text of each figure cell is added here.
 */
export type GridCell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Set on header cells (th), with the HTML scope they take. */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** Label role from the layout (the 勾稽 note, a 条款 line, a row group). */
  role?: 'note' | 'clause' | 'group';
  /** Number cells: typed, or computed by the format (totals). */
  num?: 'typed' | 'computed';
  /** Figure key of a number cell, e.g. requests.newReceived.total. */
  field?: string;
};

export type Grid = Omit<TableLayout, 'rows'> & { rows: GridCell[][] };

export function fillLayout(layout: TableLayout, content: ReportContent): Grid {
  const values = figureValues(content);
  return {
    ...layout,
    rows: layout.rows.map((cells) =>
      cells.map((cell): GridCell =>
        cell.type === 'label'
          ? { text: cell.text, colSpan: cell.colSpan, rowSpan: cell.rowSpan, scope: cell.scope, role: cell.role }
          : {
              text: formatFigure(values[cell.figure.key], cell.figure.kind),
              colSpan: cell.colSpan,
              num: cell.figure.computed ? 'computed' : 'typed',
              field: cell.figure.key,
            },
      ),
    ),
  };
}

export function reportGrids(content: ReportContent): { proactive: Grid; requests: Grid; reviews: Grid } {
  return {
    proactive: fillLayout(TABLE_LAYOUTS.proactive, content),
    requests: fillLayout(TABLE_LAYOUTS.requests, content),
    reviews: fillLayout(TABLE_LAYOUTS.reviews, content),
  };
}

export type PlacedCell = GridCell & { row: number; col: number; rowSpan: number; colSpan: number };

/** Where each cell sits once merges are resolved (the HTML table algorithm, for renderers). */
export function placeCells(grid: Grid): PlacedCell[] {
  return placeLayoutCells(grid);
}
