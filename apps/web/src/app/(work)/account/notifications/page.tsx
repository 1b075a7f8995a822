import type { Metadata } from 'next';
import { NotificationList } from '@/components/notifications/NotificationList';
import { serverCaller } from '@/server/caller';
import { requireRole } from '@/server/session';

export const metadata: Metadata = { title: '通知' };
export const dynamic = 'force-dynamic';

/** 通知: what happened to one's reports (submissions, returns, approvals, publications, reminders). */
export default async function NotificationsPage() {
  const user = await requireRole(['department', 'reviewer', 'publisher', 'admin'], '/account/notifications');
  const api = await serverCaller(user);
  const { items, more } = await api.notifications.list();
  return (
    <div className="card">
      <h1 style={{ marginTop: 0 }}>通知</h1>
      <p className="muted small">
        {user.role === 'department'
          ? '报告被退回、审核通过、发布，以及数据局的催报和截止提醒，都会在这里通知您。'
          : '各单位提交审核的报告会在这里通知您。'}
        本平台只发站内通知，不发送电子邮件或短信；如需邮件或短信提醒，可在系统发出站内通知的同一处（notifyUsers）接入。
      </p>
      <NotificationList initial={items} more={more} />
    </div>
  );
}
