import { departments, eq, type Db } from '@ccgov/db';
import { checkReport, type CheckResult, type ReportContent } from '@ccgov/report';
import { loadSensitiveWords, previousYearReport } from './context';

/** Run the same checker the browser runs, with the inputs only the server has. */
export function checkStoredReport(
  db: Db,
  report: { departmentId: number; year: number; content: ReportContent },
): CheckResult {
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, report.departmentId)).get();
  return checkReport({
    year: report.year,
    body: dept?.name ?? '',
    content: report.content,
    previous: previousYearReport(db, report.departmentId, report.year),
    sensitiveWords: loadSensitiveWords(db),
  });
}
