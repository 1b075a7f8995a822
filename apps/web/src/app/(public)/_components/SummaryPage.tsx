import { REQUEST_ROWS, REQUEST_TOTAL_LABEL, SECTION_HEADINGS, TABLE_LAYOUTS, TABLE_ORDER } from '@ccgov/report';
import { DEPARTMENT_KIND_LABELS, formatRate, RATE_DEFINITIONS, type RateKey } from '@ccgov/report';
import type { loadSummary, loadTrend } from '@/server/public-data';
import { ReportTable } from '@/components/OfficialTable';
import { BarChart, ColumnChart } from './Charts';
import { Downloads } from './Downloads';

/**
 * 全区汇总 of one year, drawn as plain markup (server/static-html.tsx renders it with no client
 * JavaScript): the charts are inline SVG with their numbers in a table beside them, and the other
 * years are plain links.
 */

const NEW_RECEIVED = `${REQUEST_ROWS.find((r) => r.key === 'newReceived')!.label}（${REQUEST_TOTAL_LABEL}）`;
const RATE_KEYS: RateKey[] = ['disclosure', 'reviewCorrection', 'suitCorrection'];

export type Summary = NonNullable<Awaited<ReturnType<typeof loadSummary>>>;
type TrendRow = Awaited<ReturnType<typeof loadTrend>>[number];
/** 2026（未完成，已发布 1/47） for a year not every expected body has published. */
const yearLabel = (t: TrendRow) => (t.complete ? `${t.year}` : `${t.year}（未完成，已发布 ${t.reports}/${t.expected}）`);
const incompleteNote = (t: TrendRow) => (t.complete ? undefined : `未完成 ${t.reports}/${t.expected}`);

/** Before anything is published. */
export function SummaryEmpty() {
  return (
    <>
      <h1>全区汇总</h1>
      <p className="muted">暂无已发布的年度报告。</p>
    </>
  );
}

