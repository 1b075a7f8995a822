import { auditCrossSiteRefusal } from '@ccgov/api';
import { clientIp } from '@ccgov/auth';
import { eq, getDb, users } from '@ccgov/db';
import { decode } from 'next-auth/jwt';
import { setCrossSiteRefusalSink, type CrossSiteRefusalNote } from './security-headers';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Whose session cookie came with the refused request (its user row), or null. Nothing is changed. */
async function cookieUser(cookie: string | null) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!cookie || !secret) return null;
  const jar = new Map(cookie.split(';').map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()] as const));
  const token = SESSION_COOKIES.map((n) => jar.get(n)).find(Boolean);
  if (!token) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  const uid = typeof claims?.uid === 'number' ? claims.uid : null;
  if (uid == null) return null;
  const u = getDb().select({ id: users.id, username: users.username, role: users.role }).from(users).where(eq(users.id, uid)).get();
  return u ?? null;
}

async function record(note: CrossSiteRefusalNote): Promise<void> {
  const user = await cookieUser(note.cookie);
  auditCrossSiteRefusal(
    { db: getDb(), user, ip: clientIp({ 'x-forwarded-for': note.forwardedFor ?? undefined }) },
    { method: note.method, path: note.path, reason: note.reason },
    note.at,
  );
}

/**
 * Called once by instrumentation.ts: from then on every cross-site request the Proxy refuses is
 * written to the audit log (`access.cross_site`, at most one line per person or address a minute).
 */
export function registerCrossSiteAudit(): void {
  setCrossSiteRefusalSink((note) => {
    record(note).catch((err) => console.error(`[portal] 跨站请求审计失败 / cross-site audit failed: ${(err as Error).message}`));
  });
}
