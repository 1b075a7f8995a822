import { and, asc, eq, inArray, notifications, users, type Db } from '@ccgov/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What one notification says; the same for each recipient. */
export type NotificationInput = {
  /** submitted | returned | approved | published | reminder | deadline | … */
  kind: string;
  title: string;
  body?: string;
  /** Path inside the site the notification opens, e.g. /department/reports/12. */
  link?: string | null;
  reportId?: number | null;
  /**
   * When set, a recipient gets at most one notification with this key (unique per user): a
   * second call with the same key for the same user inserts nothing (e.g. `deadline-2026-7`).
   */
  dedupeKey?: string | null;
};

/**
 * In-app notification to each user (one row per recipient, each with its own read state).
 * Call it inside the transaction of the act it tells about. E-mail or SMS would plug in here,
 * beside the insert; none is sent.
 * Returns the number of rows inserted (fewer than the recipients when a dedupe key already existed).
 */
export function notifyUsers(tx: Db | Tx, userIds: readonly number[], n: NotificationInput): number {
  const ids = [...new Set(userIds)].filter((id) => Number.isInteger(id));
  if (ids.length === 0) return 0;
  const rows = ids.map((userId) => ({
    userId,
    kind: n.kind,
    title: n.title,
    body: n.body ?? '',
    link: n.link ?? null,
    reportId: n.reportId ?? null,
    dedupeKey: n.dedupeKey ?? null,
  }));
  // SQLite treats NULL dedupe keys as distinct, so only keyed rows can collide.
  const result = tx.insert(notifications).values(rows).onConflictDoNothing().run();
  return result.changes;
}

/** Active reviewers and publishers (the bureau's people who act on a submission). */
export function reviewersAndPublishers(tx: Db | Tx): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['reviewer', 'publisher']), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all()
    .map((r) => r.id);
}

/** Active accounts (clerks) of one body. */
export function departmentUsers(tx: Db | Tx, departmentId: number): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'department'), eq(users.departmentId, departmentId), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all()
    .map((r) => r.id);
}
