import { pickSummaryYear } from '@ccgov/api';
import { loadSummary, loadTrend, loadYears, parseYear } from '@/server/public-data';
import { publicNotFoundResponse, publicPageResponse } from '@/server/static-html';
import { SummaryEmpty, SummaryPage } from '../_components/SummaryPage';

export const dynamic = 'force-dynamic';

/**
 * /summary (`?year=YYYY`): 全区汇总 as plain HTML with no client JavaScript (a route handler, not
 * an App Router page: see server/static-html.tsx). A malformed or unpublished year answers the
 * public 404 page.
 */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const parsed = parseYear(params.get('year'));
  if (parsed === 'invalid') return publicNotFoundResponse();
  const years = await loadYears();
  const trend = await loadTrend();
  // Without ?year=: the latest year whose legal deadline has passed or that everyone has published,
  // by today's date (the fast path keys /summary by the China date, so this never goes stale).
  const year = parsed ?? pickSummaryYear(trend) ?? years[0];
  if (year == null) return publicPageResponse('全区汇总', <SummaryEmpty />);
  const s = await loadSummary(year);
  if (!s) return publicNotFoundResponse();
  return publicPageResponse('全区汇总', <SummaryPage year={year} years={years} s={s} trend={trend} />);
}
