'use client';
/**
 * The tables of 二、三、四 as the official format draws them (grouped headers included), with an
 * input in every typed cell and live, read-only totals.
 */
import {
  PROACTIVE_INFO_HEADER,
  PROACTIVE_TABLES,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REQUEST_TOTAL_LABEL,
  RESULT_GROUP_LABEL,
  RESULT_GROUPS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  REVIEW_TOTAL_LABEL,
  computeTotals,
  proactiveTarget,
  requestCellTarget,
  requestRowFullLabel,
  reviewBlockFullLabel,
  reviewTarget,
} from '@ccgov/report';
import { RequestsTableHead, ReviewsTableHead } from '../TableHeads';
import { useMemo } from 'react';
import { useEditor } from './EditorContext';
import { ComputedCell, NumberCell, cellView, computedClass } from './NumberCell';
import { AreaNotes } from './Notes';

export function ProactiveTables() {
  const s = useEditor();
  const width = 4;
  return (
    <>
      <div className="table-wrap">
        <table className="grid edit-grid" data-table="proactive">
          <tbody>
            {PROACTIVE_TABLES.map((table) => {
              // The last column takes the remaining width, as in the official four-column layout.
              const colSpan = (i: number) => (i === table.columns.length - 1 ? width - table.columns.length : 1);
              return [
                <tr key={`${table.key}-clause`}>
                  <th scope="colgroup" colSpan={width} className="clause">{table.clause}</th>
                </tr>,
                <tr key={`${table.key}-head`}>
                  <th scope="col">{PROACTIVE_INFO_HEADER}</th>
                  {table.columns.map((c, i) => (
                    <th scope="col" key={c.key} colSpan={colSpan(i)}>{c.label}</th>
                  ))}
                </tr>,
                ...table.rows.map((row) => (
                  <tr key={`${table.key}-${row.key}`}>
                    <th scope="row">{row.label}</th>
                    {table.columns.map((c, i) => {
                      const target = proactiveTarget(`${row.key}.${c.key}`);
                      return <NumberCell key={c.key} target={target} colSpan={colSpan(i)} {...cellView(s, target)} />;
                    })}
                  </tr>
                )),
              ];
            })}
          </tbody>
        </table>
      </div>
      <AreaNotes prefix="proactive." />
    </>
  );
}

export function RequestTable() {
  const s = useEditor();
  const { content } = s;
  const totals = useMemo(() => computeTotals(content), [content]);
  const resultRows = REQUEST_ROWS.filter((r) => r.section === 'result');
  return (
    <>
      <div className="table-wrap">
        <table className="grid edit-grid" data-table="requests">
          <RequestsTableHead noteClassName="note" />
          <tbody>
            {REQUEST_ROWS.map((row) => {
              const full = requestRowFullLabel(row.key);
              const cells =
                row.key === 'resultTotal'
                  ? totals.requests.resultTotal.map((v, i) => {
                      const target = requestCellTarget('resultTotal', i < REQUEST_COLUMNS.length ? i : 'total');
                      return (
                        <ComputedCell
                          key={i}
                          target={target}
                          className={computedClass(s, target)}
                          label={`${full} ${i < REQUEST_COLUMNS.length ? REQUEST_COLUMNS[i]!.label : REQUEST_TOTAL_LABEL}`}
                          value={v}
                        />
                      );
                    })
                  : [
                      ...REQUEST_COLUMNS.map((_, i) => {
                        const target = requestCellTarget(row.key, i);
                        return <NumberCell key={i} target={target} {...cellView(s, target)} />;
                      }),
                      <ComputedCell
                        key="total"
                        target={requestCellTarget(row.key, 'total')}
                        className={computedClass(s, requestCellTarget(row.key, 'total'))}
                        label={`${full} ${REQUEST_TOTAL_LABEL}`}
                        value={content.requests[row.key].every((c) => c == null) ? null : totals.requests.rowTotal[row.key]}
                      />,
                    ];
              if (row.section === 'top') {
                return (
                  <tr key={row.key}>
                    <th scope="row" colSpan={3}>{row.label}</th>
                    {cells}
                  </tr>
                );
              }
              const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
              const groupRows = group ? REQUEST_ROWS.filter((r) => 'group' in r && r.group === group.key) : [];
              return (
                <tr key={row.key} className={row.key === 'resultTotal' ? 'total-row' : undefined}>
                  {resultRows[0]!.key === row.key && (
                    <th scope="rowgroup" rowSpan={resultRows.length} className="vertical">{RESULT_GROUP_LABEL}</th>
                  )}
                  {group ? (
                    <>
                      {groupRows[0]!.key === row.key && <th scope="rowgroup" rowSpan={groupRows.length}>{group.label}</th>}
                      <th scope="row">{row.label}</th>
                    </>
                  ) : (
                    <th scope="row" colSpan={2}>{row.label}</th>
                  )}
                  {cells}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <AreaNotes prefix="requests." />
    </>
  );
}

export function ReviewTable() {
  const s = useEditor();
  const { content } = s;
  const totals = useMemo(() => computeTotals(content), [content]);
  return (
    <>
      <div className="table-wrap">
        <table className="grid edit-grid" data-table="reviews">
          <ReviewsTableHead />
          <tbody>
            <tr>
              {REVIEW_BLOCKS.flatMap((b) => [
                ...REVIEW_RESULTS.map((r) => {
                  const target = reviewTarget(b.key, r.key);
                  return <NumberCell key={`${b.key}.${r.key}`} target={target} {...cellView(s, target)} />;
                }),
                <ComputedCell
                  key={`${b.key}.total`}
                  target={reviewTarget(b.key, 'total')}
                  className={computedClass(s, reviewTarget(b.key, 'total'))}
                  label={`${reviewBlockFullLabel(b.key)} ${REVIEW_TOTAL_LABEL}`}
                  value={REVIEW_RESULTS.every((r) => content.reviews[b.key][r.key] == null) ? null : totals.reviews[b.key]}
                />,
              ])}
            </tr>
          </tbody>
        </table>
      </div>
      <AreaNotes prefix="reviews." />
    </>
  );
}
