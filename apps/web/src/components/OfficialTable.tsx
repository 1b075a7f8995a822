import { Fragment, type ReactElement } from 'react';
import { figureValues, formatFigure, type FigureCell, type LabelCell, type ReportContent, type TableLayout } from '@ccgov/report';

/** Draws one figure cell; must return the `<td>` itself (the walk owns the row). */
export type RenderFigure = (cell: FigureCell) => ReactElement;

function Label({ cell }: { cell: LabelCell }) {
  return (
    <th scope={cell.scope} colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={cell.role}>
      {cell.text}
    </th>
  );
}

/**
 * One of the official tables, walked from its layout in @ccgov/report (the same description the
 * PDF, Word and Excel renderers draw): header rows in `thead`, merged cells with their spans,
 * `th scope` on every label. The caller draws the figure cells: text on the public page and in
 * review, inputs in the editor.
 */
export function OfficialTable({
  layout,
  renderFigure,
  label,
  className = 'grid',
  region = true,
}: {
  layout: TableLayout;
  renderFigure: RenderFigure;
  label?: string;
  className?: string;
  /** A named, keyboard-scrollable region (read-only tables); the editor's inputs are focusable themselves. */
  region?: boolean;
}) {
  const row = (cells: TableLayout['rows'][number], r: number, rowClass?: string) => (
    <tr key={r} className={rowClass}>
      {cells.map((cell, c) => (cell.type === 'label' ? <Label key={c} cell={cell} /> : <Fragment key={cell.figure.key}>{renderFigure(cell)}</Fragment>))}
    </tr>
  );
  const head = layout.rows.slice(0, layout.headRows);
  const body = layout.rows.slice(layout.headRows);
  return (
    <div className="table-wrap" {...(region ? { role: 'region', 'aria-label': label ?? layout.title, tabIndex: 0 } : {})}>
      <table className={className} data-table={layout.key}>
        {head.length > 0 && <thead>{head.map((cells, r) => row(cells, r))}</thead>}
        <tbody>
          {body.map((cells, r) => {
            const totalRow = cells.some((c) => c.type === 'figure' && c.figure.row === 'resultTotal');
            return row(cells, r, totalRow ? 'total-row' : undefined);
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The read-only figure cell of the public page, the review screen and the summary. */
export function figureText(values: Record<string, number | null>): RenderFigure {
  return function FigureText(cell) {
    const { figure } = cell;
    return (
      <td className={figure.computed ? 'num computed' : 'num'} colSpan={cell.colSpan} data-cell={figure.key}>
        {formatFigure(values[figure.key], figure.kind)}
      </td>
    );
  };
}

/** A table of one report (or of district sums) as published. */
export function ReportTable({ layout, content, label }: { layout: TableLayout; content: ReportContent; label?: string }) {
  return <OfficialTable layout={layout} renderFigure={figureText(figureValues(content))} label={label} />;
}
