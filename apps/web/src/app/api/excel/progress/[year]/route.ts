import { buildTableWorkbook } from '@ccgov/excel';
import { daysLeftText, departmentKindLabel, formatTimestamp, legalDeadlineText } from '@ccgov/report';
import { serverCaller } from '@/server/caller';
import { badYear, xlsxDownload, yearParam } from '../../_shared/download';

export const dynamic = 'force-dynamic';

/** The 进度 table of a year as Excel (bureau); the export is written to the audit log. */
export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  const year = yearParam((await params).year);
  if (!year) return badYear();
  return xlsxDownload(['reviewer', 'publisher', 'admin'], `${year}年度填报进度.xlsx`, async (user) => {
    const p = await (await serverCaller(user)).progress.export({ year });
    const due = (days: number | null, submitted: boolean) => (submitted ? '已提交' : days == null ? '—' : daysLeftText(days));
    const t = p.timelinessCounts;
    return buildTableWorkbook({
      sheetName: `${p.year}年度进度`,
      title: `${p.year}年度政府信息公开工作年度报告填报进度`,
      notes: [
        `${p.internalDeadline ? `区内报送截止 ${p.internalDeadline}；` : ''}${legalDeadlineText(p.legalDeadline)}；导出日期 ${p.today}。`,
        `共 ${p.total} 个单位，未提交 ${p.notSubmittedCount} 个，其中逾期未提交（已锁定）${p.lateCount} 个（浅红色标出）。按时报送 ${t.on_time} 个，逾期报送 ${t.late} 个，未报送 ${t.not_submitted} 个（以首次提交日期对照区内报送截止或该单位的延期日期）。`,
      ],
      columns: [
        { header: '序号', width: 6, kind: 'number' },
        { header: '单位', width: 32 },
        { header: '类型', width: 8 },
        { header: '状态', width: 12 },
        { header: '最后活动', width: 20 },
        { header: `审核签批（共${p.requiredSignoffs}级）`, width: 16 },
        { header: '报送情况', width: 12 },
        { header: '首次提交', width: 20 },
        { header: '延期至', width: 12 },
        { header: '延期原因', width: 24 },
        { header: '距截止', width: 14 },
        { header: '距法定期限', width: 14 },
        { header: '是否逾期', width: 10 },
        { header: '最近提醒', width: 20 },
      ],
      rows: p.rows.map((r, i) => [
        i + 1,
        r.departmentName,
        departmentKindLabel(r.departmentKind),
        r.statusLabel,
        formatTimestamp(r.lastActivity),
        r.signoffs.join('、') || '—',
        r.timelinessLabel,
        r.firstSubmittedAt ? formatTimestamp(r.firstSubmittedAt) : '',
        r.extension?.until ?? '',
        r.extension?.reason ?? '',
        r.status === 'returned' ? '退回修改中' : due(r.daysLeft, r.submitted),
        due(p.daysToLegal, r.submitted),
        r.late ? '逾期未提交' : '',
        formatTimestamp(r.lastReminderAt),
      ]),
      highlight: p.rows.map((r) => r.late),
    });
  });
}
