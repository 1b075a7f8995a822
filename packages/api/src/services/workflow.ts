import { and, asc, desc, eq, reportEvents, reports, reportVersions, reviewComments, signoffs, users, type Db, type Report } from '@ccgov/db';
import { recordAudit, type SessionUser } from '@ccgov/auth';
import { decide, type ReportStatus, type WorkflowAction } from '@ccgov/report';
import { AppError, notFound } from '../errors';
import { readSettings } from './context';
import { notifyAct } from './notifications';
import { writeReceipt } from './receipts';
import { currentRequestIp } from './request-context';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Load a report the actor may see: departments only their own; the bureau every one. */
export function loadScopedReport(db: Db | Tx, actor: SessionUser, id: number): Report {
  const row = db.select().from(reports).where(eq(reports.id, id)).get();
  if (!row) throw notFound();
  if (actor.role === 'department' && row.departmentId !== actor.departmentId) throw notFound();
  return row;
}

export function insertEvent(
  tx: Db | Tx,
  e: { reportId: number; actor: SessionUser; action: string; from: ReportStatus | null; to: ReportStatus | null; version: number; comment?: string | null },
) {
  const r = tx.insert(reportEvents)
    .values({
      reportId: e.reportId,
      userId: e.actor.id,
      role: e.actor.role,
      action: e.action,
      fromStatus: e.from,
      toStatus: e.to,
      version: e.version,
      comment: e.comment ?? null,
    })
    .run();
  return Number(r.lastInsertRowid);
}

/** The version number of the latest submitted snapshot; sign-offs belong to it. */
/** Every review comment of a report, oldest first, with its author's name (review screen and editor). */
export function reportComments(db: Db | Tx, reportId: number) {
  return db
    .select({
      id: reviewComments.id,
      target: reviewComments.target,
      body: reviewComments.body,
      version: reviewComments.version,
      resolved: reviewComments.resolved,
      createdAt: reviewComments.createdAt,
      userName: users.displayName,
    })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.reportId, reportId))
    .orderBy(asc(reviewComments.id))
    .all();
}

export function submittedVersion(tx: Db | Tx, reportId: number): number | null {
  const row = tx
    .select({ version: reportVersions.version })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.version))
    .get();
  return row?.version ?? null;
}

export function signoffsOf(tx: Db | Tx, reportId: number, version: number) {
  return tx
    .select({ userId: signoffs.userId, step: signoffs.step, role: signoffs.role, createdAt: signoffs.createdAt })
    .from(signoffs)
    .where(and(eq(signoffs.reportId, reportId), eq(signoffs.version, version)))
    .orderBy(signoffs.step)
    .all();
}

export type TransitionInput = {
  reportId: number;
  action: WorkflowAction;
  /** The version the actor saw; a different current version refuses the act. */
  version: number;
  comment?: string | null;
};

/**
 * One state change in one synchronous transaction: load, decide with the pure state machine,
 * write the new state, its sign-off and its event together. `extra` runs inside the same
 * transaction for act-specific writes (snapshot, publication, comments).
 */
export function transition(
  db: Db,
  actor: SessionUser,
  input: TransitionInput,
  extra?: (tx: Tx, report: Report, to: ReportStatus) => void,
): { status: ReportStatus; version: number; receipt: { id: number; receiptNo: string } | null } {
  return db.transaction((tx) => {
    const report = loadScopedReport(tx, actor, input.reportId);
    if (report.version !== input.version) {
      throw new AppError('CONFLICT', '该报告已被他人修改或已进入下一环节，请刷新后查看最新状态', {
        status: report.status,
        version: report.version,
      });
    }
    const { requiredSignoffs } = readSettings(tx as unknown as Db);
    const submitted = submittedVersion(tx, report.id);
    const existing = submitted == null ? [] : signoffsOf(tx, report.id, submitted);
    const decision = decide({
      action: input.action,
      status: report.status,
      actorRole: actor.role,
      actorUserId: actor.id,
      signoffs: existing,
      requiredSignoffs,
      comment: input.comment ?? undefined,
    });
    if (!decision.ok) throw new AppError('BAD_REQUEST', decision.message);

    if (decision.signoffStep != null) {
      tx.insert(signoffs)
        .values({ reportId: report.id, version: submitted ?? report.version, userId: actor.id, role: actor.role, step: decision.signoffStep })
        .run();
    }
    // Every act bumps the lock version, so two people acting on what they saw cannot both win.
    const nextVersion = report.version + 1;
    const now = new Date();
    tx.update(reports)
      .set({
        status: decision.to,
        version: nextVersion,
        updatedAt: now,
        ...(input.action === 'submit' ? { submittedAt: now } : {}),
      })
      .where(eq(reports.id, report.id))
      .run();
    if (input.action === 'submit') {
      tx.insert(reportVersions).values({ reportId: report.id, version: nextVersion, content: report.content }).run();
    }
    const eventId = insertEvent(tx, {
      reportId: report.id,
      actor,
      action: input.action,
      from: report.status,
      to: decision.to,
      version: report.version,
      comment: input.comment,
    });
    recordAudit(tx as unknown as Db, { userId: actor.id, username: actor.username, role: actor.role, action: `report.${input.action}`, target: `report:${report.id}`, ip: currentRequestIp(), outcome: 'success', detail: `${report.status} → ${decision.to}` });
    extra?.(tx, { ...report, version: nextVersion }, decision.to);
    // 回执 and notifications of the act, in the same transaction (services/receipts.ts, notifications.ts).
    const after = { ...report, status: decision.to, version: nextVersion };
    const receipt = writeReceipt(tx, {
      report: after,
      actor,
      action: input.action,
      eventId,
      comment: input.comment,
      signoffLabel: decision.signoffLabel,
    });
    notifyAct(tx, { report: after, actor, action: input.action, to: decision.to, comment: input.comment, submittedVersion: submittedVersion(tx, report.id) });
    return { status: decision.to, version: nextVersion, receipt };
    // IMMEDIATE takes the write lock before the version is read, so even two server processes on
    // the same file cannot both pass the version check: the second waits, then sees the new version.
  }, { behavior: 'immediate' });
}
