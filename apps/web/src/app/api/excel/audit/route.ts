import { buildTableWorkbook } from '@ccgov/excel';
import { formatTimestamp } from '@ccgov/report';
import { serverCaller } from '@/server/caller';
import { AUDIT_COLUMNS, auditCells, auditFilters } from '../_shared/audit';
import { xlsxDownload } from '../_shared/download';

export const dynamic = 'force-dynamic';

/** The filtered 审计日志 as Excel (admin only); the export itself is logged. */
export async function GET(req: Request) {
  const filters = auditFilters(req.url);
  return xlsxDownload(['admin'], '审计日志.xlsx', async (user) => {
    const { rows, truncated } = await (await serverCaller(user)).audit.export({ ...filters, format: 'xlsx' });
    return buildTableWorkbook({
      sheetName: '审计日志',
      title: '陈仓区政府信息公开工作年度报告平台·审计日志',
      notes: [`共 ${rows.length} 条${truncated ? '（已达导出上限，请缩小筛选范围）' : ''}；导出时间 ${formatTimestamp(new Date())}。`],
      columns: AUDIT_COLUMNS.map((c) => ({ ...c })),
      rows: rows.map(auditCells),
      highlight: rows.map((r) => r.outcome === 'failure'),
    });
  });
}
