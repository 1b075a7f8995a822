import { openSummary } from '@ccgov/documents';
import { jsonError, jsonResponse, loadSummary, loadYears, parseYear } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** GET /api/open/summary?year=YYYY — district sums and rates of a year (default: the latest). */
export async function GET(req: Request) {
  const parsed = parseYear(new URL(req.url).searchParams.get('year'));
  if (parsed === 'invalid') return jsonError(400, '参数 year 应为四位年份，例如 2024');
  const year = parsed ?? (await loadYears())[0];
  const s = year == null ? null : await loadSummary(year);
  if (!s) return jsonError(404, `${year ?? ''}年度没有已发布的报告`);
  return jsonResponse(openSummary(s));
}
