import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { formatTimestamp, reportTitle } from '@ccgov/report';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
import { ReviewScreen } from '@/components/review/ReviewScreen';
import { ReceiptList } from '@/components/receipts/ReceiptList';
import { SignoffProgress } from '@/components/review/SignoffProgress';
import { SubmissionCard } from '@/components/submission/SubmissionCard';
import styles from '@/components/review/review.module.css';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '审阅报告' };
export const dynamic = 'force-dynamic';

export default async function ReviewReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['reviewer', 'publisher'], `/review/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller(user);
  const data = await api.review.get({ id }).catch(() => null);
  if (!data) notFound();
  // 同年雷同 (R14): compared with the other bodies' reports of the year on the server.
  const crossBody = await api.review.crossBody({ id }).catch(() => null);
  const receipts = await api.receipts.forReport({ reportId: id }).catch(() => []);
  const { report, department } = data;
  const submittedAt = report.submittedAt;
  return (
    <>
      <p className="muted small no-print">
        <Link href={`/review?year=${report.year}`}>审核</Link> › {report.year}年度 › {department.name}
      </p>
      <header className={`card ${styles.header}`}>
        <h1>
          审阅：{department.name} {report.year}年度 <StatusBadge status={report.status} />
        </h1>
        <p className={styles.meta}>
          <span>{reportTitle(department.name, report.year)}</span>
          {data.submissions > 0 && <span>第{data.submissions}次提交 · {formatTimestamp(submittedAt)}</span>}
          {data.publication && !data.publication.withdrawnAt && (
            <Link href={`/reports/${data.publication.id}`}>在公开门户查看（{formatTimestamp(data.publication.publishedAt)} 发布）</Link>
          )}
        </p>
        <SignoffProgress signoffs={data.signoffs} required={data.requiredSignoffs} />
      </header>
      {/* 报送稿 and the department's scan of the signed and sealed copy. */}
      <SubmissionCard user={user} reportId={report.id} />
      <ReviewScreen data={data} crossBody={crossBody}>
        <ReportView body={department.name} year={report.year} content={report.content} />
      </ReviewScreen>
      <ReceiptList receipts={receipts} />
    </>
  );
}
