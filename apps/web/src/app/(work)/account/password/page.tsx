import type { Metadata } from 'next';
import Link from 'next/link';
import { safeRedirectPath } from '@ccgov/auth/redirect';
import { requireSignedIn } from '@/server/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export const metadata: Metadata = { title: '修改密码' };
export const dynamic = 'force-dynamic';

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSignedIn('/account/password');
  const from = (await searchParams).from;
  // After 修改密码 only a path of this site; anything else goes to the role's home page.
  const next = safeRedirectPath(typeof from === 'string' ? from : null) ?? '/home';
  return (
    <>
      <div className="card" style={{ maxWidth: 560, margin: '16px auto' }}>
        <h1>修改密码</h1>
        {user.mustChangePassword && (
          <p className="alert warn" role="status">
            您正在使用管理员设置的临时密码。请先设置自己的密码，然后才能继续使用。
          </p>
        )}
        <ChangePasswordForm username={user.username} next={next} />
      </div>
      <p style={{ maxWidth: 560, margin: '0 auto' }}>
        <Link href="/account/sessions">登录设备</Link>：查看本账号在哪些设备上登录，可一键退出所有设备。
      </p>
    </>
  );
}
