/**
 * 回执: one append-only row per act on a report (提交审核, 退回修改, 审核通过, 发布, 更正, 撤销发布),
 * written in the same transaction as the state change by transition() in workflow.ts. The table
 * refuses UPDATE and DELETE (triggers in migration 0004), so a receipt once given stays as given.
 *
 * The content hash: SHA-256 (hex) of the UTF-8 bytes of `canonicalJson(content)`, where content is
 * the report as stored for the receipt's version (report_versions.content). canonicalJson is
 * JSON with object keys sorted (by UTF-16 code units, as Array.prototype.sort does), no
 * whitespace, `undefined` members left out and arrays kept in order; numbers and strings as
 * JSON.stringify writes them. Anyone holding the stored version can recompute it.
 */
import { createHash } from 'node:crypto';
import { and, asc, departments, desc, eq, receipts, reportVersions, type Db, type Report } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { RULESET_VERSION, ROLE_LABELS, ruleOf, type ReportContent, type WorkflowAction } from '@ccgov/report';
import { notFound } from '../errors';
import { checkStoredReport } from './check';
import { readSettings } from './context';
import { loadScopedReport } from './workflow';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The act a receipt records (receipts.act). 撤回 gives none: nothing was handed over. */
export type ReceiptAct = 'submit' | 'return' | 'signoff' | 'publish' | 'correct' | 'withdraw';

export const RECEIPT_ACT_LABELS: Record<ReceiptAct, string> = {
  submit: '提交审核',
  return: '退回修改',
  signoff: '审核通过',
  publish: '发布',
  correct: '更正',
  withdraw: '撤销发布',
};

const ACT_OF: Partial<Record<WorkflowAction, ReceiptAct>> = {
  submit: 'submit',
  return: 'return',
  signoff: 'signoff',
  publish: 'publish',
  republish: 'publish',
  reopen: 'correct',
  unpublish: 'withdraw',
};

/** Which act a workflow action's receipt records, or null when it gives none. */
export function receiptActOf(action: WorkflowAction): ReceiptAct | null {
  return ACT_OF[action] ?? null;
}

/** Deterministic JSON: sorted keys, no whitespace (see the file's comment). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** SHA-256 (hex) of a report's content as canonical JSON. */
export function contentSha256(content: ReportContent | unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** HZ-2026-007-0003: year, the body's id, the body's running number within the year. */
export function formatReceiptNo(year: number, departmentId: number, seq: number): string {
  return `HZ-${year}-${String(departmentId).padStart(3, '0')}-${String(seq).padStart(4, '0')}`;
}

/** The stored version an act is about: the latest submitted snapshot (the one sign-offs belong to). */
function versionContent(tx: Db | Tx, report: Report): { version: number; content: ReportContent } {
  const row = tx
    .select({ version: reportVersions.version, content: reportVersions.content })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(desc(reportVersions.version))
    .get();
  // Every submitted report has a snapshot; the fallback only covers rows made outside the workflow.
  return row ?? { version: report.version, content: report.content };
}

export type WriteReceiptInput = {
  /** The report after the act (its new lock version). */
  report: Report;
  actor: SessionUser;
  action: WorkflowAction;
  eventId?: number | null;
  /** Free text of the act: return comment, sign-off step, correction reason. */
  note?: string | null;
};

/**
 * Write the receipt of one act, inside the act's transaction. Runs the same checker the submit
 * runs on the version's content and records the rule-set version and its result.
 * Returns null for an act that gives no receipt (撤回).
 */
export function writeReceipt(tx: Db | Tx, input: WriteReceiptInput): { id: number; receiptNo: string } | null {
  const act = receiptActOf(input.action);
  if (!act) return null;
  const { report, actor } = input;
  const { version, content } = versionContent(tx, report);
  const check = checkStoredReport(tx as unknown as Db, { departmentId: report.departmentId, year: report.year, content });
  const codes = [...new Set([...check.errors, ...check.warnings].map((i) => ruleOf(i.rule)?.id ?? `rule${i.rule}`))].sort();
  // The write lock is held (IMMEDIATE), so counting gives the next number without a race.
  const seq =
    tx
      .select({ id: receipts.id })
      .from(receipts)
      .where(and(eq(receipts.departmentId, report.departmentId), eq(receipts.year, report.year)))
      .all().length + 1;
  const receiptNo = formatReceiptNo(report.year, report.departmentId, seq);
  const row = tx
    .insert(receipts)
    .values({
      receiptNo,
      reportId: report.id,
      eventId: input.eventId ?? null,
      departmentId: report.departmentId,
      year: report.year,
      act,
      version,
      userId: actor.id,
      userName: actor.displayName,
      role: actor.role,
      contentSha256: contentSha256(content),
      rulesetVersion: RULESET_VERSION,
      checkErrors: check.errors.length,
      checkWarnings: check.warnings.length,
      checkCodes: codes,
      note: input.note?.trim() ? input.note.trim().slice(0, 2000) : input.action === 'republish' ? '重新发布' : null,
    })
    .returning({ id: receipts.id })
    .get();
  return { id: row.id, receiptNo };
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

