import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { PrintButton } from '@/components/submission/PrintButton';
import { SubmissionSheet } from '@/components/submission/SubmissionSheet';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '报送稿' };
export const dynamic = 'force-dynamic';

/** 报送稿 of the department's own report: the submitted version for signature and seal. */
export default async function DepartmentSubmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['department'], `/dept/reports/${id}/submission`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const copy = await (await serverCaller(user)).submission.get({ id }).catch(() => null);
  if (!copy) notFound();
  return (
    <div className="card">
      <div className="no-print" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 16px', alignItems: 'center', marginBottom: 12 }}>
        <span className="muted small">
          <Link href="/dept">本部门年报</Link> › <Link href={`/dept/reports/${id}`}>{copy.year}年度</Link> › 报送稿
        </span>
        <PrintButton />
        <a href={`/dept/reports/${id}/submission/pdf`}>下载 PDF</a>
        <Link href={`/dept/reports/${id}`}>返回上传扫描件</Link>
      </div>
      <SubmissionSheet data={copy} />
    </div>
  );
}
