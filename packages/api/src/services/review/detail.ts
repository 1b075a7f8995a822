import { and, asc, departments, desc, eq, publications, receipts, reportEvents, reportVersions, signoffs, users, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { availableActions, commentTargetLabel, compareWithPrevious, diffContent, markAnsweredChanges, RULESET_VERSION, signoffStepLabel, type ReportContent } from '@ccgov/report';
import { notFound } from '../../errors';
import { checkStoredReport } from '../check';
import { previousYearReport, readSettings } from '../context';
import { loadScopedReport, reportComments } from '../workflow';
import { explainRequiredRules } from '../settings';
import type { Tx } from './shared';

function signoffsWithNames(db: Db | Tx, reportId: number, version: number, required: number) {
  return db
    .select({ step: signoffs.step, role: signoffs.role, createdAt: signoffs.createdAt, userId: signoffs.userId, userName: users.displayName })
    .from(signoffs)
    .innerJoin(users, eq(users.id, signoffs.userId))
    .where(and(eq(signoffs.reportId, reportId), eq(signoffs.version, version)))
    .orderBy(asc(signoffs.step))
    .all()
    .map((s) => ({ ...s, label: signoffStepLabel(s.step, required) }));
}

/** One report as the reviewer needs it: content, checks, 说明, previous year, changes, history, comments. */
export function reviewDetail(db: Db, actor: SessionUser, id: number) {
  const report = loadScopedReport(db, actor, id);
  // A draft is the department's work in progress; the bureau sees a report once it was submitted.
  if (report.status === 'draft' && actor.role !== 'department') throw notFound();
  const dept = db.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const events = db
    .select({
      id: reportEvents.id,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      comment: reportEvents.comment,
      role: reportEvents.role,
      version: reportEvents.version,
      createdAt: reportEvents.createdAt,
      userName: users.displayName,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.userId))
    .where(eq(reportEvents.reportId, report.id))
    .orderBy(asc(reportEvents.id))
    .all();
  const comments = reportComments(db, report.id)
    .map((c) => ({ ...c, targetLabel: commentTargetLabel(c.target) }));
  const versions = db
    .select({ version: reportVersions.version, content: reportVersions.content, createdAt: reportVersions.createdAt })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(asc(reportVersions.version))
    .all();
  const latest = versions.at(-1) ?? null;

  // The last time the bureau sent the report back (退回修改, or 更正 of a published one), and the
  // submitted version it sent back: a resubmission is compared with that, cell by cell.
  const lastSentBack = [...events].reverse().find((e) => e.action === 'return' || e.action === 'reopen') ?? null;
  const sentBackSnapshot = lastSentBack ? ([...versions].reverse().find((v) => v.version <= (lastSentBack.version ?? 0)) ?? null) : null;
  const underReview = report.status === 'submitted' || report.status === 'in_review' || report.status === 'approved';
  const resubmitted = underReview && sentBackSnapshot != null && latest != null && latest.version > sentBackSnapshot.version;

  // While the department is revising, the bureau reads the version it sent back, not half-done edits.
  const content: ReportContent = report.status === 'returned' && sentBackSnapshot ? sentBackSnapshot.content : report.content;
  // The comments that went with that return (stored with the submitted version they are about): a
  // change at a place one of them points at answers it; any other change was made without being asked.
  const sentBackComments = sentBackSnapshot ? comments.filter((c) => c.version === sentBackSnapshot.version) : [];
  const settings = readSettings(db);
  const required = settings.requiredSignoffs;
  const currentSignoffs = latest == null ? [] : signoffsWithNames(db, report.id, latest.version, required);
  const previous = previousYearReport(db, report.departmentId, report.year);
  const check = checkStoredReport(db, { ...report, content });
  const actions =
    actor.role === 'department'
      ? []
      : availableActions({ status: report.status, actorRole: actor.role, actorUserId: actor.id, signoffs: currentSignoffs, requiredSignoffs: required }).filter(
          (a) => a !== 'submit' && a !== 'recall',
        );
  const publication = db
    .select({ id: publications.id, publishedAt: publications.publishedAt, current: publications.current, withdrawnAt: publications.withdrawnAt })
    .from(publications)
    .where(eq(publications.reportId, report.id))
    .orderBy(desc(publications.id))
    .get();

  // The 提交审核 receipt of the latest submission: the rule-set version and result it was checked with.
  const submitReceipt =
    db
      .select({ receiptNo: receipts.receiptNo, version: receipts.version, rulesetVersion: receipts.rulesetVersion, checkErrors: receipts.checkErrors, checkWarnings: receipts.checkWarnings, createdAt: receipts.createdAt })
      .from(receipts)
      .where(and(eq(receipts.reportId, report.id), eq(receipts.act, 'submit')))
      .orderBy(desc(receipts.id))
      .get() ?? null;

  return {
    report: { ...report, content },
    department: { id: dept.id, name: dept.name, kind: dept.kind },
    check,
    /** The rule-set version the live check above uses. */
    rulesetVersion: RULESET_VERSION,
    submitReceipt,
    explanations: report.explanations ?? {},
    /** Rule ids set to 需说明: the reviewer sees which 说明 the department had to write. */
    explainRequired: explainRequiredRules(db),
    previousYear: previous?.year ?? null,
    comparison: previous ? compareWithPrevious(content, previous.content) : [],
    events,
    comments,
    /** The version under review (sign-offs and comments of this round belong to it). */
    reviewVersion: latest?.version ?? null,
    submissions: events.filter((e) => e.action === 'submit').length,
    sentBack: lastSentBack
      ? { action: lastSentBack.action as 'return' | 'reopen', at: lastSentBack.createdAt, by: lastSentBack.userName, comment: lastSentBack.comment, version: sentBackSnapshot?.version ?? null }
      : null,
    /** Each with answersComment: whether a comment of the return asked for a change there. */
    changes: resubmitted ? markAnsweredChanges(diffContent(sentBackSnapshot.content, content), sentBackComments.map((c) => c.target)) : null,
    signoffs: currentSignoffs,
    requiredSignoffs: required,
    nextSignoffLabel: currentSignoffs.length < required ? signoffStepLabel(currentSignoffs.length + 1, required) : null,
    actions,
    publication: publication ?? null,
  };
}
