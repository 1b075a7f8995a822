import { AdminNav } from '@/components/admin/AdminNav';
import { requireRole } from '@/server/session';

/**
 * 管理 (bureau admin; reviewers and publishers reach only 导入历史报告): every page below checks
 * the role itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole(['admin', 'reviewer', 'publisher'], '/admin');
  return (
    <>
      <h1>管理</h1>
      <AdminNav bureauOnly={user.role !== 'admin'} />
      {children}
    </>
  );
}
