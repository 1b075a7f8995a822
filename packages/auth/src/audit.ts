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
