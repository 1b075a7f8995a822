import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions, clientIp, loadSessionUser, type SessionClaims, type SessionUser } from '@ccgov/auth';
import { getDb } from '@ccgov/db';
import type { Role } from '@ccgov/report';

/**
 * The signed-in person, re-read from the database on every request: the server-side session must
 * be open (not signed out, forced off, idle or expired) and the account active. The request counts
 * as activity for the idle timeout. Once per request (layout and page share the answer).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = (session as unknown as { claims?: SessionClaims } | null)?.claims;
  return loadSessionUser(getDb(), claims);
});

/** For pages: require one of these roles, else go to sign-in. */
export async function requireRole(roles: readonly Role[], from: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(from)}`);
  if (!roles.includes(user.role)) redirect('/forbidden');
  // A temporary password (new account or reset) is changed before any work.
  if (user.mustChangePassword) redirect(`/account/password?from=${encodeURIComponent(from)}`);
  return user;
}

/** For pages open to anyone signed in (修改密码): sign-in required, any role. */
export async function requireSignedIn(from: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(from)}`);
  return user;
}

/** The client address (X-Forwarded-For only as scripts/serve.mjs and TRUST_PROXY allow; IP syntax checked). */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
