import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { eq, getDb, users, verifyPassword } from '@ccgov/db';
import { clientIp, recordAudit } from './audit';
import type { SessionClaims } from './session';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

/** Authenticate a username and password; records success and failure in the audit log. */
export async function authenticate(
  raw: unknown,
  ip: string | null,
): Promise<{ id: string; name: string; uid: number; sv: number } | null> {
  const db = getDb();
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const ok = !!user && user.active && (await verifyPassword(password, user.passwordHash));
  recordAudit(db, {
    userId: user?.id ?? null,
    username,
    role: user?.role ?? null,
    action: 'auth.signin',
    ip,
    outcome: ok ? 'success' : 'failure',
    detail: ok ? null : user && !user.active ? '账号已停用' : '用户名或密码错误',
  });
  if (!ok || !user) return null;
  return { id: String(user.id), name: user.displayName, uid: user.id, sv: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '用户名和密码',
      credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(credentials, req) {
        return authenticate(credentials, clientIp(req?.headers as Record<string, string> | undefined));
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionClaims;
        token.uid = u.uid;
        token.sv = u.sv;
      }
      return token;
    },
    session({ session, token }) {
      (session as unknown as { claims: SessionClaims }).claims = { uid: token.uid as number, sv: token.sv as number };
      return session;
    },
  },
  events: {
    signOut({ token }) {
      const uid = (token as { uid?: number } | null)?.uid;
      recordAudit(getDb(), { userId: uid ?? null, action: 'auth.signout', outcome: 'success' });
    },
  },
};
