import type { Metadata } from 'next';
import { HistoryImportPanel } from '@/components/admin/HistoryImportPanel';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '导入历史报告' };
export const dynamic = 'force-dynamic';

/** 管理 → 导入历史报告: the bureau (admin, reviewer or publisher) brings in reports published before the portal. */
export default async function HistoryImportPage() {
  const user = await requireRole(['admin', 'reviewer', 'publisher'], '/admin/history');
  const api = await serverCaller(user);
  return <HistoryImportPanel targets={await api.history.targets()} />;
}
