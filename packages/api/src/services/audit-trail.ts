import { recordAudit, type SessionUser } from '@ccgov/auth';
import type { Db } from '@ccgov/db';
import { AppError } from '../errors';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Who acts, from where: what every audit line of a bureau or account change records. */
export type Actor = { user: SessionUser; ip: string | null };

export function audit(
  db: Db | Tx,
  actor: Actor,
  entry: { action: string; target?: string | null; outcome?: 'success' | 'failure'; detail?: string | null },
): void {
  recordAudit(db as Db, {
    userId: actor.user.id,
    username: actor.user.username,
    role: actor.user.role,
    ip: actor.ip,
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome ?? 'success',
    detail: entry.detail ?? null,
  });
}

/**
 * Run a change; when it is refused, record the refusal (outside the rolled-back transaction)
 * and rethrow. Successful changes record their own line inside their transaction.
 */
export async function auditRefusal<T>(db: Db, actor: Actor, action: string, target: string | null, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) audit(db, actor, { action, target, outcome: 'failure', detail: err.userMessage });
    throw err;
  }
}
