import Link from 'next/link';
import type { Metadata } from 'next';
import { formatTimestamp } from '@ccgov/report';
import styles from '@/components/admin/admin.module.css';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '审计日志' };
export const dynamic = 'force-dynamic';

const isDate = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** 审计日志: who did what, when, from where, with what outcome. Filter, page, export; never edit. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole(['admin'], '/admin/audit');
  const raw = await searchParams;
  const sp = (k: string) => (typeof raw[k] === 'string' && raw[k] ? (raw[k] as string).trim().slice(0, 64) : undefined);
  const filters = {
    from: isDate(sp('from')) ? sp('from') : undefined,
    to: isDate(sp('to')) ? sp('to') : undefined,
    username: sp('username'),
    action: sp('action'),
    outcome: sp('outcome') === 'success' || sp('outcome') === 'failure' ? (sp('outcome') as 'success' | 'failure') : undefined,
  };
  const page = Math.max(1, Math.min(100_000, Number(sp('page')) || 1));
  const log = await (await serverCaller(user)).audit.list({ ...filters, page });
  const query = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...patch })) if (v !== undefined && v !== '') params.set(k, String(v));
    return params.toString();
  };
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));

  return (
    <>
      <form className="card" role="search" aria-label="筛选审计日志" method="get" action="/admin/audit">
        <h2>审计日志</h2>
        <p className="muted small">记录每次登录（成功和失败）、退出、账号和部门变更、报告状态变更和非公开数据导出。日志只能查看和导出，任何人都不能修改或删除。</p>
        <div className={styles.row}>
          <div className="field">
            <label htmlFor="f-from">起始日期</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from} />
          </div>
          <div className="field">
            <label htmlFor="f-to">截止日期</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to} />
          </div>
          <div className="field">
            <label htmlFor="f-user">用户名</label>
            <input id="f-user" name="username" defaultValue={filters.username} maxLength={64} />
          </div>
          <div className="field">
            <label htmlFor="f-action">操作</label>
            <select id="f-action" name="action" defaultValue={filters.action ?? ''}>
              <option value="">全部</option>
              <option value="report.">报告状态变更（全部）</option>
              {log.actions.map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-outcome">结果</label>
            <select id="f-outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
              <option value="">全部</option>
              <option value="success">成功</option>
              <option value="failure">失败</option>
            </select>
          </div>
          <button className="btn" type="submit">
            筛选
          </button>
          <Link href="/admin/audit">清除筛选</Link>
        </div>
      </form>

      <section className="card" aria-label="日志记录">
        <p className="actions">
          <span>共 {log.total} 条</span>
          <a className="btn secondary" href={`/api/excel/audit?${query({ page: undefined })}`} download>
            导出（Excel）
          </a>
          <a className="btn secondary" href={`/api/excel/audit/csv?${query({ page: undefined })}`} download>
            导出（CSV）
          </a>
        </p>
        <div className="table-wrap">
          <table className="list" aria-label="审计日志">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">用户</th>
                <th scope="col">角色</th>
                <th scope="col">操作</th>
                <th scope="col">对象</th>
                <th scope="col">结果</th>
                <th scope="col">来源IP</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id} className={r.outcome === 'failure' ? styles.late : undefined}>
                  <td className={styles.nowrapCell}>{formatTimestamp(r.createdAt)}</td>
                  <td>{r.username ?? '—'}</td>
                  <td>{r.roleLabel || '—'}</td>
                  <td>{r.actionLabel}</td>
                  <td>{r.target || '—'}</td>
                  <td className={r.outcome === 'failure' ? styles.lateText : undefined}>{r.outcome === 'success' ? '成功' : '失败'}</td>
                  <td>{r.ip ?? '—'}</td>
                  <td className={styles.detail}>{r.detailText}</td>
                </tr>
              ))}
              {log.rows.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    没有符合条件的记录
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <nav className={styles.pager} aria-label="翻页">
          {page > 1 ? <Link href={`/admin/audit?${query({ page: page - 1 })}`}>上一页</Link> : <span className="muted">上一页</span>}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages ? <Link href={`/admin/audit?${query({ page: page + 1 })}`}>下一页</Link> : <span className="muted">下一页</span>}
        </nav>
      </section>
    </>
  );
}
