import Link from 'next/link';
import type { Metadata } from 'next';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS } from '@ccgov/report';
import { loadList } from '@/server/public-data';
import { Downloads } from '../_components/Downloads';
import { BUSY_MESSAGE, expensive } from '@/server/expensive';
import { ALL_FIGURES, compareTable, FIGURE_GROUPS, FIGURE_OPTIONS, parseSelection, selectionProblem, type CompareQuery, type CompareTable } from './compare-data';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '对比' };

function Results({ table, csvHref }: { table: CompareTable; csvHref: string }) {
  const groups = [...new Set(table.rows.map((r) => r.group))];
  return (
    <section className="card">
      <h2 id="compare-results">对比结果</h2>
      {table.missing.length > 0 && (
        <p className="alert warn" role="note">
          以下报告尚未发布，未列入对比：{table.missing.map((m) => `${m.departmentName}${m.year}年`).join('、')}
        </p>
      )}
      {table.columns.length === 0 ? (
        <p>所选部门和年度没有已发布的报告。</p>
      ) : (
        <>
          <Downloads label="下载对比结果" links={[{ href: csvHref, text: 'CSV' }]} />
          <div className="table-wrap" role="region" aria-label="对比结果" tabIndex={0}>
            <table className="grid compare" data-table="compare">
              <thead>
                <tr>
                  <th scope="col">数字</th>
                  {table.columns.map((c) => (
                    <th scope="col" key={c.id}>
                      <a href={`/reports/${c.id}`}>
                        {c.departmentName}
                        <br />
                        {c.year}年
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              {groups.map((g) => (
                <tbody key={g}>
                  <tr>
                    <th scope="rowgroup" colSpan={table.columns.length + 1} className="group">
                      {g}
                    </th>
                  </tr>
                  {table.rows
                    .filter((r) => r.group === g)
                    .map((r) => (
                      <tr key={r.key} data-figure={r.key}>
                        <th scope="row">{r.label}</th>
                        {r.values.map((v, i) => (
                          <td className="num" key={table.columns[i]!.id}>
                            {v}
                          </td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<CompareQuery> }) {
  const q = await searchParams;
  const sel = await parseSelection(q);
  const list = await loadList();
  const years = [...new Set(list.map((r) => r.year))].sort((a, b) => b - a);
  // Each department once, under its latest published name.
  const departments = [...new Map([...list].reverse().map((r) => [r.departmentId, r])).values()].sort((a, b) => a.departmentId - b.departmentId);
  // Too many departments or years: say so and compare nothing; too many visitors at once: likewise.
  const problem = selectionProblem(q);
  const built = sel.chosen && !problem ? await expensive(() => compareTable(sel)) : undefined;
  const table = built?.value ?? null;
  const notice = problem ?? (built === null ? `${BUSY_MESSAGE}，请稍后再按“对比”。` : null);
  const params = new URLSearchParams();
  sel.departmentIds.forEach((d) => params.append('d', String(d)));
  sel.years.forEach((y) => params.append('y', String(y)));
  (sel.all ? [ALL_FIGURES] : sel.figures).forEach((f) => params.append('f', f));

  return (
    <>
      <h1>对比</h1>
      <p>选择部门和镇街、年度和要比较的数字，已发布报告中的数字将并排列出，并可下载为 CSV。</p>
      <form method="get" action="/compare" className="card compare-form">
        <fieldset>
          <legend>部门和镇街</legend>
          {DEPARTMENT_KINDS.map((kind) => (
            <fieldset key={kind} className="sub">
              <legend>{DEPARTMENT_KIND_LABELS[kind]}</legend>
              <div className="check-grid">
                {departments
                  .filter((d) => d.departmentKind === kind)
                  .map((d) => (
                    <label key={d.departmentId}>
                      <input type="checkbox" name="d" value={d.departmentId} defaultChecked={sel.departmentIds.includes(d.departmentId)} /> {d.departmentName}
                    </label>
                  ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
        <fieldset>
          <legend>年度</legend>
          <div className="check-grid">
            {years.map((y) => (
              <label key={y}>
                <input type="checkbox" name="y" value={y} defaultChecked={sel.years.includes(y)} /> {y}年度
              </label>
            ))}
          </div>
        </fieldset>
        <details>
          <summary>选择要比较的数字（已选 {sel.all ? '全部' : `${sel.figures.length} 项`}）</summary>
          <label className="all-figures">
            <input type="checkbox" name="f" value={ALL_FIGURES} defaultChecked={sel.all} /> 全部数字（表二、表三各列、表四及比率）
          </label>
          {FIGURE_GROUPS.map((g) => (
            <fieldset key={g} className="sub">
              <legend>{g}</legend>
              <div className="check-grid wide">
                {FIGURE_OPTIONS.filter((o) => o.group === g).map((o) => (
                  <label key={o.key}>
                    <input type="checkbox" name="f" value={o.key} defaultChecked={!sel.all && sel.figures.includes(o.key)} /> {o.label}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </details>
        <div className="actions">
          <button type="submit" className="btn">
            对比
          </button>
          <Link href="/compare">清除选择</Link>
        </div>
      </form>
      {notice ? (
        <p className="alert warn" role="alert">
          {notice}
        </p>
      ) : table ? (
        <Results table={table} csvHref={`/compare/csv?${params.toString()}`} />
      ) : (
        <p className="muted">请至少选择一个部门或镇街，然后按“对比”。</p>
      )}
    </>
  );
}
