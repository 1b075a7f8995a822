import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { reportTitle } from '@ccgov/report';
import { ReportView } from '@/components/ReportView';
import { StatusBadge } from '@/components/StatusBadge';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '年报填报' };
export const dynamic = 'force-dynamic';

export default async function DepartmentReportPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const user = await requireRole(['department'], `/dept/reports/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const api = await serverCaller(user);
  const data = await api.department.get({ id }).catch(() => null);
  if (!data) notFound();
  return (
    <div className="card">
      <p>
        {reportTitle(data.department.name, data.report.year)} <StatusBadge status={data.report.status} />
      </p>
      <ReportView body={data.department.name} year={data.report.year} content={data.report.content} />
    </div>
  );
}
