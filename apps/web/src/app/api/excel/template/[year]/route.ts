import { buildTemplate } from '@ccgov/excel';
import { REPORT_TITLE_SUFFIX } from '@ccgov/report';
import { badYear, xlsxDownload, yearParam } from '../../_shared/download';

export const dynamic = 'force-dynamic';

/** The blank Excel template of a year, for anyone signed in (departments fill it in). */
export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  const year = yearParam((await params).year);
  if (!year) return badYear();
  return xlsxDownload(
    'any',
    (user) => `${user.departmentName ?? ''}${year}年${REPORT_TITLE_SUFFIX}数据模板.xlsx`,
    (user) => buildTemplate({ year, body: user.departmentName }),
  );
}
