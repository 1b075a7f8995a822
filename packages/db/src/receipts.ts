/**
 * 回执: one append-only row per act on a report (提交审核, 退回修改, 审核通过, 发布, 更正, 撤销发布).
 * The server writes it in the act's transaction (transition() in packages/api's workflow.ts, via
 * writeReceipt); the demo seed writes the receipts of the history it replays (seed/index.ts).
 * Both go through insertReceipt below, so a seeded receipt is built exactly as a served one.
 * The table refuses UPDATE and DELETE (triggers in migration 0004): a receipt once given stays as given.
 *
 * The content hash: SHA-256 (hex) of the UTF-8 bytes of `canonicalJson(content)`, where content is
 * the report as stored for the receipt's version (report_versions.content). canonicalJson is
 * JSON with object keys sorted (by UTF-16 code units, as Array.prototype.sort does), no
 * whitespace, `undefined` members left out and arrays kept in order; numbers and strings as
 * JSON.stringify writes them. Anyone holding the stored version can recompute it.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import {
  RULESET_VERSION,
  checkReport,
  ruleOf,
  type CheckResult,
  type ReportContent,
  type SensitiveWord,
  type WorkflowAction,
} from '@ccgov/report';
import type { Db } from './client';
import { departments, receipts, reports, reportVersions, sensitiveWords } from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type DbOrTx = Db | Tx;

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

/** The district's 错敏词 list, as the checker takes it. */
export function loadSensitiveWords(db: DbOrTx): SensitiveWord[] {
  return db
    .select({ word: sensitiveWords.word, suggestion: sensitiveWords.suggestion, note: sensitiveWords.note })
    .from(sensitiveWords)
    .all();
}

/** The same department's report for the year before, when on file (for cross-year checks and prefill). */
export function previousYearReport(db: DbOrTx, departmentId: number, year: number): { year: number; content: ReportContent } | null {
  const row = db
    .select({ year: reports.year, content: reports.content })
    .from(reports)
    .where(and(eq(reports.departmentId, departmentId), eq(reports.year, year - 1)))
    .get();
  return row ?? null;
}

/**
 * Run the same checker the browser runs, with the inputs only the server has: the body's name,
 * its previous year's report on file and the 错敏词 list. (雷同 with other bodies' reports, R14,
 * is not part of this check: the review screen compares texts separately.)
 */
export function checkStoredReport(
  db: DbOrTx,
  report: { departmentId: number; year: number; content: ReportContent },
): CheckResult {
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, report.departmentId)).get();
  return checkReport({
    year: report.year,
    body: dept?.name ?? '',
    content: report.content,
    previous: previousYearReport(db, report.departmentId, report.year),
    sensitiveWords: loadSensitiveWords(db),
  });
}

/** The stored version an act is about: the latest submitted snapshot (the one sign-offs belong to). */
function versionContent(
  tx: DbOrTx,
  report: { id: number; version: number; content: ReportContent },
): { version: number; content: ReportContent } {
  const row = tx
    .select({ version: reportVersions.version, content: reportVersions.content })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, report.id))
    .orderBy(desc(reportVersions.version))
    .get();
  // Every submitted report has a snapshot; the fallback only covers rows made outside the workflow.
  return row ?? { version: report.version, content: report.content };
}

/** What a receipt says of the act: the sign-off step and the comment, return comment or reason. */
export function receiptNote(action: WorkflowAction, comment?: string | null, signoffLabel?: string | null): string | null {
  const note = signoffLabel ? [signoffLabel, comment?.trim()].filter(Boolean).join('：') : comment;
  return note?.trim() ? note.trim().slice(0, 2000) : action === 'republish' ? '重新发布' : null;
}

export type InsertReceiptInput = {
  /** The report after the act (its new lock version); content is only a fallback for a report without snapshot. */
  report: { id: number; departmentId: number; year: number; version: number; content: ReportContent };
  /** Who acted, as the receipt names them. */
  actor: { id: number; displayName: string; role: string };
  action: WorkflowAction;
  eventId?: number | null;
  /** Free text of the act: return comment, correction reason, sign-off comment. */
  comment?: string | null;
  /** The sign-off step's name (初审, 终审 …) from decide(). */
  signoffLabel?: string | null;
  /** When the act happened; default now (the seed gives the replayed act's time). */
  at?: Date;
};

/**
 * Write the receipt of one act, inside the act's transaction. Runs the same checker the submit
 * runs on the version's content, with the database as it is at that moment, and records the
 * rule-set version and its result. Returns null for an act that gives no receipt (撤回).
 */
export function insertReceipt(tx: DbOrTx, input: InsertReceiptInput): { id: number; receiptNo: string } | null {
  const act = receiptActOf(input.action);
  if (!act) return null;
  const { report, actor } = input;
  const { version, content } = versionContent(tx, report);
  const check = checkStoredReport(tx, { departmentId: report.departmentId, year: report.year, content });
  const codes = [...new Set([...check.errors, ...check.warnings].map((i) => ruleOf(i.rule)?.id ?? `rule${i.rule}`))].sort();
  // The server holds the write lock (IMMEDIATE), so counting gives the next number without a race.
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
      note: receiptNote(input.action, input.comment, input.signoffLabel),
      ...(input.at ? { createdAt: input.at } : {}),
    })
    .returning({ id: receipts.id })
    .get();
  return { id: row.id, receiptNo };
}
