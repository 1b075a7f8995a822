import Link from 'next/link';
import type { Metadata } from 'next';
import { daysLeftText, extensionText, formatTimestamp, legalDeadlineText } from '@ccgov/report';
import { StatusBadge } from '@/components/StatusBadge';
import { DeadlineNotices } from '@/components/reminders/DeadlineNotices';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';
import { NewReportButton } from './NewReportButton';

export const metadata: Metadata = { title: '本部门年报' };
export const dynamic = 'force-dynamic';

export default async function DepartmentHome() {
  const user = await requireRole(['department'], '/dept');
  const api = await serverCaller(user);
  const { reports, notStarted } = await api.department.list();
  const { notices } = await api.progress.mine();
  const lockedYears = new Set(notices.filter((n) => n.locked).map((n) => n.year));
  return (
    <>
      <h1>本部门年报</h1>
      <p className="muted">{user.departmentName}</p>
      <DeadlineNotices notices={notices} />
      {notStarted.map((y) => (
        <div className="card" key={y.year}>
          <h2>{y.year}年度</h2>
          <p>
            尚未填报。{y.internalDeadline ? `区内报送截止：${y.internalDeadline}` : `截止日期：${y.deadline.deadline}`}（{daysLeftText(y.deadline.daysLeft)}），
            {legalDeadlineText(y.legalDeadline)}
            {y.deadline.extendedUntil ? `；${extensionText(y.deadline.extendedUntil)}` : ''}。
          </p>
          {y.locked ? (
            <p className="alert error" role="alert">{y.lockMessage}</p>
          ) : (
            <NewReportButton year={y.year} previousYear={y.previousOnFile ? y.year - 1 : null} />
          )}
        </div>
      ))}
      <div className="card">
        <table className="list">
          <caption className="muted small" style={{ textAlign: 'left' }}>本部门各年度报告</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">状态</th>
              <th scope="col">最后修改</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td>{r.year}年度</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{formatTimestamp(r.updatedAt)}</td>
                <td>
                  <Link href={`/dept/reports/${r.id}`}>
                    {r.status === 'draft' && lockedYears.has(r.year) ? '查看（已锁定）' : r.status === 'draft' || r.status === 'returned' ? '填报' : '查看'}
                  </Link>
                </td>
              </tr>
            ))}
            {reports.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">暂无报告</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
