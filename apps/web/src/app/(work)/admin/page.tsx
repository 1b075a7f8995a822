import type { Metadata } from 'next';
import { AccountsPanel } from '@/components/admin/AccountsPanel';
import { DepartmentsPanel } from '@/components/admin/DepartmentsPanel';
import { TemplateLinks } from '@/components/admin/TemplateLinks';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '管理' };
export const dynamic = 'force-dynamic';

export default async function AdminPage() {
  const user = await requireRole(['admin'], '/admin');
  const api = await serverCaller(user);
  const [departments, users, years] = await Promise.all([api.admin.departments(), api.admin.users(), api.years.list()]);
  return (
    <>
      <DepartmentsPanel departments={departments} />
      <AccountsPanel users={users} departments={departments.filter((d) => d.active).map((d) => ({ id: d.id, name: d.name }))} selfId={user.id} />
      <TemplateLinks years={years.filter((y) => y.open)} empty="当前没有填报中的年度；各年度的模板在“报告年度”中下载。" />
    </>
  );
}
