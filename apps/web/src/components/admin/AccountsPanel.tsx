'use client';
import { useMemo, useRef, useState } from 'react';
import { ROLE_LABELS, type Role } from '@ccgov/report';
import { trpc } from '@/trpc/client';
import { Feedback } from './Feedback';
import { useAction, useFeedback, type FeedbackState } from './useAction';
import styles from './admin.module.css';

export type AccountRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentName: string | null;
  active: boolean;
  mustChangePassword: boolean;
};

type Secret = { username: string; password: string; what: string };

/**
 * A temporary password, shown once: the admin passes it on; the user must change it at sign-in.
 * Large, in a read-only field that selects itself on focus, with 复制: the clipboard API where the
 * browser allows it (a secure context), else the text is selected for Ctrl+C.
 */
export function TemporaryPassword({ secret, onClose }: { secret: Secret; onClose: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  async function copy() {
    const input = field.current;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret.password);
      setCopied('已复制到剪贴板');
    } catch {
      input?.focus();
      input?.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      setCopied(ok ? '已复制到剪贴板' : '已选中密码，请按 Ctrl+C 复制');
    }
  }
  return (
    <div className={`alert ok ${styles.secretBox}`} role="status" aria-labelledby="temp-password-label">
      <p id="temp-password-label" className={styles.secretTitle}>
        {secret.what}：账号 <strong>{secret.username}</strong> 的临时密码
      </p>
      <div className={styles.secretRow}>
        <input
          ref={field}
          className={styles.secret}
          readOnly
          value={secret.password}
          aria-label={`${secret.username}的临时密码`}
          data-testid="temporary-password"
          onFocus={(e) => e.currentTarget.select()}
          size={Math.max(12, secret.password.length + 2)}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" className="btn" onClick={() => void copy()}>
          复制
        </button>
        <span aria-live="polite" className="small">
          {copied}
        </span>
      </div>
      <p className="small" style={{ margin: '6px 0 0' }}>
        只显示这一次，请转告本人；首次登录后须修改密码。{' '}
        <button type="button" className="linklike" onClick={onClose}>
          已转告，关闭
        </button>
      </p>
    </div>
  );
}

function CreateAccountForm({ feedback, departments, onCreated }: { feedback: FeedbackState; departments: { id: number; name: string }[]; onCreated: (s: Secret) => void }) {
  const { busy, run } = useAction(feedback);
  const [role, setRole] = useState<Role>('department');
  return (
    <form
      aria-label="新建账号"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const departmentId = role === 'department' ? Number(data.get('departmentId')) || null : null;
        const r = await run(() =>
          trpc.admin.createUser.mutate({
            username: String(data.get('username') ?? ''),
            displayName: String(data.get('displayName') ?? ''),
            role,
            departmentId,
          }),
        );
        if (r) {
          form.reset();
          onCreated({ username: r.username, password: r.temporaryPassword, what: '已创建账号' });
        }
      }}
    >
      <div className={styles.row}>
        <div className="field">
          <label htmlFor="acc-username">用户名</label>
          <input id="acc-username" name="username" required maxLength={32} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="acc-name">姓名</label>
          <input id="acc-name" name="displayName" required maxLength={50} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="acc-role">角色</label>
          <select id="acc-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        {role === 'department' && (
          <div className={`field ${styles.grow}`}>
            <label htmlFor="acc-dept">所属部门</label>
            <select id="acc-dept" name="departmentId" required defaultValue="">
              <option value="" disabled>
                请选择
              </option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button className="btn" type="submit" disabled={busy}>
          创建账号
        </button>
      </div>
      <p className="muted small">每个账号只有一个角色。系统生成临时密码，只显示一次；账号首次登录后须修改密码。</p>
    </form>
  );
}

/** 账号: create one with one role, reset its password, disable or enable it (sessions end at once). */
export function AccountsPanel({ users, departments, selfId }: { users: AccountRow[]; departments: { id: number; name: string }[]; selfId: number }) {
  // One outcome line for the panel: the create form and the row buttons share it.
  const feedback = useFeedback();
  const { busy, error, message, setMessage, run } = useAction(feedback);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim();
    return q ? users.filter((u) => `${u.username} ${u.displayName} ${u.departmentName ?? '数据局'} ${ROLE_LABELS[u.role]}`.includes(q)) : users;
  }, [users, filter]);

  return (
    <section className="card" aria-labelledby="accounts">
      <h2 id="accounts">账号（{users.length}）</h2>
      <CreateAccountForm
        feedback={feedback}
        departments={departments}
        onCreated={(s) => {
          setMessage(null);
          setSecret(s);
        }}
      />
      {secret && <TemporaryPassword key={`${secret.username}-${secret.password}`} secret={secret} onClose={() => setSecret(null)} />}
      <Feedback error={error} message={message} />
      <div className="field" style={{ maxWidth: 320, marginTop: 12 }}>
        <label htmlFor="acc-filter">查找账号</label>
        <input id="acc-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="用户名、姓名或部门" />
      </div>
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr>
              <th scope="col">用户名</th>
              <th scope="col">姓名</th>
              <th scope="col">角色</th>
              <th scope="col">所属部门</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.id} className={u.active ? undefined : styles.inactive}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.departmentName ?? '数据局'}</td>
                <td>
                  {u.active ? '启用' : '停用'}
                  {u.active && u.mustChangePassword && <span className="muted small">（待修改初始密码）</span>}
                </td>
                <td className={styles.tight}>
                  {u.id !== selfId && (
                    <>
                      <button
                        type="button"
                        className="linklike"
                        disabled={busy}
                        aria-label={`重置${u.username}的密码`}
                        onClick={() => {
                          if (!window.confirm(`重置账号 ${u.username} 的密码？\n该账号已登录的会话立即失效，须用临时密码重新登录并修改密码。`)) return;
                          void run(
                            () => trpc.admin.resetPassword.mutate({ id: u.id }),
                            (r) => {
                              setMessage(null);
                              setSecret({ username: r.username, password: r.temporaryPassword, what: '已重置密码' });
                            },
                          );
                        }}
                      >
                        重置密码
                      </button>{' '}
                      {u.active ? (
                        <button
                          type="button"
                          className="linklike"
                          disabled={busy}
                          aria-label={`停用${u.username}`}
                          onClick={() => {
                            if (!window.confirm(`停用账号 ${u.username}？该账号已登录的会话立即失效。`)) return;
                            void run(() => trpc.admin.setUserActive.mutate({ id: u.id, active: false }), () => {
                              setSecret(null);
                              setMessage(`已停用账号 ${u.username}，其会话已失效。`);
                            });
                          }}
                        >
                          停用
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="linklike"
                          disabled={busy}
                          aria-label={`启用${u.username}`}
                          onClick={() =>
                            run(() => trpc.admin.setUserActive.mutate({ id: u.id, active: true }), () => {
                              setSecret(null);
                              setMessage(`已启用账号 ${u.username}。`);
                            })
                          }
                        >
                          启用
                        </button>
                      )}
                    </>
                  )}
                  {u.id === selfId && <span className="muted small">当前账号</span>}
                </td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  没有符合条件的账号
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
