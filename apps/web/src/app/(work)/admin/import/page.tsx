import type { Metadata } from 'next';
import { ImportPanel } from '@/components/admin/ImportPanel';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '批量导入' };
export const dynamic = 'force-dynamic';

export default async function ImportPage() {
  await requireRole(['admin'], '/admin/import');
  return <ImportPanel />;
}
