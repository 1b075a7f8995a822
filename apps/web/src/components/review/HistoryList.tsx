import { formatTimestamp } from '@ccgov/report';
import { eventLabel, roleLabel, statusLabel } from './format';
import type { ReviewDetail } from './types';
import styles from './review.module.css';

/** 历史: every transition of the report — who, in which role, when, from and to, and what they wrote. */
export function HistoryList({ events }: { events: ReviewDetail['events'] }) {
  return (
    <>
      <h2 style={{ marginTop: 0 }}>历史</h2>
      <p className={styles.hint}>每一步操作都记录在案，记录不能修改或删除。</p>
      <div className="table-wrap">
        <table className={styles.table} aria-label="操作记录">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">操作</th>
              <th scope="col">操作人</th>
              <th scope="col">状态</th>
              <th scope="col">意见或原因</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              return (
                <tr key={e.id}>
                  <td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(e.createdAt)}</td>
                  <td>{eventLabel(e.action)}</td>
                  <td>
                    {e.userName ?? '—'}
                    <span className={styles.where}>{roleLabel(e.role)}</span>
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                    {statusLabel(e.toStatus)}
                  </td>
                  <td className={styles.body}>{e.comment ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
