import { AdminNav } from '@/components/admin/AdminNav';
import { requireRole } from '@/server/session';

/** 管理 (bureau admin only): every page below also checks the role itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole(['admin'], '/admin');
  return (
    <>
      <h1>管理</h1>
      <AdminNav />
      {children}
    </>
  );
}
