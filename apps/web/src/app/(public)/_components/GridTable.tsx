import type { Grid, GridCell } from '@ccgov/documents';

function Cell({ cell }: { cell: GridCell }) {
  if (cell.scope) {
    return (
      <th scope={cell.scope} colSpan={cell.colSpan} rowSpan={cell.rowSpan}>
        {cell.text}
      </th>
    );
  }
  return (
    <td className={cell.num === 'computed' ? 'num computed' : 'num'} colSpan={cell.colSpan} rowSpan={cell.rowSpan} data-cell={cell.field}>
      {cell.text}
    </td>
  );
}

/**
 * One of the official tables from its grid description (packages/documents), the same one the
 * PDF and Word downloads draw. Scrolls inside its box on a narrow screen.
 */
export function GridTable({ grid, label }: { grid: Grid; label?: string }) {
  const head = grid.rows.slice(0, grid.headRows);
  const body = grid.rows.slice(grid.headRows);
  return (
    <div className="table-wrap" role="region" aria-label={label ?? grid.title} tabIndex={0}>
      <table className="grid" data-table={grid.key}>
        {head.length > 0 && (
          <thead>
            {head.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <Cell key={c} cell={cell} />
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <Cell key={c} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
