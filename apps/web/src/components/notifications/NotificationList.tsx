'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { formatTimestamp } from '@ccgov/report';
import type { AppRouter } from '@ccgov/api';
import type { inferRouterOutputs } from '@trpc/server';
import { errorMessage, trpc } from '@/trpc/client';
import { announceUnread } from './events';
import styles from './notifications.module.css';

type Item = inferRouterOutputs<AppRouter>['notifications']['list']['items'][number];

/** The signed-in person's notifications: opening one marks it read; 全部标为已读 marks them all. */
export function NotificationList({ initial, more: initialMore }: { initial: Item[]; more: boolean }) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [more, setMore] = useState(initialMore);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unread = items.filter((n) => n.readAt == null).length;

  const markLocal = (id: number | 'all') =>
    setItems((list) => list.map((n) => (id === 'all' || n.id === id ? { ...n, readAt: n.readAt ?? new Date() } : n)));

  const open = async (n: Item, go: boolean) => {
    setError(null);
    try {
      const r = n.readAt == null ? await trpc.notifications.markRead.mutate({ id: n.id }) : null;
      markLocal(n.id);
      if (r) announceUnread(r.unread);
      if (go && n.link) router.push(n.link);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const markAll = async () => {
    setError(null);
    setBusy(true);
    try {
      await trpc.notifications.markAllRead.mutate();
      markLocal('all');
      announceUnread(0);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const loadMore = async () => {
    const last = items.at(-1);
    if (!last) return;
    try {
      const page = await trpc.notifications.list.query({ before: last.id });
      setItems((list) => [...list, ...page.items]);
      setMore(page.more);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <div className={styles.toolbar}>
        <p className="muted small" role="status" style={{ margin: 0 }} data-testid="unread-summary">
          {unread > 0 ? `${unread} 条未读` : '没有未读通知'}
        </p>
        <button type="button" className="btn secondary" onClick={markAll} disabled={busy || unread === 0}>
          全部标为已读
        </button>
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">暂无通知。</p>
      ) : (
        <ul className={styles.list} aria-label="通知列表">
          {items.map((n) => {
            const isUnread = n.readAt == null;
            return (
              <li key={n.id} className={`${styles.item} ${isUnread ? styles.unread : ''}`} data-unread={isUnread ? 'true' : 'false'}>
                <div className={styles.head}>
                  {isUnread && <span className={styles.badge}>未读</span>}
                  {n.link ? (
                    <button type="button" className={styles.title} onClick={() => void open(n, true)}>
                      {n.title}
                    </button>
                  ) : (
                    <span className={styles.plainTitle}>{n.title}</span>
                  )}
                  <span className={styles.time}>{formatTimestamp(n.createdAt)}</span>
                </div>
                {n.body && <p className={styles.body}>{n.body}</p>}
                {isUnread && (
                  <div className={styles.itemActions}>
                    <button type="button" className={styles.linkButton} onClick={() => void open(n, false)}>
                      标为已读
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {more && (
        <p>
          <button type="button" className="btn secondary" onClick={loadMore}>
            更早的通知
          </button>
        </p>
      )}
    </>
  );
}
