import Link from 'next/link';
import type { Metadata } from 'next';
import { NOT_STARTED_LABEL, STATUS_LABELS } from '@ccgov/report';
import { StatusBadge, formatDateTime } from '@/components/StatusBadge';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '审核' };
export const dynamic = 'force-dynamic';

const ORDER = ['submitted', 'in_review', 'returned', 'approved', 'published', 'draft', 'not_started'] as const;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireRole(['reviewer', 'publisher'], '/review');
  const sp = await searchParams;
  const api = await serverCaller(user);
  const status = ORDER.find((s) => s === sp.status);
  const q = await api.review.queue({ year: sp.year ? Number(sp.year) : undefined, status, search: sp.q || undefined });
  return (
    <>
      <h1>审核</h1>
      <p>
        {q.year}年度报告 · 法定截止日期 {q.deadline}（{q.daysToDeadline >= 0 ? `距截止还有 ${q.daysToDeadline} 天` : `已逾期 ${-q.daysToDeadline} 天`}）
      </p>
      <p aria-label="各状态数量">
        {ORDER.filter((s) => q.counts[s]).map((s, i) => (
          <span key={s}>
            {i > 0 && ' · '}
            <Link href={`/review?status=${s}`}>
              {s === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[s]} {q.counts[s]}
            </Link>
          </span>
        ))}
      </p>
      <form className="actions card" role="search">
        <label htmlFor="q">部门名称</label>
        <input id="q" name="q" defaultValue={sp.q ?? ''} />
        <label htmlFor="status">状态</label>
        <select id="status" name="status" defaultValue={status ?? ''}>
          <option value="">全部</option>
          {ORDER.map((s) => (
            <option key={s} value={s}>{s === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[s]}</option>
          ))}
        </select>
        <button className="btn" type="submit">筛选</button>
      </form>
      <div className="card table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">部门</th>
              <th scope="col">状态</th>
              <th scope="col">提交时间</th>
              <th scope="col">警告</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {q.items.map((i) => (
              <tr key={i.departmentId}>
                <td>{i.departmentName}</td>
                <td><StatusBadge status={i.status} /></td>
                <td>{formatDateTime(i.submittedAt)}</td>
                <td>{i.warnings ?? '—'}</td>
                <td>{i.reportId && i.status !== 'draft' ? <Link href={`/review/${i.reportId}`}>审阅</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
