import { and, asc, departments, desc, eq, reportEvents, reportingYears, reports, users, type Db } from '@ccgov/db';
import { recordAudit, type SessionUser } from '@ccgov/auth';
import {
  LIMITS,
  REQUEST_ROWS,
  SECTION_HEADINGS,
  isEditableByDepartment,
  lockApplies,
  lockMessage,
  prefillFromPrevious,
  reportContentSchema,
  requestCellTarget,
  requestRowFullLabel,
  targetLabel,
  unexplainedWarnings,
  type ReportContent,
  type RequestRowKey,
} from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { checkStoredReport } from './check';
import { loadSensitiveWords, previousYearReport } from './context';
import { insertEvent, loadScopedReport, reportComments, submittedVersion, transition } from './workflow';
import { explainRequiredRules } from './settings';
import { currentRequestIp } from './request-context';
import { assertNotLocked, bodyDeadline } from './deadlines';

/** An input object that names the fields it does not know, in words a clerk can read. */
export function strictInput<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `含有不认识的字段：${iss.keys.join('、')}，未保存任何内容` : undefined),
  });
}

export const MAX_EXPLANATIONS = 200;

export const saveDraftInput = strictInput({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  // Validated in saveDraft with reportContentSchema, so that a refusal names the cell or section
  // in the clerk's words ("三、“一、本年新收…”第1列（自然人）：应为非负整数") instead of a field path.
  content: z.custom<ReportContent>(),
  /** The department's 说明 per checker warning, keyed by the warning's `key`. */
  explanations: z.custom<Record<string, string>>().optional(),
});

export const createReportInput = strictInput({
  year: z.number().int().min(2000).max(2100),
  /** Also copy last year's text sections as a starting point. */
  copyText: z.boolean().default(false),
});

export const versionedInput = strictInput({ id: z.number().int().positive(), version: z.number().int().positive() });

type ContentIssue = { target: string | null; message: string };

/** zod path inside ReportContent → the checker's target id, where there is one. */
function pathTarget(path: readonly PropertyKey[]): string | null {
  const [area, a, b] = path.map(String);
  if (area === 'opening' || area === 'problems' || area === 'other') return path.length === 1 ? `text.${area}` : null;
  if (area === 'overview' && a && path.length === 2) return `text.overview.${a}`;
  if ((area === 'proactive' || area === 'reviews') && a && b && path.length === 3) return `${area}.${a}.${b}`;
  if (area === 'requests' && a && /^[0-5]$/.test(b ?? '') && path.length === 3) return requestCellTarget(a as RequestRowKey, Number(b));
  if (area === 'contact' && a && path.length === 2) return `contact.${a}`;
  return null;
}

const AREA_LABELS: Record<string, string> = {
  contact: '联系方式',
  opening: '报告开头说明',
  overview: SECTION_HEADINGS.overview,
  proactive: SECTION_HEADINGS.proactive,
  requests: SECTION_HEADINGS.requests,
  reviews: SECTION_HEADINGS.reviews,
  problems: SECTION_HEADINGS.problems,
  other: SECTION_HEADINGS.other,
};

/** Where a problem is, in the clerk's words: the cell or section, else the row, else the part. */
function pathLabel(path: readonly PropertyKey[]): string {
  const target = pathTarget(path);
  if (target) return targetLabel(target);
  const [area, row] = path.map(String);
  if (area === 'requests' && row && REQUEST_ROWS.some((r) => r.key === row)) {
    return `三、“${requestRowFullLabel(row as RequestRowKey)}”`;
  }
  return (area && AREA_LABELS[area]) || '报告内容';
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Validate content the way the form does; a refusal lists each problem where the clerk sees it. */
export function parseContent(raw: unknown): ReportContent {
  const parsed = reportContentSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: ContentIssue[] = parsed.error.issues.map((i) => {
    const target = pathTarget(i.path);
    const where = pathLabel(i.path);
    const what =
      i.code === 'unrecognized_keys'
        ? `含有不认识的字段：${i.keys.join('、')}`
        : hasChinese(i.message)
          ? i.message
          : '缺少内容或格式不对';
    return { target, message: `${where}：${what}` };
  });
  const shown = issues.slice(0, 3).map((i) => i.message).join('；');
  const more = issues.length > 3 ? `等${issues.length}处` : '';
  throw new AppError('BAD_REQUEST', `输入有误，未保存任何内容：${shown}${more}`, { issues });
}

/** 说明 per warning: short texts; empty ones are dropped rather than stored. */
export function parseExplanations(raw: unknown): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new AppError('BAD_REQUEST', '说明的格式不对，未保存任何内容');
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_EXPLANATIONS) throw new AppError('BAD_REQUEST', `说明最多${MAX_EXPLANATIONS}条，未保存任何内容`);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length > 200 || typeof value !== 'string') throw new AppError('BAD_REQUEST', '说明的格式不对，未保存任何内容');
    if (value.length > LIMITS.explanation) {
      throw new AppError('BAD_REQUEST', `说明不能超过${LIMITS.explanation}字（现为${value.length}字），未保存任何内容`, { key });
    }
    if (value.trim() !== '') out[key] = value;
  }
  return out;
}