export function SummaryPage({ year, years, s, trend }: { year: number; years: readonly number[]; s: Summary; trend: readonly TrendRow[] }) {
  const thisYear = trend.find((t) => t.year === year);
  const count = (kind: string) => s.published.filter((p) => p.departmentKind === kind).length;

  return (
    <>
      <h1>{year}年度全区汇总</h1>
      <nav aria-label="选择年度" className="year-nav">
        {years.map((y) => (
          <a key={y} href={`/summary?year=${y}`} aria-current={y === year ? 'page' : undefined}>
            {y}年度
          </a>
        ))}
      </nav>
      <p>
        本页汇总 {year} 年度已发布的 {s.published.length} 份年度报告（部门 {count('department')} 份、镇街 {count('town')} 份）中表二、表三、表四的数字。
        数字随报告的发布、更正和撤销即时更新。
      </p>
      {thisYear && !thisYear.complete && (
        <p className="alert warn" data-testid="incomplete-year">
          {year}年度报告尚未全部发布（已发布 {thisYear.reports}/{thisYear.expected}），以下汇总数字不完整，随发布逐步更新。
        </p>
      )}
      <Downloads
        label="下载汇总数据"
        links={[
          { href: `/api/open/summary?year=${year}`, text: '汇总 JSON' },
          { href: `/api/open/reports.csv?year=${year}`, text: '各报告全部数字 CSV', note: '每份报告一行' },
          { href: `/api/open/bulk/${year}.zip`, text: '全部报告批量下载 ZIP', note: '每份报告的 JSON、CSV 和 PDF' },
        ]}
      />

      <section className="card" aria-labelledby="status">
        <h2 id="status">发布情况</h2>
        <p data-testid="publication-count">
          应发布 {s.departmentCount} 个部门和镇街，已发布 {s.published.length} 个，未发布 {s.notPublished.length} 个。
        </p>
        {s.notPublished.length === 0 ? (
          <p>全部已发布。</p>
        ) : (
          <>
            <h3>尚未发布</h3>
            <ul className="columns" data-testid="not-published">
              {s.notPublished.map((d) => (
                <li key={d.id}>
                  {d.name} <span className="muted small">（{DEPARTMENT_KIND_LABELS[d.kind]}）</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card">
        <h2 id="rates">主要比率</h2>
        <div className="table-wrap" role="region" aria-label="主要比率" tabIndex={0}>
          <table className="list" data-table="rates">
            <thead>
              <tr>
                <th scope="col">比率</th>
                <th scope="col">{year}年度</th>
                <th scope="col">计算方法</th>
                <th scope="col">分子</th>
                <th scope="col">分母</th>
              </tr>
            </thead>
            <tbody>
              {s.rates.map((r) => (
                <tr key={r.key} data-rate={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{formatRate(r.value)}</td>
                  <td>{r.label} = {r.definition}</td>
                  <td className="num">{r.numerator}</td>
                  <td className="num">{r.denominator}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">分母为 0 时比率无意义，显示为“—”。</p>
      </section>

      <section className="card" aria-labelledby="trend">
        <h2 id="trend">年度趋势</h2>
        <div className="chart-pair">
          <figure>
            <figcaption>{NEW_RECEIVED}，按年度</figcaption>
            <ColumnChart
              id="trend-requests"
              title={`${NEW_RECEIVED}，按年度`}
              data={trend.map((t) => ({ label: `${t.year}`, value: t.newReceived, display: String(t.newReceived), incomplete: incompleteNote(t) }))}
            />
          </figure>
          <div className="table-wrap" role="region" aria-label="年度趋势数据" tabIndex={0}>
            <table className="list" data-table="trend">
              <caption>年度趋势数据</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">已发布报告</th>
                  <th scope="col">{NEW_RECEIVED}</th>
                  <th scope="col">办理总计</th>
                  {RATE_KEYS.map((k) => (
                    <th scope="col" key={k}>
                      {RATE_DEFINITIONS[k].label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.year} data-incomplete={t.complete ? undefined : 'true'}>
                    <th scope="row">{yearLabel(t)}</th>
                    <td className="num">{t.reports}</td>
                    <td className="num">{t.newReceived}</td>
                    <td className="num">{t.resultTotal}</td>
                    {RATE_KEYS.map((k) => (
                      <td className="num" key={k}>
                        {formatRate(t.rates[k])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="chart-pair">
          <figure>
            <figcaption>{RATE_DEFINITIONS.disclosure.label}，按年度</figcaption>
            <ColumnChart
              id="trend-disclosure"
              title={`${RATE_DEFINITIONS.disclosure.label}，按年度`}
              data={trend.map((t) => ({ label: `${t.year}`, value: t.rates.disclosure ?? 0, display: formatRate(t.rates.disclosure), incomplete: incompleteNote(t) }))}
            />
          </figure>
          <div className="table-wrap" role="region" aria-label={`${RATE_DEFINITIONS.disclosure.label}数据`} tabIndex={0}>
            <table className="list" data-table="trend-disclosure">
              <caption>{RATE_DEFINITIONS.disclosure.label}数据</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">{RATE_DEFINITIONS.disclosure.label}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.year} data-incomplete={t.complete ? undefined : 'true'}>
                    <th scope="row">{yearLabel(t)}</th>
                    <td className="num">{formatRate(t.rates.disclosure)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="top">
        <h2 id="top">{year}年度新收申请最多的部门和镇街</h2>
        <div className="chart-pair">
          <figure>
            <figcaption>{NEW_RECEIVED}，前 {s.topRequests.length} 名</figcaption>
            <BarChart
              id="top-requests"
              title={`${year}年度${NEW_RECEIVED}，前 ${s.topRequests.length} 名`}
              data={s.topRequests.map((p) => ({ label: p.departmentName, value: p.newReceived, display: String(p.newReceived) }))}
            />
          </figure>
          <div className="table-wrap" role="region" aria-label="新收申请排名数据" tabIndex={0}>
            <table className="list" data-table="top-requests">
              <caption>新收申请排名数据</caption>
              <thead>
                <tr>
                  <th scope="col">名次</th>
                  <th scope="col">报告主体</th>
                  <th scope="col">{NEW_RECEIVED}</th>
                </tr>
              </thead>
              <tbody>
                {s.topRequests.map((p, i) => (
                  <tr key={p.id}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">
                      <a href={`/reports/${p.id}`}>{p.departmentName}</a>
                    </th>
                    <td className="num">{p.newReceived}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      {TABLE_ORDER.map((key) => (
        <section className="card" key={key}>
          <h2 id={`sum-${key}`}>{SECTION_HEADINGS[key]}（全区合计）</h2>
          <ReportTable layout={TABLE_LAYOUTS[key]} content={s.sums} label={`${SECTION_HEADINGS[key]}（全区合计）`} />
        </section>
      ))}
    </>
  );
}
