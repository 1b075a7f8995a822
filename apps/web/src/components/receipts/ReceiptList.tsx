import Link from 'next/link';
import { formatTimestamp } from '@ccgov/report';
import type { AppRouter } from '@ccgov/api';
import type { inferRouterOutputs } from '@trpc/server';
import styles from './receipts.module.css';

export type ReceiptItem = inferRouterOutputs<AppRouter>['receipts']['forReport'][number];

/** 回执 of one report, newest first: each opens its print page (with the PDF download). */
export function ReceiptList({ receipts, compact = false }: { receipts: readonly ReceiptItem[]; compact?: boolean }) {
  return (
    <section className={compact ? styles.compact : 'card'} aria-labelledby="receipts-heading">
      <h2 id="receipts-heading" className={styles.heading}>回执</h2>
      {receipts.length === 0 ? (
        <p className="muted small">暂无回执。提交审核、退回修改、审核通过、发布、更正和撤销发布时，系统各出具一份回执。</p>
      ) : (
        <div className="table-wrap">
          <table className="list" aria-label="回执">
            <thead>
              <tr>
                <th scope="col">回执编号</th>
                <th scope="col">事项</th>
                <th scope="col">时间</th>
                {!compact && <th scope="col">经办人</th>}
                <th scope="col">版本号</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.id}>
                  <td className={styles.no}>
                    <Link href={`/dept/receipts/${r.id}`}>{r.receiptNo}</Link>
                  </td>
                  <td className={styles.nowrap}>{r.actLabel}</td>
                  <td className={styles.nowrap}>{formatTimestamp(r.createdAt)}</td>
                  {!compact && (
                    <td className={styles.nowrap}>
                      {r.userName}
                      <span className="muted small">（{r.roleLabel}）</span>
                    </td>
                  )}
                  <td className={styles.nowrap}>第 {r.version} 版</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
