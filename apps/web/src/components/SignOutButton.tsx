'use client';
import { signOut } from 'next-auth/react';
import { useHydrated } from './useHydrated';

/** 退出: held until React runs (before that a click would do nothing and the user would stay signed in). */
export function SignOutButton() {
  const hydrated = useHydrated();
  return (
    <button type="button" className="linklike" disabled={!hydrated} onClick={() => void signOut({ callbackUrl: '/' })}>
      退出
    </button>
  );
}
