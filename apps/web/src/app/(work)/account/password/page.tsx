import type { Metadata } from 'next';
import { safeRedirectPath } from '@ccgov/auth/redirect';
import { serverCaller } from '@/server/caller';
import { requireSignedIn } from '@/server/session';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MySessions } from './MySessions';

export const metadata: Metadata = { title: '修改密码' };
export const dynamic = 'force-dynamic';

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSignedIn('/account/password');
  const from = (await searchParams).from;
  // After 修改密码 only a path of this site; anything else goes to the role's home page.
  const next = safeRedirectPath(typeof from === 'string' ? from : null) ?? '/home';
  const mine = await (await serverCaller(user)).security.mySessions();
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
      <MySessions sessions={mine} />
    </>
  );
}
