'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="linklike" onClick={() => void signOut({ callbackUrl: '/' })}>
      退出
    </button>
  );
}
