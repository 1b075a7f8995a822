import type { Metadata } from 'next';
import { requireSignedIn } from '@/server/session';
import { ChangePasswordForm } from './ChangePasswordForm';

export const metadata: Metadata = { title: '修改密码' };
export const dynamic = 'force-dynamic';

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSignedIn('/account/password');
  const from = (await searchParams).from;
  const next = typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/home';
  return (
    <div className="card" style={{ maxWidth: 480, margin: '16px auto' }}>
      <h1>修改密码</h1>
      {user.mustChangePassword && (
        <p className="alert warn" role="status">
          您正在使用管理员设置的临时密码。请先设置自己的密码，然后才能继续使用。
        </p>
      )}
      <ChangePasswordForm username={user.username} next={next} />
    </div>
  );
}
