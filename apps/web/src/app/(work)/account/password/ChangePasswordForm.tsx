'use client';
import { signIn } from 'next-auth/react';
import { useEffect, useRef, useState } from 'react';
import { characterClasses, PASSWORD_HISTORY, PASSWORD_MIN_LENGTH } from '@ccgov/auth/password-policy';
import { useHydrated } from '@/components/useHydrated';
import { errorMessage, trpc } from '@/trpc/client';

/** The rules, shown beside the field before anything is typed; each is ticked once met. */
function Rules({ password, username }: { password: string; username: string }) {
  const typed = password.length > 0;
  const rules = [
    { text: `至少${PASSWORD_MIN_LENGTH}位`, ok: password.length >= PASSWORD_MIN_LENGTH },
    { text: '大写字母、小写字母、数字、符号四类中至少包含三类', ok: characterClasses(password) >= 3 },
    { text: '不能包含用户名', ok: !password.toLowerCase().includes(username.toLowerCase()) },
    { text: `不能与最近${PASSWORD_HISTORY}次使用过的密码相同（保存时检查）`, ok: null },
  ];
  return (
    <ul id="pw-rules" className="small pw-rules" aria-label="密码要求">
      {rules.map((r) => (
        <li key={r.text} data-ok={typed && r.ok !== null ? String(r.ok) : undefined}>
          <span aria-hidden="true">{!typed || r.ok === null ? '·' : r.ok ? '✓' : '✗'}</span> {r.text}
          {typed && r.ok === false && '（未满足）'}
        </li>
      ))}
    </ul>
  );
}

/**
 * Change the signed-in person's password. The server ends every session of the account (this one
 * too), so the form signs in again with the new password before moving on.
 */
export function ChangePasswordForm({ username, next }: { username: string; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState('');
  const hydrated = useHydrated();
  const nextRef = useRef<HTMLInputElement>(null);
  // The fields are the browser's own (uncontrolled): what was typed before React took over stays,
  // and the rules below catch up with it once React runs.
  useEffect(() => {
    if (nextRef.current) setPassword(nextRef.current.value);
  }, []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const current = String(form.get('current') ?? '');
    if (password !== String(form.get('confirm') ?? '')) {
      setError('两次输入的新密码不一致');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await trpc.account.changePassword.mutate({ current, next: password });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
      return;
    }
    const res = await signIn('credentials', { username, password, redirect: false });
    // `next` was checked on the server to be a path of this site.
    window.location.assign(res && !res.error ? next : '/login');
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="current">当前密码</label>
        <input id="current" name="current" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="next">新密码</label>
        <input
          id="next"
          name="next"
          type="password"
          autoComplete="new-password"
          required
          maxLength={128}
          aria-describedby="pw-rules"
          ref={nextRef}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Rules password={password} username={username} />
      </div>
      <div className="field">
        <label htmlFor="confirm">再次输入新密码</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {/* Until React runs, a submit would be the browser's own: the button waits for it. */}
      <button className="btn" type="submit" disabled={busy || !hydrated}>
        保存新密码
      </button>
    </form>
  );
}
