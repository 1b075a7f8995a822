import { reportsCsv } from '@ccgov/documents';
import { fileResponse, loadList, loadPublication, parseYear, textError } from '@/server/public-data';

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
  const items = (await loadList()).filter((r) => year == null || r.year === year);
  const loaded = await Promise.all(items.map((r) => loadPublication(r.id)));
  const reports = loaded.flatMap((d) => (d ? [d.publication] : []));
  const name = year == null ? '陈仓区政府信息公开工作年度报告数据.csv' : `陈仓区${year}年政府信息公开工作年度报告数据.csv`;
  return fileResponse(reportsCsv(reports, header), 'text/csv; charset=utf-8', name, `reports${year == null ? '' : `-${year}`}.csv`);
}
