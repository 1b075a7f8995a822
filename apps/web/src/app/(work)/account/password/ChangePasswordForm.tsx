'use client';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { errorMessage, trpc } from '@/trpc/client';

/**
 * Change the signed-in person's password. The server ends every session of the account (this one
 * too), so the form signs in again with the new password before moving on.
 */
export function ChangePasswordForm({ username, next }: { username: string; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const current = String(form.get('current') ?? '');
    const password = String(form.get('next') ?? '');
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
    window.location.assign(res && !res.error ? next : '/login');
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="current">当前密码</label>
        <input id="current" name="current" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="next">新密码</label>
        <input id="next" name="next" type="password" autoComplete="new-password" required aria-describedby="pw-rule" />
        <span id="pw-rule" className="muted small">至少8位，须同时包含字母和数字，不能包含用户名。</span>
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
      <button className="btn" type="submit" disabled={busy}>
        保存新密码
      </button>
    </form>
  );
}
