import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
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
  return (
    <div className="card">
      <p>
        {data.department.name} <StatusBadge status={data.report.status} />
      </p>
      <ReportView body={data.department.name} year={data.report.year} content={data.report.content} />
    </div>
  );
}
