import { toCsv } from '@ccgov/documents';
import { serverCaller } from '@/server/caller';
import { AUDIT_COLUMNS, auditCells, auditFilters } from '../../_shared/audit';
import { csvDownload } from '../../_shared/download';

export const dynamic = 'force-dynamic';

/**
 * The filtered 审计日志 as CSV (UTF-8 with BOM, CRLF; admin only): the Excel file's columns and
 * wording, one line per entry, newest first. The export itself is logged.
 */
export async function GET(req: Request) {
  const filters = auditFilters(req.url);
  return csvDownload(['admin'], '审计日志.csv', async (user) => {
    const { rows } = await (await serverCaller(user)).audit.export({ ...filters, format: 'csv' });
    return toCsv([AUDIT_COLUMNS.map((c) => c.header), ...rows.map(auditCells)]);
  });
}
