'use client';
/**
 * The tables of 二、三、四 drawn from the official layouts (the same walk as the public page), with
 * an input in every typed cell and live, read-only totals.
 */
import { TABLE_LAYOUTS, figureValues, type FigureCell, type FigureTable } from '@ccgov/report';
import { useMemo } from 'react';
import { OfficialTable } from '../OfficialTable';
import { useEditor, type EditorState } from './EditorContext';
import { ComputedCell, NumberCell, cellView, computedClass } from './NumberCell';
import { AreaNotes } from './Notes';

/** A total shows blank while every cell it adds up is still empty. */
function allInputsEmpty(s: EditorState, cell: FigureCell): boolean {
  const { figure } = cell;
  if (figure.table === 'reviews') return Object.values(s.content.reviews[figure.row as keyof EditorState['content']['reviews']]).every((v) => v == null);
  if (figure.table === 'requests' && figure.row !== 'resultTotal') {
    return s.content.requests[figure.row as keyof EditorState['content']['requests']].every((v) => v == null);
  }
  return false;
}

function EditableTable({ table }: { table: FigureTable }) {
  const s = useEditor();
  const values = useMemo(() => figureValues(s.content), [s.content]);
  const renderFigure = (cell: FigureCell) => {
    const { figure } = cell;
    if (!figure.computed) return <NumberCell target={figure.key} colSpan={cell.colSpan} {...cellView(s, figure.key)} />;
    return (
      <ComputedCell
        target={figure.key}
        colSpan={cell.colSpan}
        className={computedClass(s, figure.key)}
        label={figure.name}
        value={allInputsEmpty(s, cell) ? null : values[figure.key]!}
      />
    );
  };
  return (
    <>
      <OfficialTable layout={TABLE_LAYOUTS[table]} renderFigure={renderFigure} className="grid edit-grid" region={false} />
      <AreaNotes prefix={`${table}.`} />
    </>
  );
}

export const ProactiveTables = () => <EditableTable table="proactive" />;
export const RequestTable = () => <EditableTable table="requests" />;
export const ReviewTable = () => <EditableTable table="reviews" />;
