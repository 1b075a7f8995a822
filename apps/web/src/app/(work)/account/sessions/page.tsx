import type { Metadata } from 'next';
import Link from 'next/link';
import { serverCaller } from '@/server/caller';
import { requireSignedIn } from '@/server/session';
import { MySessions } from './MySessions';

export const metadata: Metadata = { title: '登录设备' };
export const dynamic = 'force-dynamic';

/** 登录设备: where this account is signed in, and 退出所有设备. Open to any signed-in person. */
export default async function MySessionsPage() {
  const user = await requireSignedIn('/account/sessions');
  const mine = await (await serverCaller(user)).security.mySessions();
  return (
    <>
      <MySessions sessions={mine} />
      <p style={{ maxWidth: 560, margin: '0 auto' }}>
        <Link href="/account/password">修改密码</Link>
      </p>
    </>
  );
}
