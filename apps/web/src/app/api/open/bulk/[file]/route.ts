import { fileResponse, loadBulk, MissingFontError, textError } from '@/server/public-data';
import { isBusyError } from '@ccgov/db';
import { busyResponse, expensive } from '@/server/expensive';

export const dynamic = 'force-dynamic';

/**
 * GET /api/open/bulk/{year}.zip — every current published report of a year in one ZIP: per report
 * its JSON (as /api/open/reports/{id}), its figures CSV and its PDF, plus reports.csv and
 * index.json. Built once per publish, correction or withdrawal (public cache), then from memory.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const m = /^(\d{4})\.zip$/.exec((await params).file);
  if (!m) return textError(404, '批量下载的地址应为 /api/open/bulk/年度.zip，例如 /api/open/bulk/2025.zip');
  const year = Number(m[1]);
  try {
    const zip = await expensive(() => loadBulk(year));
    if (!zip) return busyResponse();
    if (!zip.value) return textError(404, `${year}年度没有已发布的报告`);
    return fileResponse(zip.value, 'application/zip', `陈仓区${year}年政府信息公开工作年度报告.zip`, `reports-${year}.zip`);
  } catch (e) {
    if (isBusyError(e)) return busyResponse();
    if (e instanceof MissingFontError) {
      console.error(e.message);
      return textError(503, `暂时无法生成批量下载（PDF）：${e.message}`);
    }
    throw e;
  }
}
