import { eq, users, departments, type Db } from '@ccgov/db';
import type { Role } from '@ccgov/report';
import { checkSession } from './sessions';

/** What every server-side check knows about the signed-in person. */
export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  /** The server-side session (sessions.id) this request belongs to. */
  sessionId: number;
};

/** The claims we keep in the signed session cookie: user, session version and session id. */
export type SessionClaims = { uid: number; sv: number; sid: string };

/**
 * Resolve a session's claims against the database on every request: the server-side session must
 * be open (not signed out, forced off, idle or past its lifetime; the request counts as activity)
 * and the account active with the same session version, so a disabled account or a reset
 * password ends existing sessions at once (the cookie alone is never trusted for that).
 */
export function loadSessionUser(db: Db, claims: Partial<SessionClaims> | null | undefined, now = new Date()): SessionUser | null {
  if (!claims || typeof claims.uid !== 'number' || typeof claims.sv !== 'number' || typeof claims.sid !== 'string') return null;
  const session = checkSession(db, claims.sid, now);
  if (!session.ok || session.userId !== claims.uid) return null;
  const row = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      departmentName: departments.name,
      active: users.active,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, claims.uid))
    .get();
  if (!row || !row.active || row.sessionVersion !== claims.sv) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentId: row.departmentId,
    departmentName: row.departmentName ?? null,
    mustChangePassword: row.mustChangePassword,
    sessionId: session.id,
  };
}

/** Where each role lands after signing in. */
export function landingPath(role: Role): string {
  switch (role) {
    case 'department':
      return '/dept';
    case 'reviewer':
    case 'publisher':
      return '/review';
    case 'admin':
      return '/admin';
  }
}
