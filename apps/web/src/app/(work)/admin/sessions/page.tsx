import type { Metadata } from 'next';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';
import { SessionsPanel } from './SessionsPanel';

export const metadata: Metadata = { title: '在线会话' };
export const dynamic = 'force-dynamic';

/** 在线会话 (admin): who is signed in where; 强制下线; accounts locked after failed sign-ins, 解锁. */
export default async function SessionsPage() {
  const user = await requireRole(['admin'], '/admin/sessions');
  const api = await serverCaller(user);
  const [sessions, locks, users] = await Promise.all([api.security.sessions(), api.security.locks(), api.admin.users()]);
  const names = new Map(users.map((u) => [u.id, { username: u.username, displayName: u.displayName }]));
  const locked = locks.map((l) => ({ userId: l.userId, until: l.until, ...(names.get(l.userId) ?? { username: `#${l.userId}`, displayName: '' }) }));
  return <SessionsPanel sessions={sessions} locked={locked} />;
}
