import { buildTableWorkbook } from '@ccgov/excel';
import { formatTimestamp } from '@ccgov/report';
import { serverCaller } from '@/server/caller';
import { xlsxDownload } from '../_shared/download';

export const dynamic = 'force-dynamic';

/** The filtered 审计日志 as Excel (admin only); the export itself is logged. */
export async function GET(req: Request) {
  const sp = new URL(req.url).searchParams;
  const get = (k: string) => sp.get(k)?.trim().slice(0, 64) || undefined;
  const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(get(k) ?? '') ? get(k) : undefined);
  const outcome = get('outcome');
  const filters = {
    from: date('from'),
    to: date('to'),
    username: get('username'),
    action: get('action'),
    outcome: outcome === 'success' || outcome === 'failure' ? outcome : undefined,
  } as const;
  return xlsxDownload(['admin'], '审计日志.xlsx', async (user) => {
    const { rows, truncated } = await (await serverCaller(user)).audit.export(filters);
    return buildTableWorkbook({
      sheetName: '审计日志',
      title: '陈仓区政府信息公开工作年度报告平台·审计日志',
      notes: [`共 ${rows.length} 条${truncated ? '（已达导出上限，请缩小筛选范围）' : ''}；导出时间 ${formatTimestamp(new Date())}。`],
      columns: [
        { header: '时间', width: 20 },
        { header: '用户', width: 14 },
        { header: '角色', width: 14 },
        { header: '操作', width: 16 },
        { header: '对象', width: 30 },
        { header: '结果', width: 8 },
        { header: '来源IP', width: 16 },
        { header: '说明', width: 50 },
      ],
      rows: rows.map((r) => [formatTimestamp(r.createdAt), r.username ?? '', r.roleLabel, r.actionLabel, r.target, r.outcome === 'success' ? '成功' : '失败', r.ip ?? '', r.detail ?? '']),
      highlight: rows.map((r) => r.outcome === 'failure'),
    });
  });
}
