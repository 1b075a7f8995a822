import { auditLog, type Db } from '@ccgov/db';

export type AuditEntry = {
  userId?: number | null;
  username?: string | null;
  role?: string | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  outcome: 'success' | 'failure';
  detail?: string | null;
};

/** Append one line to the security audit log (the table refuses updates and deletes). */
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      userId: entry.userId ?? null,
      username: entry.username ?? null,
      role: entry.role ?? null,
      action: entry.action,
      target: entry.target ?? null,
      ip: entry.ip ?? null,
      outcome: entry.outcome,
      detail: entry.detail ?? null,
    })
    .run();
}

/** Client IP from proxy headers or the socket, for the audit log. */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const get = (name: string): string | undefined => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const fwd = get('x-forwarded-for');
  if (fwd) return fwd.split(',')[0]!.trim();
  return get('x-real-ip') ?? null;
}
