/**
 * 回执: one append-only row per act on a report (提交审核, 退回修改, 审核通过, 发布, 更正, 撤销发布),
 * written in the same transaction as the state change by transition() in workflow.ts. The row, its
 * number, the content hash (canonical JSON, SHA-256) and the check it records are built by
 * insertReceipt in packages/db (receipts.ts), which the demo seed uses for its replayed history too.
 */
import { asc, departments, desc, eq, insertReceipt, receipts, reportVersions, RECEIPT_ACT_LABELS, type Db, type ReceiptAct, type Report } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { ROLE_LABELS, type WorkflowAction } from '@ccgov/report';
import { notFound } from '../errors';
import { readSettings } from './context';
import { loadScopedReport } from './workflow';

export { canonicalJson, contentSha256, formatReceiptNo, receiptActOf, RECEIPT_ACT_LABELS, type ReceiptAct } from '@ccgov/db';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type WriteReceiptInput = {
  /** The report after the act (its new lock version). */
  report: Report;
  actor: SessionUser;
  action: WorkflowAction;
  eventId?: number | null;
  /** Free text of the act: return comment, correction reason, sign-off comment. */
  comment?: string | null;
  /** The sign-off step's name from decide() (初审, 终审 …), put before the comment. */
  signoffLabel?: string | null;
};

/**
 * Write the receipt of one act, inside the act's transaction (see insertReceipt in packages/db).
 * Returns null for an act that gives no receipt (撤回).
 */
export function writeReceipt(tx: Db | Tx, input: WriteReceiptInput): { id: number; receiptNo: string } | null {
  return insertReceipt(tx, input);
}

/** A receipt as the clerk and the reviewer read it. */
export type ReceiptView = ReturnType<typeof toView>;

function toView(r: typeof receipts.$inferSelect, departmentName: string, submission: number | null, issuer: string) {
  return {
    /** Who issues the receipt (the bureau). */
    issuer,
    id: r.id,
    receiptNo: r.receiptNo,
    reportId: r.reportId,
    departmentId: r.departmentId,
    departmentName,
    year: r.year,
    act: r.act as ReceiptAct,
    actLabel: RECEIPT_ACT_LABELS[r.act as ReceiptAct] ?? r.act,
    version: r.version,
    /** 第N次提交: which submission the version is (1 for the first). */
    submission,
    userName: r.userName,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role,
    contentSha256: r.contentSha256,
    rulesetVersion: r.rulesetVersion,
    checkErrors: r.checkErrors,
    checkWarnings: r.checkWarnings,
    checkCodes: r.checkCodes,
    note: r.note,
    createdAt: r.createdAt,
  };
}

function submissionNumbers(db: Db, reportId: number): Map<number, number> {
  const versions = db
    .select({ version: reportVersions.version })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(asc(reportVersions.version))
    .all();
  return new Map(versions.map((v, i) => [v.version, i + 1]));
}

/** A report's receipts, newest first. Departments see only their own body's (not found otherwise). */
export function listReceipts(db: Db, actor: SessionUser, reportId: number): ReceiptView[] {
  const report = loadScopedReport(db, actor, reportId);
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, report.departmentId)).get();
  const numbers = submissionNumbers(db, report.id);
  const { bureau: issuer } = readSettings(db);
  return db
    .select()
    .from(receipts)
    .where(eq(receipts.reportId, report.id))
    .orderBy(desc(receipts.id))
    .all()
    .map((r) => toView(r, dept?.name ?? '', numbers.get(r.version) ?? null, issuer));
}

/** One receipt. A department asking for another body's receipt is told it does not exist. */
export function getReceipt(db: Db, actor: SessionUser, id: number): ReceiptView {
  const r = db.select().from(receipts).where(eq(receipts.id, id)).get();
  if (!r) throw notFound('回执');
  if (actor.role === 'department' && r.departmentId !== actor.departmentId) throw notFound('回执');
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, r.departmentId)).get();
  return toView(r, dept?.name ?? '', submissionNumbers(db, r.reportId).get(r.version) ?? null, readSettings(db).bureau);
}