/** The department's reports by year, plus open years it has not started. */
export function listOwnReports(db: Db, actor: SessionUser & { departmentId: number }, now: Date = new Date()) {
  const rows = db
    .select({ id: reports.id, year: reports.year, status: reports.status, updatedAt: reports.updatedAt, submittedAt: reports.submittedAt, version: reports.version })
    .from(reports)
    .where(eq(reports.departmentId, actor.departmentId))
    .orderBy(asc(reports.year))
    .all()
    .reverse();
  const years = db.select().from(reportingYears).where(eq(reportingYears.open, true)).orderBy(asc(reportingYears.year)).all();
  const notStarted = years
    .filter((y) => !rows.some((r) => r.year === y.year))
    // A new report is prefilled from last year's when one is on file; the page says so.
    .map((y) => {
      // The body's deadline (with its extension): a report not started is locked once it passes.
      const deadline = bodyDeadline(db, y.year, actor.departmentId, now)!;
      return { ...y, previousOnFile: rows.some((r) => r.year === y.year - 1), deadline, locked: deadline.passed, lockMessage: lockMessage(deadline) };
    });
  return { reports: rows, openYears: years, notStarted };
}

/**
 * One report with everything the editor needs to run the checker in the browser exactly as the
 * server does: the previous-year report and the 错敏词 list. Comments carry `current` when they
 * belong to the latest return (the ones the clerk must act on now).
 */
export function getOwnReport(db: Db, actor: SessionUser, id: number, now: Date = new Date()) {
  const report = loadScopedReport(db, actor, id);
  const deadline = bodyDeadline(db, report.year, report.departmentId, now);
  const dept = db.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const previous = previousYearReport(db, report.departmentId, report.year);
  const returnedVersion = report.status === 'returned' ? submittedVersion(db, report.id) : null;
  const comments = reportComments(db, report.id)
    .map(({ resolved: _resolved, ...c }) => ({ ...c, current: returnedVersion != null && c.version === returnedVersion }));
  return {
    report,
    department: { id: dept.id, name: dept.name, kind: dept.kind },
    previous,
    comments,
    sensitiveWords: loadSensitiveWords(db),
    check: checkStoredReport(db, report),
    /** Rule ids set to 需说明: their warnings need a 说明 before the report can be submitted. */
    explainRequired: explainRequiredRules(db),
    /** The body's deadline today (with its extension); `locked` when save and submit are refused. */
    deadline: deadline && { ...deadline, locked: deadline.passed && lockApplies(report.status), message: lockMessage(deadline) },
  };
}

export function createReport(db: Db, actor: SessionUser & { departmentId: number }, input: z.infer<typeof createReportInput>, now: Date = new Date()) {
  return db.transaction((tx) => {
    const year = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!year || !year.open) throw new AppError('BAD_REQUEST', `${input.year}年度未开放填报`);
    const existing = tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.departmentId, actor.departmentId), eq(reports.year, input.year)))
      .get();
    if (existing) return { id: existing.id, created: false };
    assertNotLocked(tx, { year: input.year, departmentId: actor.departmentId, status: 'not_started' }, now);
    const dept = tx.select().from(departments).where(eq(departments.id, actor.departmentId)).get()!;
    const prev = previousYearReport(tx as unknown as Db, actor.departmentId, input.year);
    const content = prefillFromPrevious(input.year, dept.name, prev?.content ?? null, input.copyText);
    const row = tx
      .insert(reports)
      .values({ departmentId: actor.departmentId, year: input.year, status: 'draft', content })
      .returning({ id: reports.id })
      .get();
    insertEvent(tx, { reportId: row.id, actor, action: 'create', from: null, to: 'draft', version: 1 });
    recordAudit(tx as unknown as Db, {
      userId: actor.id,
      username: actor.username,
      role: actor.role,
      action: 'report.create',
      target: `report:${row.id}`,
      ip: currentRequestIp(),
      outcome: 'success',
      detail: `${input.year}年度`,
    });
    return { id: row.id, created: true };
  });
}

