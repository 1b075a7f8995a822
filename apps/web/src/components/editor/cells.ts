/**
 * The form's number cells as data: their target ids (the checker's), accessible names, the grids
 * the keyboard moves through, and reading / writing a cell of the content by target.
 */
import {
  FIGURE_BY_KEY,
  TABLE_LAYOUTS,
  TABLE_ORDER,
  interpretCellText,
  type Cell,
  type FigureTable,
  type ReportContent,
} from '@ccgov/report';

export type CellKind = 'count' | 'amount';
export type GridKey = FigureTable;

/** A grid row: typed cells by target (figure key), null where the official table has a computed cell. */
export type GridRow = (string | null)[];

/** The figure rows of each official layout, as the keyboard moves through them. */
export const GRIDS: Record<GridKey, GridRow[]> = Object.fromEntries(
  TABLE_ORDER.map((key) => [
    key,
    TABLE_LAYOUTS[key].rows
      .map((cells) => cells.flatMap((c) => (c.type === 'figure' ? [c.figure.computed ? null : c.figure.key] : [])))
      .filter((row) => row.length > 0),
  ]),
) as Record<GridKey, GridRow[]>;

/** Every number cell in reading order, with what the form needs to show it. */
export type CellInfo = { target: string; grid: GridKey; row: number; col: number; kind: CellKind; label: string };

export const CELLS: Map<string, CellInfo> = (() => {
  const out = new Map<string, CellInfo>();
  for (const grid of TABLE_ORDER) {
    GRIDS[grid].forEach((cells, row) =>
      cells.forEach((target, col) => {
        const figure = target ? FIGURE_BY_KEY.get(target) : undefined;
        if (target && figure) out.set(target, { target, grid, row, col, kind: figure.kind, label: figure.name });
      }),
    );
  }
  return out;
})();

/** How a cell's number is shown while not being typed in. */
export function formatCellValue(v: Cell): string {
  return v == null ? '' : String(v);
}

/**
 * What a clerk typed or pasted, as the value to store and, when it cannot be stored, why: the
 * report package's rule (full-width digits, thousands separators, `/` `–` `—` as 0, the same as an
 * Excel upload); a pasted block also reads a blank as 0.
 */
export function interpretCell(raw: string, kind: CellKind, opts: { blankAsZero?: boolean } = {}): { value: Cell; error: string | null } {
  return interpretCellText(raw, kind, opts);
}

export type Move = 'up' | 'down' | 'left' | 'right';

/** The cell an arrow key leads to inside its grid; computed cells are stepped over. */
export function neighbour(target: string, move: Move): string | null {
  const info = CELLS.get(target);
  if (!info) return null;
  const grid = GRIDS[info.grid];
  const row = grid[info.row]!;
  if (move === 'left' || move === 'right') {
    const step = move === 'left' ? -1 : 1;
    for (let c = info.col + step; c >= 0 && c < row.length; c += step) if (row[c]) return row[c]!;
    return null;
  }
  const step = move === 'up' ? -1 : 1;
  for (let r = info.row + step; r >= 0 && r < grid.length; r += step) {
    const cells = grid[r]!;
    // The nearest typed cell at or before this column (short rows in 二 have one column).
    for (let c = Math.min(info.col, cells.length - 1); c >= 0; c--) if (cells[c]) return cells[c]!;
  }
  return null;
}

/** A block copied from Excel or WPS: rows by line, cells by tab. Null when it is a single value. */
export function parseBlock(text: string): string[][] | null {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (lines.length === 1 && !lines[0]!.includes('\t')) return null;
  return lines.map((line) => line.split('\t'));
}

/**
 * Where each value of a pasted block goes, starting at `target`, laid over the official table:
 * a value that falls on a computed cell (a 总计) is skipped, one beyond the table is counted.
 */
export function placeBlock(target: string, block: string[][]): { cells: [string, string][]; outside: number } {
  const info = CELLS.get(target);
  if (!info) return { cells: [], outside: 0 };
  const grid = GRIDS[info.grid];
  const cells: [string, string][] = [];
  let outside = 0;
  block.forEach((values, i) =>
    values.forEach((raw, j) => {
      const row = grid[info.row + i];
      const col = info.col + j;
      if (!row || col >= row.length) outside++;
      else if (row[col]) cells.push([row[col]!, raw]);
    }),
  );
  return { cells, outside };
}
