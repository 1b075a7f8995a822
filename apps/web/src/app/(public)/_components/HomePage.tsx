import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, departmentKindLabel, reportTitle } from '@ccgov/report';
import { formatChinaDate } from '@ccgov/documents';
import { SEARCH_MAX_LENGTH, type SearchHit } from '@ccgov/api';
import type { loadList } from '@/server/public-data';

// Long lists use plain links: a next/link each would prefetch dozens of pages on every visit.
function SearchResults({ q, hits }: { q: string; hits: SearchHit[] }) {
  return (
    <section className="card" aria-labelledby="search-results">
      <h2 id="search-results">搜索结果</h2>
      <p role="status">
        “{q}”：{hits.length === 0 ? '没有找到相关的年度报告。' : `找到 ${hits.length} 份年度报告。`}
      </p>
      {hits.length > 0 && (
        <ol className="search-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <a href={`/reports/${h.id}`}>{reportTitle(h.departmentName, h.year)}</a>{' '}
              <span className="muted small">
                {departmentKindLabel(h.departmentKind)} · 发布于{formatChinaDate(h.publishedAt)}
              </span>
              {h.snippet && !h.nameMatch && (
                <p className="snippet small">
                  {h.snippet.before}
                  <mark>{h.snippet.match}</mark>
                  {h.snippet.after}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A year with more bodies than this is listed in pages (by 部门 / 镇街, this many links a page). */
export const HOME_PAGE_SIZE = 200;

type ListItem = HomeData['list'][number];
export type HomeListPage = { kind: (typeof DEPARTMENT_KINDS)[number]; part: number; parts: number; items: ListItem[] };

/**
 * A year's reports in pages: one page for a year of at most HOME_PAGE_SIZE bodies (the demo's 47:
 * every body at once, as always); else each kind (部门, then 镇街) in pages of HOME_PAGE_SIZE, so a
 * district of 2,000 bodies sends ~35 kB a page instead of 338 kB.
 */
export function homeListPages(list: HomeData['list'], year: number): HomeListPage[][] {
  const ofYear = list.filter((r) => r.year === year);
  const byKind = DEPARTMENT_KINDS.map((kind) => ({ kind, items: ofYear.filter((r) => r.departmentKind === kind) })).filter((k) => k.items.length > 0);
  if (ofYear.length <= HOME_PAGE_SIZE) return [byKind.map((k) => ({ kind: k.kind, part: 1, parts: 1, items: k.items }))];
  return byKind.flatMap((k) => {
    const parts = Math.ceil(k.items.length / HOME_PAGE_SIZE);
    return Array.from({ length: parts }, (_, i) => [{ kind: k.kind, part: i + 1, parts, items: k.items.slice(i * HOME_PAGE_SIZE, (i + 1) * HOME_PAGE_SIZE) }]);
  });
}

const pageLabel = (p: HomeListPage[]) => p.map((g) => `${DEPARTMENT_KIND_LABELS[g.kind]}${g.parts > 1 ? `（${g.part}/${g.parts}）` : ''}`).join('、');

export type HomeData = {
  q: string;
  hits: SearchHit[];
  notice: string | null;
  list: Awaited<ReturnType<typeof loadList>>;
  years: number[];
  year: number | undefined;
  asked: number | null | 'invalid';
  unknownYear: boolean;
  /** The year's list in pages (homeListPages) and the one shown, 1-based. */
  pages: HomeListPage[][];
  page: number;
};

/**
 * The home page (rendered to plain HTML, see server/static-html.tsx): the search form (a plain GET
 * form), search results, and one year of reports at a time with the other years one link away.
 */
export function HomePage({ q, hits, notice, list, years, year, asked, unknownYear, pages, page }: HomeData) {
  const shown = pages[page - 1] ?? [];
  return (
    <>
      <h1>政府信息公开工作年度报告</h1>
      <form role="search" action="/" method="get" className="search-form card">
        <label htmlFor="q">搜索部门名称或报告全文</label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} placeholder="例如：公安、行政许可、信息处理费" />
          <button className="btn" type="submit">
            搜索
          </button>
        </div>
      </form>
      {q && notice && (
        <p className="alert warn" role="alert">
          {notice}
        </p>
      )}
      {q && !notice && <SearchResults q={q} hits={hits} />}
      {years.length === 0 && <p className="muted">暂无已发布的年度报告。</p>}
      {unknownYear && (
        <p className="alert warn" role="alert">
          {typeof asked === 'number' ? `${asked}年度没有已发布的年度报告，` : '年度应为四位数字，'}下面是{year}年度的报告。
        </p>
      )}
      {years.length > 1 && (
        <nav aria-label="按年度浏览" className="year-nav">
          {years.map((y) => (
            <a key={y} href={`/?year=${y}`} aria-current={y === year ? 'page' : undefined}>
              {y}年度
            </a>
          ))}
        </nav>
      )}
      {/* With a search, its results only: the year's list (up to 2,000 links at scale) is one link away. */}
      {q && year != null && (
        <p className="muted small">
          <a href={`/?year=${year}`}>浏览{year}年度全部报告</a>
        </p>
      )}
      {!q && year != null && (
        <section className="card" aria-labelledby={`y${year}`}>
          <h2 id={`y${year}`}>{year}年度</h2>
          <p className="muted small">
            已发布 {list.filter((r) => r.year === year).length} 份 · <a href={`/summary?year=${year}`}>{year}年度全区汇总</a> ·{' '}
            <a href={`/api/open/bulk/${year}.zip`}>{year}年度批量下载（ZIP）</a>
          </p>
          {pages.length > 1 && (
            <nav aria-label="分页" className="year-nav">
              {pages.map((p, i) => (
                <a key={i} href={i === 0 ? `/?year=${year}` : `/?year=${year}&page=${i + 1}`} aria-current={i + 1 === page ? 'page' : undefined}>
                  {pageLabel(p)}
                </a>
              ))}
            </nav>
          )}
          {shown.map(({ kind, part, parts, items }) => (
            <section key={kind} aria-labelledby={`y${year}-${kind}`}>
              <h3 id={`y${year}-${kind}`}>
                {DEPARTMENT_KIND_LABELS[kind]}
                {parts > 1 ? `（第${part}页，共${parts}页）` : ''}
              </h3>
              <ul className="report-list">
                {items.map((r) => (
                  <li key={r.id}>
                    <a href={`/reports/${r.id}`}>{reportTitle(r.departmentName, year)}</a>{' '}
                    <span className="muted small">
                      发布于{formatChinaDate(r.publishedAt)}
                      {r.corrected ? '（已更正）' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </>
  );
}
