import { SEARCH_MAX_LENGTH, searchQueryProblem, searchReports } from '@ccgov/api';
import { loadList, loadSearchIndex, parseYear } from '@/server/public-data';
import { BUSY_MESSAGE, expensive } from '@/server/expensive';
import { publicNotFoundResponse, publicPageResponse } from '@/server/static-html';
import { HomePage, homeListPages } from './_components/HomePage';

export const dynamic = 'force-dynamic';

/**
 * The home page as plain HTML with no client JavaScript (a route handler, not an App Router page:
 * see server/static-html.tsx). It lists one year at a time (the latest by default, another with
 * `/?year=YYYY`), so its size stays that of one year however many years are published; the others
 * are one link away. `?q=` searches (a plain GET form) and shows the results only. A year of more
 * than HOME_PAGE_SIZE bodies is listed in pages (`?year=YYYY&page=N`, by 部门 / 镇街); a page
 * number that is malformed or past the last page answers the public 404 (so it is never cached).
 */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const q = params.get('q')?.trim().slice(0, SEARCH_MAX_LENGTH) ?? '';
  const list = await loadList();
  // Too many terms, or too many searches at once: a notice instead of results.
  const problem = q ? searchQueryProblem(q) : null;
  const found = q && !problem ? await expensive(async () => searchReports(await loadSearchIndex(), q)) : undefined;
  const hits = found?.value ?? [];
  const notice = problem ?? (found === null ? `${BUSY_MESSAGE}，请稍后再搜索。` : null);
  const years = [...new Set(list.map((r) => r.year))].sort((a, b) => b - a);
  const asked = parseYear(params.get('year'));
  const year = typeof asked === 'number' && years.includes(asked) ? asked : years[0];
  const unknownYear = asked != null && asked !== year;
  const pages = year == null || q ? [] : homeListPages(list, year);
  const pageText = params.get('page');
  const page = pageText == null || q ? 1 : /^[1-9]\d{0,3}$/.test(pageText) ? Number(pageText) : NaN;
  if (!q && year != null && !(page >= 1 && page <= pages.length)) return publicNotFoundResponse();
  return publicPageResponse(
    null,
    <HomePage q={q} hits={hits} notice={notice} list={list} years={years} year={year} asked={asked} unknownYear={unknownYear} pages={pages} page={page} />,
  );
}