/** Save a draft under optimistic locking: the write names the version it read. */
export function saveDraft(db: Db, actor: SessionUser, input: z.infer<typeof saveDraftInput>, now: Date = new Date()) {
  // Everything is validated before the transaction opens: a refusal writes nothing at all.
  const content = parseContent(input.content);
  const explanations = input.explanations === undefined ? undefined : parseExplanations(input.explanations);
  const result = db.transaction((tx) => {
    const report = loadScopedReport(tx, actor, input.id);
    if (!isEditableByDepartment(report.status)) {
      throw new AppError('BAD_REQUEST', '报告已提交或已发布，当前不能修改');
    }
    // After the deadline a draft is locked (a returned report stays correctable).
    assertNotLocked(tx, report, now);
    if (report.version !== input.version) {
      throw new AppError('CONFLICT', '这份报告已在别处（另一个窗口或同事）保存过更新的内容，本次保存未生效。您输入的内容仍保留在本页上，没有丢失。', {
        version: report.version,
      });
    }
    const next = report.version + 1;
    tx.update(reports)
      .set({
        content,
        explanations: explanations ?? report.explanations,
        version: next,
        updatedAt: new Date(),
      })
      .where(eq(reports.id, report.id))
      .run();
    // Who saved which report when (not the content), in the same transaction as the save.
    recordAudit(tx as unknown as Db, {
      userId: actor.id,
      username: actor.username,
      role: actor.role,
      action: 'report.save',
      target: `report:${report.id}`,
      ip: currentRequestIp(),
      outcome: 'success',
      detail: `保存为第${next}版`,
    });
    return { ...report, content, version: next };
    // IMMEDIATE takes the write lock before the version is read, as transition() does.
  }, { behavior: 'immediate' });
  return { version: result.version, check: checkStoredReport(db, result) };
}

/**
 * 提交审核. Idempotent: a retry or a double click naming the version that was just submitted
 * succeeds quietly with the same result. Otherwise one transaction checks, in this order, the
 * version, whether the workflow allows it, and the checker's hard errors (listed in the refusal).
 */
export function submitReport(db: Db, actor: SessionUser, input: { id: number; version: number }, now: Date = new Date()) {
  const current = loadScopedReport(db, actor, input.id);
  if (current.status === 'submitted' && current.version === input.version + 1) {
    const last = db
      .select({ action: reportEvents.action, version: reportEvents.version })
      .from(reportEvents)
      .where(eq(reportEvents.reportId, current.id))
      .orderBy(desc(reportEvents.id))
      .get();
    if (last?.action === 'submit' && last.version === input.version) {
      return { status: current.status, version: current.version, alreadySubmitted: true };
    }
  }
  const r = transition(db, actor, { reportId: input.id, action: 'submit', version: input.version }, (tx, report) => {
    // `report` is the row as loaded (its status before the act): a locked draft is refused.
    assertNotLocked(tx, report, now);
    const check = checkStoredReport(db, report);
    if (check.errors.length > 0) {
      const first = check.errors.slice(0, 3).map((e) => e.message).join('；');
      throw new AppError('BAD_REQUEST', `报告还有${check.errors.length}处错误，不能提交：${first}${check.errors.length > 3 ? '……' : ''}`, {
        errors: check.errors,
      });
    }
    // 需说明: a warning of a rule the admin set to 需说明 needs the department's 说明 first.
    const unexplained = unexplainedWarnings(check.warnings, explainRequiredRules(tx), report.explanations ?? {});
    if (unexplained.length > 0) {
      const first = unexplained.slice(0, 3).map((w) => w.message).join('；');
      throw new AppError(
        'BAD_REQUEST',
        `还有${unexplained.length}条提示需要填写说明后才能提交（请在“校验结果”的提醒下逐条填写说明）：${first}${unexplained.length > 3 ? '……' : ''}`,
        { unexplained },
      );
    }
  });
  return { ...r, alreadySubmitted: false };
}

export function recallReport(db: Db, actor: SessionUser, input: { id: number; version: number }, now: Date = new Date()) {
  const report = loadScopedReport(db, actor, input.id);
  // Recalling after the deadline would lock the report as a draft that could not be submitted again.
  const deadline = bodyDeadline(db, report.year, report.departmentId, now);
  if (report.status === 'submitted' && deadline?.passed) {
    throw new AppError('BAD_REQUEST', `已过${deadline.extendedUntil ? '延期截止日期' : '截止日期'}（${deadline.due}），撤回后将无法再次提交，因此不能撤回；如需修改请联系数据局退回。`);
  }
  return transition(db, actor, { reportId: input.id, action: 'recall', version: input.version });
}

