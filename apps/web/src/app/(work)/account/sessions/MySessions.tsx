'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { formatTimestamp as formatWhen } from '@ccgov/report';
import { errorMessage, trpc } from '@/trpc/client';

type Row = { id: number; createdAt: Date | string; lastSeenAt: Date | string; ip: string | null; userAgent: string | null; current: boolean };

/** 登录设备: where this account is signed in; 退出所有设备 ends them all, this one included. */
export function MySessions({ sessions }: { sessions: Row[] }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" style={{ maxWidth: 560, margin: '16px auto' }} aria-labelledby="my-sessions">
      <h1 id="my-sessions">登录设备</h1>
      <p className="muted small">30分钟无操作或登录满12小时后自动退出。如发现不认识的登录，请退出所有设备并修改密码。</p>
      <div className="table-wrap">
        <table className="list" aria-label="登录设备">
          <thead>
            <tr>
              <th scope="col">登录时间</th>
              <th scope="col">最近活动</th>
              <th scope="col">来源IP</th>
              <th scope="col">浏览器</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {formatWhen(s.createdAt)}
                  {s.current && <span className="muted small">（本机）</span>}
                </td>
                <td>{formatWhen(s.lastSeenAt)}</td>
                <td>{s.ip ?? '—'}</td>
                <td className="small">{s.userAgent ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn secondary"
        disabled={busy}
        onClick={async () => {
          if (!window.confirm('退出所有设备？包括本机在内的所有登录都将立即失效。')) return;
          setBusy(true);
          setError(null);
          try {
            await trpc.security.signOutEverywhere.mutate();
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
            return;
          }
          await signOut({ callbackUrl: '/login' });
        }}
      >
        退出所有设备
      </button>
    </section>
  );
}
