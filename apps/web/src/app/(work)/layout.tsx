import Link from 'next/link';
import { ROLE_LABELS } from '@ccgov/report';
import { HydrationGate } from '@/components/HydrationGate';
import { SignOutButton } from '@/components/SignOutButton';
import { NotificationBell } from '@/components/notifications/NotificationBell';
import { serverCaller } from '@/server/caller';
import { currentUser } from '@/server/session';

/** Signed-in pages: navigation by role; every page also checks its role on the server. */
export default async function WorkLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  // The bell's count, as of this request (the bell asks again every minute and on focus).
  const unread = user ? await (await serverCaller(user)).notifications.unreadCount().then((r) => r.unread, () => 0) : 0;
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <Link href="/" className="brand">陈仓区政府信息公开工作年度报告平台</Link>
          <nav aria-label="工作栏目">
            {user?.role === 'department' && <Link href="/dept">本部门年报</Link>}
            {(user?.role === 'reviewer' || user?.role === 'publisher') && <Link href="/review">审核</Link>}
            {(user?.role === 'reviewer' || user?.role === 'publisher') && <Link href="/admin/history">导入历史报告</Link>}
            {user?.role === 'admin' && <Link href="/admin">管理</Link>}
            <Link href="/">公开门户</Link>
            {user && <NotificationBell initial={unread} />}
            {user && <Link href="/account/password">修改密码</Link>}
            {user && (
              <span className="who">
                {user.departmentName ?? ROLE_LABELS[user.role]} · {user.displayName}
              </span>
            )}
            {user ? <SignOutButton /> : <Link href="/login">登录</Link>}
          </nav>
        </div>
      </header>
      <main id="main">
        <HydrationGate>{children}</HydrationGate>
      </main>
    </>
  );
}
