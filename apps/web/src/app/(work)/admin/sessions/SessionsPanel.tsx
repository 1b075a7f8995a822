'use client';
import { Feedback } from '@/components/admin/Feedback';
import { formatTimestamp as formatWhen } from '@ccgov/report';
import { useAction } from '@/components/admin/useAction';
import { trpc } from '@/trpc/client';

type SessionRow = {
  id: number;
  username: string;
  displayName: string;
  roleLabel: string;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};
type LockedRow = { userId: number; username: string; displayName: string; until: Date | string };

export function SessionsPanel({ sessions, locked }: { sessions: SessionRow[]; locked: LockedRow[] }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <section className="card" aria-labelledby="sessions-h">
        <h2 id="sessions-h">在线会话（{sessions.length}）</h2>
        <p className="muted small">30分钟无操作或登录满12小时的会话自动结束。强制下线后，该会话的下一次操作即要求重新登录。</p>
        <Feedback error={error} />
        <div className="table-wrap">
          <table className="list" aria-label="在线会话">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">登录时间</th>
                <th scope="col">最近活动</th>
                <th scope="col">来源IP</th>
                <th scope="col">浏览器</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{s.username}</td>
                  <td>{s.displayName}</td>
                  <td>{s.roleLabel}</td>
                  <td>{formatWhen(s.createdAt)}</td>
                  <td>{formatWhen(s.lastSeenAt)}</td>
                  <td>{s.ip ?? '—'}</td>
                  <td className="small">{s.userAgent ?? '—'}</td>
                  <td>
                    {s.current ? (
                      <span className="muted small">当前会话</span>
                    ) : (
                      <button
                        type="button"
                        className="linklike"
                        disabled={busy}
                        aria-label={`强制下线${s.username}（${formatWhen(s.createdAt)}登录）`}
                        onClick={() => {
                          if (!window.confirm(`强制下线 ${s.username} 的这个会话？`)) return;
                          void run(() => trpc.security.endSession.mutate({ id: s.id }));
                        }}
                      >
                        强制下线
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {sessions.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    没有在线会话
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="locked-h">
        <h2 id="locked-h">已锁定的账号（{locked.length}）</h2>
        <p className="muted small">连续5次登录失败的账号锁定15分钟；确认是本人后可提前解锁。</p>
        <div className="table-wrap">
          <table className="list" aria-label="已锁定的账号">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">锁定至</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {locked.map((l) => (
                <tr key={l.userId}>
                  <td>{l.username}</td>
                  <td>{l.displayName}</td>
                  <td>{formatWhen(l.until)}</td>
                  <td>
                    <button
                      type="button"
                      className="linklike"
                      disabled={busy}
                      aria-label={`解锁${l.username}`}
                      onClick={() => void run(() => trpc.security.unlockAccount.mutate({ id: l.userId }))}
                    >
                      解锁
                    </button>
                  </td>
                </tr>
              ))}
              {locked.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    没有被锁定的账号
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
