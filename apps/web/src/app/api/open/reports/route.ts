import { openReportList } from '@ccgov/documents';
import { jsonError, jsonResponse, loadList, parseYear } from '@/server/public-data';

export const dynamic = 'force-dynamic';

/** GET /api/open/reports?year=YYYY&department=NAME — the current published reports. */
export async function GET(req: Request) {
  const params = new URL(req.url).searchParams;
  const year = parseYear(params.get('year'));
  if (year === 'invalid') return jsonError(400, '参数 year 应为四位年份，例如 2024');
  const department = params.get('department')?.trim() ?? '';
  if (department.length > 50) return jsonError(400, '参数 department 不能超过50字');
  const items = (await loadList()).filter((r) => (year == null || r.year === year) && (!department || r.departmentName.includes(department)));
  return jsonResponse(openReportList(items));
}
