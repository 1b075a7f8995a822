import { buildPublishedWorkbook } from '@ccgov/excel';
import { serverCaller } from '@/server/caller';
import { badYear, xlsxDownload, yearParam } from '../../_shared/download';

export const dynamic = 'force-dynamic';

/** All published figures of a year, one row per department, plus the district summary (bureau). */
export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  const year = yearParam((await params).year);
  if (!year) return badYear();
  return xlsxDownload(['reviewer', 'publisher', 'admin'], `${year}年度已发布数据及全区汇总.xlsx`, async (user) => {
    const data = await (await serverCaller(user)).excel.published({ year });
    return buildPublishedWorkbook(data);
  });
}
