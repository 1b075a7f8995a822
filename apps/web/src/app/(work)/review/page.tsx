import Link from 'next/link';
import type { Metadata } from 'next';
import { NOT_STARTED_LABEL, STATUS_LABELS, daysLeftText, formatTimestamp, legalDeadlineText } from '@ccgov/report';
import { StatusBadge } from '@/components/StatusBadge';
import { PublishAllButton } from '@/components/review/PublishAllButton';
import styles from '@/components/review/review.module.css';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '审核' };
export const dynamic = 'force-dynamic';

/** The queue's status filters in the order the bureau works through them. */
const ORDER = ['submitted', 'in_review', 'returned', 'approved', 'published', 'withdrawn', 'not_submitted'] as const;
/** 待初审 / 待终审: reports under review by the sign-off they wait for (shown with two or more levels). */
const STEP_FILTERS = ['awaiting_first', 'awaiting_final'] as const;
type QueueFilter = (typeof ORDER)[number] | (typeof STEP_FILTERS)[number];
const statusLabel = (s: (typeof ORDER)[number]) => (s === 'not_submitted' ? NOT_STARTED_LABEL : STATUS_LABELS[s]);

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(['reviewer', 'publisher'], '/review');
  const raw = await searchParams;
  const sp = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const api = await serverCaller(user);
  const status: QueueFilter | undefined = [...ORDER, ...STEP_FILTERS].find((s) => s === sp('status'));
  const year = Number(sp('year')) || undefined;
  const departmentId = Number(sp('dept')) || undefined;
  const search = sp('q')?.trim().slice(0, 50) || undefined;
  const q = await api.review.queue({ year, status, departmentId, search });
  const filters: { key: QueueFilter; label: string }[] = [
    ...ORDER.map((s) => ({ key: s, label: statusLabel(s) })),
    ...(q.stepFilters ? STEP_FILTERS.map((s) => ({ key: s, label: q.stepFilters![s] })) : []),
  ];
  const filterLabel = (s: QueueFilter) => filters.find((f) => f.key === s)?.label ?? '';

  const link = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const merged = { year: q.year, status, dept: departmentId, q: search, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') params.set(k, String(v));
    return `/review?${params.toString()}`;
  };

  return (
    <>
      <h1>审核</h1>
      <div className="card">
        <p style={{ margin: 0 }}>
          <strong>{q.year}年度报告</strong> · {q.internalDeadline ? '区内报送截止' : '截止日期'} {q.deadline} ·{' '}
          <span className={q.daysToDeadline < 0 ? styles.overdue : undefined}>{daysLeftText(q.daysToDeadline)}</span>
          {' '}（{legalDeadlineText(q.legalDeadline)}）
        </p>
        <ul className={styles.queueCounts} aria-label="各状态数量">
          <li>
            <Link href={link({ status: undefined })} aria-current={!status}>全部<strong>{q.total}</strong></Link>
          </li>
          {filters.map(({ key, label }) => (
            <li key={key} className={key.startsWith('awaiting') ? styles.stepCount : undefined}>
              <Link href={link({ status: key })} aria-current={status === key}>
                {label}
                <strong>{q.counts[key] ?? 0}</strong>
              </Link>
            </li>
          ))}
        </ul>
        {user.role === 'publisher' && <PublishAllButton year={q.year} approved={q.approved} />}
      </div>

      {/* Keyed by the filters: a count link navigates in place, and the selects must follow it. */}
      <form key={`${q.year}|${status ?? ''}|${departmentId ?? ''}|${search ?? ''}`} className={`card ${styles.filterForm}`} role="search" aria-label="筛选报告">
        <label>
          年度
          <select name="year" defaultValue={String(q.year)}>
            {q.years.map((y) => (
              <option key={y.year} value={y.year}>{y.year}年度{y.open ? '（填报中）' : ''}</option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select name="status" defaultValue={status ?? ''}>
            <option value="">全部</option>
            {filters.map(({ key, label }) => (
              <option key={key} value={key}>{label}</option>
            ))}
          </select>
        </label>
        <label>
          部门
          <select name="dept" defaultValue={departmentId ? String(departmentId) : ''}>
            <option value="">全部部门</option>
            {q.departments.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
        <label>
          搜索部门名称
          <input name="q" type="search" defaultValue={search ?? ''} maxLength={50} placeholder="例如：镇" />
        </label>
        <button className="btn" type="submit">筛选</button>
        {(status || departmentId || search) && <Link href={`/review?year=${q.year}`}>清除筛选</Link>}
      </form>

      <div className="card table-wrap">
        <table className={`list ${styles.queueTable}`}>
          <caption className="muted small" style={{ textAlign: 'left' }}>
            {q.items.length === q.total ? `共 ${q.total} 个部门和镇街` : `${status ? `${filterLabel(status)}：` : ''}筛选出 ${q.items.length} 个（共 ${q.total} 个）`}
            {'，按待办排序：待审核、审核中（按提交时间，早的在前），已通过，已退回，未提交，已撤销发布，已发布'}
          </caption>
          <thead>
            <tr>
              <th scope="col">部门</th>
              <th scope="col">状态</th>
              <th scope="col">提交时间</th>
              <th scope="col">审核进度</th>
              <th scope="col">检查提示</th>
              <th scope="col">距截止</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {q.items.map((i) => (
              <tr key={i.departmentId}>
                <td>{i.departmentName}</td>
                <td>
                  {i.status === 'draft' ? <StatusBadge status="not_started" /> : <StatusBadge status={i.status} />}
                  {i.status === 'draft' && <span className="muted small"> 草稿中</span>}
                  {i.resubmitted && <span className="muted small"> 修改后重新提交</span>}
                </td>
                <td>{formatTimestamp(i.submittedAt)}</td>
                <td data-testid="signoffs">
                  {i.signoffs.length === 0 && i.nextStepLabel == null ? (
                    '—'
                  ) : (
                    <ul className={styles.signoffs}>
                      {i.signoffs.map((s) => (
                        <li key={s.step} title={formatTimestamp(s.at)}>
                          {s.label} <span className={styles.tick}>✓</span> {s.userName}
                        </li>
                      ))}
                      {i.nextStepLabel && <li className="muted">{i.nextStepLabel} 待审</li>}
                    </ul>
                  )}
                </td>
                <td>{i.warnings == null ? '—' : i.warnings === 0 ? '无' : `${i.warnings} 条`}</td>
                <td className={i.daysLeft < 0 && !i.submittedAt ? styles.overdue : undefined}>
                  {i.status === 'published' ? '—' : daysLeftText(i.daysLeft)}
                  {i.extendedUntil && <span className="muted small" style={{ display: 'block' }}>延期至 {i.extendedUntil}</span>}
                </td>
                <td>{i.reportId ? <Link href={`/review/${i.reportId}`} aria-label={`审阅${i.departmentName}`}>审阅</Link> : '—'}</td>
              </tr>
            ))}
            {q.items.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">没有符合条件的报告</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <section className="card" aria-labelledby="not-submitted">
        <h2 id="not-submitted" style={{ marginTop: 0, fontSize: 18 }}>尚未提交的部门（{q.notSubmitted.length}）</h2>
        {q.notSubmitted.length === 0 ? (
          <p className="muted">所有部门均已提交。</p>
        ) : (
          <ul className={styles.notSubmitted}>
            {q.notSubmitted.map((d) => (
              <li key={d.departmentId}>
                {d.departmentName}
                <span className="muted small">（{d.started ? '草稿中' : '未开始填报'}）</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
