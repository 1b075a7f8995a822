import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { PrintButton } from '@/components/submission/PrintButton';
import { SubmissionSheet } from '@/components/submission/SubmissionSheet';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '报送稿' };
export const dynamic = 'force-dynamic';

/** 报送稿 of a report under review, as the department printed it for signature. */
export default async function ReviewSubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['reviewer', 'publisher'], `/review/${id}/submission`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const copy = await (await serverCaller(user)).submission.get({ id }).catch(() => null);
  if (!copy) notFound();
  return (
    <div className="card">
      <div className="no-print" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center', marginBottom: 12 }}>
        <span className="muted small">
          <Link href={`/review?year=${copy.year}`}>审核</Link> › <Link href={`/review/${id}`}>{copy.departmentName}</Link> › 报送稿
        </span>
        <PrintButton />
        <a href={`/review/${id}/submission/pdf`}>下载 PDF</a>
      </div>
      <SubmissionSheet data={copy} />
    </div>
  );
}
