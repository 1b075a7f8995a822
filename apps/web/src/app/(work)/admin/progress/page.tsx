import Link from 'next/link';
import type { Metadata } from 'next';
import { NOT_STARTED_LABEL, STATUS_LABELS, TIMELINESS_LABELS, daysLeftText, defaultReminder, departmentKindLabel, effectiveDeadline, formatTimestamp, legalDeadlineText } from '@ccgov/report';
import { StatusBadge } from '@/components/StatusBadge';
import { ExtensionForm } from '@/components/admin/ExtensionForm';
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
          {p.internalDeadline ? '区内报送截止' : '截止日期'} {p.deadline}（<span className={p.daysLeft < 0 ? styles.lateText : undefined}>{daysLeftText(p.daysLeft)}</span>）；
          {legalDeadlineText(p.legalDeadline)}（<span className={p.daysToLegal < 0 ? styles.lateText : undefined}>{daysLeftText(p.daysToLegal)}</span>）。今天是 {p.today}。
          过了截止日期，未提交的单位即被锁定，不能再保存或提交，除非准予延期。
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
        <ul className={styles.counts} aria-label="报送及时情况">
          {(['on_time', 'late', 'not_submitted'] as const).map((t) => (
            <li key={t}>
              {TIMELINESS_LABELS[t]}
              <strong>{p.timelinessCounts[t]}</strong>
            </li>
          ))}
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
        {p.open && (
          <ExtensionForm
            year={p.year}
            deadline={p.deadline}
            legalDeadline={p.legalDeadline}
            bodies={p.rows
              .filter((r) => r.status === 'not_started' || r.status === 'draft')
              .map((r) => ({ id: r.departmentId, name: r.departmentName, extendedUntil: r.extension?.until ?? null }))}
          />
        )}
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
                <th scope="col">报送情况</th>
                <th scope="col">首次提交</th>
                <th scope="col">距截止</th>
                <th scope="col">距法定期限</th>
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
                  <td className={styles.nowrapCell} data-col="timeliness">
                    {r.timeliness === 'on_time' ? <span className={styles.ok}>{r.timelinessLabel}</span> : r.timeliness === 'late' ? <span className={styles.lateText}>{r.timelinessLabel}</span> : r.timelinessLabel}
                  </td>
                  <td className={styles.nowrapCell}>{formatTimestamp(r.firstSubmittedAt)}</td>
                  <td className={styles.nowrapCell} data-col="due">
                    {r.submitted ? <span className={styles.ok}>已提交</span> : r.status === 'returned' ? '退回修改中' : daysLeftText(r.daysLeft)}
                    {r.extension && (
                      <span className="muted small" style={{ display: 'block' }} title={`原因：${r.extension.reason}`}>
                        延期至 {r.extension.until}
                      </span>
                    )}
                    {r.locked && <span className={`small ${styles.lateText}`} style={{ display: 'block' }}>已锁定</span>}
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
