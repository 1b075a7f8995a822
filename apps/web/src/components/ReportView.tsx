import {
  computeTotals,
  OVERVIEW_PARTS,
  PROACTIVE_INFO_HEADER,
  PROACTIVE_TABLES,
  REQUEST_ROWS,
  RESULT_GROUP_LABEL,
  RESULT_GROUPS,
  REVIEW_BLOCKS,
  REVIEW_RESULTS,
  reportTitle,
  requestRowWithTotal,
  SECTION_HEADINGS,
  type Cell,
  type ReportContent,
} from '@ccgov/report';
import { RequestsTableHead, ReviewsTableHead } from './TableHeads';

/** Numbers as published: counts plain, the fee with its decimals, empty cells as –. */
export function formatCell(v: Cell | undefined, kind: 'count' | 'amount' = 'count'): string {
  if (v == null) return '–';
  return kind === 'amount' ? String(Number(v.toFixed(4))) : String(v);
}

function Paragraphs({ text, id }: { text: string; id?: string }) {
  const parts = text.split(/\n+/).filter((p) => p.trim() !== '');
  if (parts.length === 0) return <p className="muted" id={id}>（未填写）</p>;
  return (
    <div id={id}>
      {parts.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

/**
 * The report in the official layout: six headings, the tables with the official merged headers,
 * text as paragraphs. Text is rendered as React text, never as HTML.
 */
export function ReportView({ body, year, content }: { body: string; year: number; content: ReportContent }) {
  const totals = computeTotals(content);
  return (
    <article className="report-doc" aria-labelledby="report-title">
      <h1 id="report-title">{reportTitle(body, year)}</h1>
      <Paragraphs text={content.opening} />

      <h2>{SECTION_HEADINGS.overview}</h2>
      {content.overview.lead.trim() && <Paragraphs text={content.overview.lead} />}
      {OVERVIEW_PARTS.map((part) => (
        <section key={part.key} aria-label={part.label}>
          <h3>{part.label}</h3>
          <Paragraphs text={content.overview[part.key]} />
        </section>
      ))}

      <h2>{SECTION_HEADINGS.proactive}</h2>
      <div className="table-wrap" role="region" aria-label={SECTION_HEADINGS.proactive} tabIndex={0}>
        <table className="grid" data-table="proactive">
          <tbody>
            {PROACTIVE_TABLES.map((table) => (
              <ProactiveBlock key={table.key} table={table} content={content} />
            ))}
          </tbody>
        </table>
      </div>

      <h2>{SECTION_HEADINGS.requests}</h2>
      <div className="table-wrap" role="region" aria-label={SECTION_HEADINGS.requests} tabIndex={0}>
        <table className="grid" data-table="requests">
          <RequestsTableHead />
          <tbody>
            {REQUEST_ROWS.map((row) => {
              const values = requestRowWithTotal(content, totals, row.key);
              const cells = values.map((v, i) => (
                <td key={i} className={i === 6 || row.key === 'resultTotal' ? 'num computed' : 'num'} data-cell={`requests.${row.key}.${i === 6 ? 'total' : i}`}>
                  {content.requests[row.key as keyof ReportContent['requests']]?.[i] === null && i < 6 ? '–' : v}
                </td>
              ));
              if (row.section === 'top') {
                return (
                  <tr key={row.key}>
                    <th scope="row" colSpan={3}>{row.label}</th>
                    {cells}
                  </tr>
                );
              }
              const resultRows = REQUEST_ROWS.filter((r) => r.section === 'result');
              const isFirstResult = resultRows[0]!.key === row.key;
              const group = 'group' in row ? RESULT_GROUPS.find((g) => g.key === row.group) : undefined;
              const groupRows = group ? REQUEST_ROWS.filter((r) => 'group' in r && r.group === group.key) : [];
              const isFirstInGroup = group && groupRows[0]!.key === row.key;
              return (
                <tr key={row.key}>
                  {isFirstResult && (
                    <th scope="rowgroup" rowSpan={resultRows.length}>{RESULT_GROUP_LABEL}</th>
                  )}
                  {group ? (
                    <>
                      {isFirstInGroup && <th scope="rowgroup" rowSpan={groupRows.length}>{group.label}</th>}
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

      <h2>{SECTION_HEADINGS.reviews}</h2>
      <div className="table-wrap" role="region" aria-label={SECTION_HEADINGS.reviews} tabIndex={0}>
        <table className="grid" data-table="reviews">
          <ReviewsTableHead />
          <tbody>
            <tr>
              {REVIEW_BLOCKS.flatMap((b) => [
                ...REVIEW_RESULTS.map((r) => (
                  <td className="num" key={`${b.key}.${r.key}`} data-cell={`reviews.${b.key}.${r.key}`}>
                    {formatCell(content.reviews[b.key][r.key])}
                  </td>
                )),
                <td className="num computed" key={`${b.key}.total`} data-cell={`reviews.${b.key}.total`}>
                  {totals.reviews[b.key]}
                </td>,
              ])}
            </tr>
          </tbody>
        </table>
      </div>

      <h2>{SECTION_HEADINGS.problems}</h2>
      <Paragraphs text={content.problems} />
      <h2>{SECTION_HEADINGS.other}</h2>
      <Paragraphs text={content.other} />
    </article>
  );
}

function ProactiveBlock({ table, content }: { table: (typeof PROACTIVE_TABLES)[number]; content: ReportContent }) {
  const width = 4;
  const colSpan = (i: number) => (i === table.columns.length - 1 ? width - table.columns.length : 1);
  return (
    <>
      <tr>
        <th scope="colgroup" colSpan={width} className="clause">{table.clause}</th>
      </tr>
      <tr>
        <th scope="col">{PROACTIVE_INFO_HEADER}</th>
        {table.columns.map((c, i) => (
          <th scope="col" key={c.key} colSpan={colSpan(i)}>{c.label}</th>
        ))}
      </tr>
      {table.rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.label}</th>
          {table.columns.map((c, i) => {
            const v = (content.proactive[row.key as keyof ReportContent['proactive']] as Record<string, Cell>)[c.key];
            return (
              <td className="num" key={c.key} colSpan={colSpan(i)} data-cell={`proactive.${row.key}.${c.key}`}>
                {formatCell(v, table.kind)}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}
