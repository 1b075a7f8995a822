import { and, asc, departments, desc, eq, inArray, isNull, lt, notifications, reviewComments, sql, users, type Db, type Report } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { targetLabel, type ReportStatus, type WorkflowAction } from '@ccgov/report';
import { z } from 'zod';
import { notFound } from '../errors';

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

/** Active publishers (终审 and 发布). */
export function publishers(tx: Db | Tx): number[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'publisher'), eq(users.active, true)))
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

// ---------------------------------------------------------------------------------------------
// Who learns of which act (called by transition() inside the act's transaction).
// ---------------------------------------------------------------------------------------------

/** The comments of this round (return or 更正), as "位置：意见" lines. */
function roundCommentLines(tx: Db | Tx, reportId: number, version: number | null): string[] {
  if (version == null) return [];
  return tx
    .select({ target: reviewComments.target, body: reviewComments.body })
    .from(reviewComments)
    .where(and(eq(reviewComments.reportId, reportId), eq(reviewComments.version, version)))
    .orderBy(asc(reviewComments.id))
    .all()
    .map((c) => `${targetLabel(c.target)}：${c.body}`);
}

export type ActNotice = {
  report: Report;
  actor: SessionUser;
  action: WorkflowAction;
  to: ReportStatus;
  comment?: string | null;
  /** The submitted version the act is about (comments of a return belong to it). */
  submittedVersion: number | null;
};

/**
 * Reviewers and publishers learn of each submission; the body's clerks of a return or 更正 (with
 * the comments), of approval (every sign-off done), publication and withdrawal.
 */
export function notifyAct(tx: Db | Tx, n: ActNotice): number {
  const { report, actor, action, to } = n;
  const dept = tx.select({ name: departments.name }).from(departments).where(eq(departments.id, report.departmentId)).get();
  const body = dept?.name ?? '';
  const year = `${report.year}年度`;
  const deptLink = `/dept/reports/${report.id}`;
  const base = { reportId: report.id, link: deptLink };
  const clerks = () => departmentUsers(tx, report.departmentId);
  const comment = n.comment?.trim() ?? '';
  switch (action) {
    case 'submit':
      return notifyUsers(tx, reviewersAndPublishers(tx), {
        kind: 'submitted',
        title: `${body}提交了${year}报告，待审核`,
        body: `${actor.displayName}提交审核。`,
        link: `/review/${report.id}`,
        reportId: report.id,
      });
    case 'return':
    case 'reopen': {
      const lines = roundCommentLines(tx, report.id, n.submittedVersion);
      const head = action === 'return' ? `退回说明：${comment}` : `更正原因：${comment}`;
      const text = [head, ...(lines.length ? ['审核意见：', ...lines.map((l, i) => `${i + 1}. ${l}`)] : [])].join('\n');
      return notifyUsers(tx, clerks(), {
        ...base,
        kind: 'returned',
        title: action === 'return' ? `${year}报告被退回修改` : `${year}报告需要更正`,
        body: `${actor.displayName}：\n${text}`.slice(0, 4000),
      });
    }
    case 'signoff': {
      // The publishers do the next step: the one after a sign-off that is not the last (终审), or 发布.
      const next = to === 'approved' ? '待发布' : '待终审';
      const told = notifyUsers(tx, publishers(tx).filter((id) => id !== actor.id), {
        kind: 'signoff',
        title: `${body}${year}报告${next}`,
        body: `${actor.displayName}已签批${to === 'approved' ? '，审核已全部完成' : ''}。`,
        link: `/review/${report.id}`,
        reportId: report.id,
      });
      if (to !== 'approved') return told;
      return (
        told +
        notifyUsers(tx, clerks(), {
          ...base,
          kind: 'approved',
          title: `${year}报告已审核通过`,
          body: `审核已全部完成（最后签批：${actor.displayName}），等待发布。`,
        })
      );
    }
    case 'publish':
    case 'republish':
      return notifyUsers(tx, clerks(), {
        ...base,
        kind: 'published',
        title: `${year}报告已${action === 'republish' ? '重新' : ''}发布`,
        body: `${actor.displayName}已在公开门户发布本部门${year}报告。`,
      });
    case 'unpublish':
      return notifyUsers(tx, clerks(), {
        ...base,
        kind: 'withdrawn',
        title: `${year}报告已撤销发布`,
        body: `撤销原因：${comment}`,
      });
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// The signed-in person's own notifications. Every query names ctx.user.id; nobody else's row is
// ever read or changed (another's id answers "not found").
// ---------------------------------------------------------------------------------------------

export const notificationListInput = z
  .strictObject({
    /** Only unread ones. */
    unread: z.boolean().optional(),
    /** Page back: ids below this one. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export function listNotifications(db: Db, actor: SessionUser, input: z.infer<typeof notificationListInput>) {
  const limit = input?.limit ?? 50;
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      reportId: notifications.reportId,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.id),
        input?.unread ? isNull(notifications.readAt) : undefined,
        input?.before ? lt(notifications.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
    .all();
  return { items: rows.slice(0, limit), more: rows.length > limit, unread: unreadCount(db, actor) };
}

export function unreadCount(db: Db, actor: SessionUser): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .get();
  return Number(row?.n ?? 0);
}

/** Mark one of one's own notifications read; returns it (with its link to open). */
export function markRead(db: Db, actor: SessionUser, id: number) {
  const row = db
    .select({ id: notifications.id, link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)))
    .get();
  if (!row) throw notFound('通知');
  if (row.readAt == null) {
    db.update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .run();
  }
  return { id: row.id, link: row.link, unread: unreadCount(db, actor) };
}

export function markAllRead(db: Db, actor: SessionUser) {
  const r = db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .run();
  return { marked: r.changes, unread: 0 };
}
