import { SEARCH_MAX_LENGTH, searchQueryProblem, searchReports } from '@ccgov/api';
import { loadList, loadSearchIndex, parseYear } from '@/server/public-data';
import { BUSY_MESSAGE, expensive } from '@/server/expensive';
import { publicPageResponse } from '@/server/static-html';
import { HomePage } from './_components/HomePage';

export const dynamic = 'force-dynamic';

/**
 * The home page as plain HTML with no client JavaScript (a route handler, not an App Router page:
 * see server/static-html.tsx). It lists one year at a time (the latest by default, another with
 * `/?year=YYYY`), so its size stays that of one year however many years are published; the others
 * are one link away. `?q=` searches (a plain GET form).
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
  return publicPageResponse(null, <HomePage q={q} hits={hits} notice={notice} list={list} years={years} year={year} asked={asked} unknownYear={unknownYear} />);
}
