import { reportsCsv } from '@ccgov/documents';
import { fileResponse, loadList, loadPublication, parseYear, textError } from '@/server/public-data';
import { cachedPublic } from '@/server/public-cache';
import { busyResponse, expensive } from '@/server/expensive';

export const dynamic = 'force-dynamic';

/**
 * GET /api/open/reports.csv?year=YYYY[&header=key] — every figure of every current published
 * report (of the year, or of all years), one row per report; UTF-8 with BOM for Excel.
 */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const year = parseYear(params.get('year'));
  if (year === 'invalid') return textError(400, '参数 year 应为四位年份，例如 2024');
  const header = params.get('header') === 'key' ? 'key' : 'label';
  const list = await loadList();
  const build = async () => {
    const items = list.filter((r) => year == null || r.year === year);
    const loaded = await Promise.all(items.map((r) => loadPublication(r.id)));
    return reportsCsv(loaded.flatMap((d) => (d ? [d.publication] : [])), header);
  };
  // Every figure of every report: built once per publish for each published year (and for all
  // years), kept in the public cache; an unpublished year is an empty table, not kept.
  const known = year == null || list.some((r) => r.year === year);
  const csv = known ? await expensive(() => cachedPublic(`reports-csv:${year ?? 'all'}:${header}`, build)) : { value: await build() };
  if (!csv) return busyResponse();
  const name = year == null ? '陈仓区政府信息公开工作年度报告数据.csv' : `陈仓区${year}年政府信息公开工作年度报告数据.csv`;
  return fileResponse(csv.value, 'text/csv; charset=utf-8', name, `reports${year == null ? '' : `-${year}`}.csv`);
}
