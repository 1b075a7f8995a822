import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { RECEIPT_HASH_NOTE, RECEIPT_TITLE, receiptFields } from '@ccgov/documents';
import { PrintButton } from '@/components/receipts/PrintButton';
import styles from '@/components/receipts/receipts.module.css';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '回执' };
export const dynamic = 'force-dynamic';

/** One 回执, ready to print, with its PDF. The department sees its own body's; the bureau's reviewers every one. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['department', 'reviewer', 'publisher'], `/dept/receipts/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller(user);
  const receipt = await api.receipts.get({ id }).catch(() => null);
  if (!receipt) notFound();
  const back = user.role === 'department' ? `/dept/reports/${receipt.reportId}` : `/review/${receipt.reportId}`;
  return (
    <div className={`card ${styles.receipt}`}>
      <p className="muted small no-print">
        <Link href={user.role === 'department' ? '/dept' : '/review'}>{user.role === 'department' ? '本部门年报' : '审核'}</Link> ›{' '}
        <Link href={back}>{receipt.year}年度</Link> › 回执
      </p>
      <h1 className={styles.title}>{RECEIPT_TITLE}</h1>
      <p className={`muted ${styles.issuer}`}>{receipt.issuer}</p>
      <dl className={styles.fields}>
        {receiptFields(receipt).map((f) => (
          <div key={f.label} style={{ display: 'contents' }}>
            <dt>{f.label}</dt>
            <dd className={f.label === '内容 SHA-256' ? styles.hash : undefined} data-field={f.label}>
              {f.value}
              {f.label === '内容 SHA-256' && <span className="muted small" style={{ display: 'block', fontFamily: 'var(--font)' }}>{RECEIPT_HASH_NOTE}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">本回执由系统在办理时自动生成，记录不可修改或删除。</p>
      <div className={`${styles.actions} no-print`}>
        <PrintButton />
        <a className="btn secondary" href={`/dept/receipts/${receipt.id}/pdf`} download>
          下载 PDF
        </a>
        <Link href={back}>返回报告</Link>
      </div>
    </div>
  );
}
