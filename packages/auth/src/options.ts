import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq, getDb, users } from '@ccgov/db';
import { recordAudit } from './audit';
import { clientIp, userAgentOf } from './client-address';
import { sessionMaxMs } from './config';
import { signInWithPassword, type SignedIn } from './login';
import { safeCallbackPath } from './redirect';
import { loadSessionUser, type SessionClaims } from './session';
import { endSession } from './sessions';

type Headers = Record<string, string | string[] | undefined> | undefined;

/** Sign in with a username and password (lockout, throttling, audit and a new server-side session). */
export async function authenticate(raw: unknown, headers: Headers): Promise<SignedIn> {
  const result = await signInWithPassword(getDb(), raw, { ip: clientIp(headers), userAgent: userAgentOf(headers) });
  if (result.ok) return result.user;
  // next-auth hands a thrown message to the form (signIn(...).error); null would say only
  // "CredentialsSignin". The lock message says until when.
  throw new Error(result.message);
}

const maxAge = Math.floor(sessionMaxMs() / 1000);

export const authOptions: NextAuthOptions = {
  // The token lives no longer than the absolute session lifetime; the server-side session row
  // decides everything else (sign-out, idle timeout, forced sign-out).
  session: { strategy: 'jwt', maxAge },
  jwt: { maxAge },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '用户名和密码',
      credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, req) {
        return authenticate(credentials, req?.headers as Headers);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SignedIn;
        return { ...token, uid: u.uid, sv: u.sv, sid: u.sid };
      }
      // Every later read of the token (the session endpoint, server pages) checks the server-side
      // session: a signed-out, forced-off, idle or expired one answers nothing and the cookie is
      // cleared (next-auth drops the session when this callback throws).
      const claims = { uid: token.uid, sv: token.sv, sid: token.sid } as Partial<SessionClaims>;
      if (!loadSessionUser(getDb(), claims)) throw new Error('会话已结束');
      return token;
    },
    session({ session, token }) {
      (session as unknown as { claims: SessionClaims }).claims = { uid: token.uid as number, sv: token.sv as number, sid: token.sid as string };
      return session;
    },
    /** Only paths of this site; anything else (other hosts, tricks, garbage) goes to the role's home. */
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl) ?? '/home'}`;
    },
  },
  events: {
    signOut({ token }) {
      const t = token as { uid?: number; sid?: string } | null;
      const db = getDb();
      if (t?.sid) endSession(db, { tokenId: t.sid }, 'signout');
      const u = typeof t?.uid === 'number' ? db.select({ username: users.username, role: users.role }).from(users).where(eq(users.id, t.uid)).get() : undefined;
      recordAudit(db, { userId: t?.uid ?? null, username: u?.username ?? null, role: u?.role ?? null, action: 'auth.signout', outcome: 'success' });
    },
  },
};
