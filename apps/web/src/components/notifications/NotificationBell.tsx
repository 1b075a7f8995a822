'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { trpc } from '@/trpc/client';
import { UNREAD_EVENT } from './events';
import styles from './notifications.module.css';

const POLL_MS = 60_000;

/**
 * 通知 in the header: a bell with the unread count. Rendered with the count of the request; then
 * asks again every minute while the tab is visible and whenever the window regains focus.
 */
export function NotificationBell({ initial }: { initial: number }) {
  const [unread, setUnread] = useState(initial);

  useEffect(() => {
    let stopped = false;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      trpc.notifications.unreadCount
        .query()
        .then((r) => {
          if (!stopped) setUnread(r.unread);
        })
        .catch(() => {});
    };
    const onChange = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    window.addEventListener(UNREAD_EVENT, onChange);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(UNREAD_EVENT, onChange);
    };
  }, []);

  // The name begins with what is seen (通知, then the count), so speech input finds it by its label.
  const label = unread > 0 ? `通知 ${unread} 条未读` : '通知（没有未读）';
  return (
    <Link href="/account/notifications" className={styles.bell} aria-label={label} title={label} data-testid="notification-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span className={styles.bellText}>通知</span>
      {unread > 0 && (
        <span className={styles.count} data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
