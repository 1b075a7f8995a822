'use client';
import { signIn } from 'next-auth/react';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';
import { signInErrorMessage } from '@ccgov/auth/messages';
import { safeRedirectPath } from '@ccgov/auth/redirect';
import { useHydrated } from '@/components/useHydrated';

function Form() {
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', {
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    if (!res || res.error) {
      setBusy(false);
      // The server's lock message (locked until when) comes back as the error; codes get the generic text.
      setError(res ? signInErrorMessage(res.error) : '登录失败，请稍后重试');
      return;
    }
    // Only same-site paths: anything else (other hosts, //host, /\host, tabs…) goes to the role's home page.
    window.location.assign(safeRedirectPath(params.get('from')) ?? '/home');
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="username">用户名</label>
        <input id="username" name="username" autoComplete="username" required maxLength={64} />
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} />
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {/* Until React runs, a submit would be the browser's own (a GET putting the password in the address). */}
      <button className="btn" type="submit" disabled={busy || !hydrated}>
        登录
      </button>
      <p className="muted small">连续5次输入错误，账号将锁定15分钟。</p>
    </form>
  );
}

export function LoginForm() {
  return (
    <Suspense>
      <Form />
    </Suspense>
  );
}
