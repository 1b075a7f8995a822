import Link from 'next/link';
import type { Metadata } from 'next';
import { NOT_STARTED_LABEL, STATUS_LABELS, daysLeftText, defaultReminder, departmentKindLabel, effectiveDeadline, formatTimestamp } from '@ccgov/report';
import { StatusBadge } from '@/components/StatusBadge';
import { RemindForm } from '@/components/admin/RemindForm';
import styles from '@/components/admin/admin.module.css';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '进度' };
export const dynamic = 'force-dynamic';

const COUNT_ORDER = ['not_started', 'draft', 'returned', 'submitted', 'in_review', 'approved', 'published', 'withdrawn'] as const;
const countLabel = (s: (typeof COUNT_ORDER)[number]) => (s === 'not_started' ? NOT_STARTED_LABEL : STATUS_LABELS[s]);

/** 进度: every active department for one year; late ones highlighted; export and reminders. */
export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(['admin'], '/admin/progress');
  const raw = (await searchParams).year;
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : undefined;
  const api = await serverCaller(user);
  const p = await api.progress.table({ year }).catch(() => null);
  if (!p) {
    return (
      <section className="card">
        <h2>进度</h2>
        <p>该年度不存在。请先在“报告年度”中开放年度。</p>
      </section>
    );
  }
  const defaultMessage = defaultReminder(p.year, effectiveDeadline(p));
  return (
    <>
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">{p.year}年度填报进度</h2>
        <nav aria-label="选择年度" className="small">
          年度：
          {p.years.map((y) => (
            <span key={y.year}>
              {' '}
              <Link href={`/admin/progress?year=${y.year}`} aria-current={y.year === p.year ? 'page' : undefined}>
                {y.year}
                {y.open ? '（开放）' : ''}
              </Link>
            </span>
          ))}
        </nav>
        <p>
          法定截止日期 {p.legalDeadline}（<span className={p.daysToLegal < 0 ? styles.lateText : undefined}>{daysLeftText(p.daysToLegal)}</span>）
          {p.internalDeadline && p.daysToInternal != null && (
            <>
              ；区内截止日期 {p.internalDeadline}（<span className={p.daysToInternal < 0 ? styles.lateText : undefined}>{daysLeftText(p.daysToInternal)}</span>）
            </>
          )}
          。今天是 {p.today}。
        </p>
        <ul className={styles.counts} aria-label="各状态数量">
          <li>
            全部<strong>{p.total}</strong>
          </li>
          {COUNT_ORDER.map((s) => (
            <li key={s}>
              {countLabel(s)}
              <strong>{p.counts[s]}</strong>
            </li>
          ))}
          <li className={p.lateCount ? styles.lateText : undefined}>
            逾期未提交<strong>{p.lateCount}</strong>
          </li>
        </ul>
        <p className="actions">
          <a className="btn secondary" href={`/api/excel/progress/${p.year}`} download>
            导出进度表（Excel）
          </a>
          <a className="btn secondary" href={`/api/excel/published/${p.year}`} download>
            导出已发布数据和全区汇总（Excel）
          </a>
        </p>
        {p.open && <RemindForm year={p.year} pending={p.notSubmittedCount} defaultMessage={defaultMessage} />}
      </section>

      <section className="card" aria-label="各单位进度">
        <div className="table-wrap">
          <table className="list" aria-label={`${p.year}年度各单位进度`}>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">类型</th>
                <th scope="col">状态</th>
                <th scope="col">最后活动</th>
                <th scope="col">审核签批（共{p.requiredSignoffs}级）</th>
                <th scope="col">距区内截止</th>
                <th scope="col">距法定截止</th>
                <th scope="col">最近提醒</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.departmentId} className={r.late ? styles.late : undefined} data-late={r.late ? 'true' : undefined}>
                  <td>
                    {r.departmentName}
                    {r.late && <span className={styles.lateText}>（逾期）</span>}
                  </td>
                  <td>{departmentKindLabel(r.departmentKind)}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td className={styles.nowrapCell}>{formatTimestamp(r.lastActivity)}</td>
                  <td>{r.signoffs.length ? r.signoffs.join('、') : '—'}</td>
                  <td className={styles.nowrapCell}>
                    {r.submitted ? <span className={styles.ok}>已提交</span> : p.daysToInternal == null ? '—' : daysLeftText(p.daysToInternal)}
                  </td>
                  <td className={styles.nowrapCell}>{r.submitted ? <span className={styles.ok}>已提交</span> : daysLeftText(p.daysToLegal)}</td>
                  <td className={styles.nowrapCell}>{formatTimestamp(r.lastReminderAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
