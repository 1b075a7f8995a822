import { and, auditLog, departments, desc, eq, gte, inArray, lt, reports, sensitiveWords, sql, users, type Db } from '@ccgov/db';
import { AUDIT_ACTION_LABELS, ROLE_LABELS, auditActionLabel, auditDetailText, isIsoDate, type ReportAction } from '@ccgov/report';
import { z } from 'zod';
import { audit, type Actor } from './audit-trail';

// What each audit action is called (登录失败, 新建年报, 提交审核 …) lives beside the report history's
// names in @ccgov/report (activity.ts): one mapping for the page, the Excel and the CSV export.
export { AUDIT_ACTION_LABELS, auditActionLabel } from '@ccgov/report';

const dateFilter = z.string().trim().refine(isIsoDate, { error: '日期格式应为 YYYY-MM-DD' });
export const auditFilterInput = z.strictObject({
  /** China calendar days, inclusive. */
  from: dateFilter.optional(),
  to: dateFilter.optional(),
  username: z.string().trim().max(64).optional(),
  /** An action key, or a prefix ending in "." (e.g. "report."). */
  action: z.string().trim().max(64).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
});
/** The export's file type, named in its own audit line. */
export const auditExportInput = auditFilterInput.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const auditListInput = auditFilterInput.extend({ page: z.number().int().min(1).max(100_000).default(1) });

const PAGE_SIZE = 50;
const EXPORT_LIMIT = 50_000;
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

function where(input: z.infer<typeof auditFilterInput>) {
  const conds = [];
  if (input.from) conds.push(gte(auditLog.createdAt, chinaMidnight(input.from)));
  if (input.to) conds.push(lt(auditLog.createdAt, new Date(chinaMidnight(input.to).getTime() + 86_400_000)));
  // instr, not LIKE: a typed % or _ is matched as itself.
  if (input.username) conds.push(sql`instr(${auditLog.username}, ${input.username}) > 0`);
  if (input.action) {
    conds.push(input.action.endsWith('.') ? sql`instr(${auditLog.action}, ${input.action}) = 1` : eq(auditLog.action, input.action));
  }
  if (input.outcome) conds.push(eq(auditLog.outcome, input.outcome));
  return conds.length ? and(...conds) : undefined;
}

/** Turn "report:12" / "user:3" / "department:5" into the name a person recognises. */
function describeTargets(db: Db, targets: (string | null)[]): Map<string, string> {
  const ids = (prefix: string) =>
    [...new Set(targets.filter((t): t is string => !!t && t.startsWith(`${prefix}:`)).map((t) => Number(t.slice(prefix.length + 1))))].filter(Number.isInteger);
  const names = new Map<string, string>();
  const reportIds = ids('report');
  if (reportIds.length) {
    for (const r of db
      .select({ id: reports.id, year: reports.year, name: departments.name })
      .from(reports)
      .innerJoin(departments, eq(departments.id, reports.departmentId))
      .where(inArray(reports.id, reportIds))
      .all()) {
      names.set(`report:${r.id}`, `${r.name} ${r.year}年度报告`);
    }
  }
  const userIds = ids('user');
  if (userIds.length) {
    for (const u of db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, userIds)).all()) {
      names.set(`user:${u.id}`, `账号 ${u.username}`);
    }
  }
  const deptIds = ids('department');
  if (deptIds.length) {
    for (const d of db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, deptIds)).all()) {
      names.set(`department:${d.id}`, d.name);
    }
  }
  const wordIds = ids('word');
  if (wordIds.length) {
    for (const w of db.select({ id: sensitiveWords.id, word: sensitiveWords.word }).from(sensitiveWords).where(inArray(sensitiveWords.id, wordIds)).all()) {
      names.set(`word:${w.id}`, `错敏词 ${w.word}`);
    }
  }
  for (const t of targets) if (t?.startsWith('year:')) names.set(t, `${t.slice(5)}年度`);
  return names;
}

function present(db: Db, rows: (typeof auditLog.$inferSelect)[]) {
  const names = describeTargets(db, rows.map((r) => r.target));
  // Sign-out lines carry only the user id (next-auth's event knows no more): name the person.
  const missing = [...new Set(rows.filter((r) => !r.username && r.userId != null).map((r) => r.userId!))];
  const people = new Map(
    missing.length ? db.select({ id: users.id, username: users.username, role: users.role }).from(users).where(inArray(users.id, missing)).all().map((u) => [u.id, u]) : [],
  );
  return rows.map((r) => ({ ...r, username: r.username ?? people.get(r.userId ?? -1)?.username ?? null, role: r.role ?? people.get(r.userId ?? -1)?.role ?? null })).map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    username: r.username,
    role: r.role,
    roleLabel: r.role && r.role in ROLE_LABELS ? ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] : (r.role ?? ''),
    action: r.action,
    actionLabel: auditActionLabel(r.action, r.outcome),
    target: r.target ? (names.get(r.target) ?? r.target) : '',
    ip: r.ip,
    outcome: r.outcome,
    /** As stored (a status change as codes, draft → submitted). */
    detail: r.detail,
    /** As people read it: 草稿 → 待审核. */
    detailText: auditDetailText(r.detail),
  }));
}

/** 审计日志, newest first, 50 a page. Read-only: nothing in the application changes or deletes it. */
export function listAudit(db: Db, input: z.infer<typeof auditListInput>) {
  const w = where(input);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(w).get()!.n;
  const rows = db
    .select()
    .from(auditLog)
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(PAGE_SIZE)
    .offset((input.page - 1) * PAGE_SIZE)
    .all();
  const actions = db.selectDistinct({ action: auditLog.action }).from(auditLog).all().map((a) => a.action);
  const known = [...new Set([...Object.keys(AUDIT_ACTION_LABELS), ...actions])];
  return {
    rows: present(db, rows),
    total,
    page: input.page,
    pageSize: PAGE_SIZE,
    actions: known.filter((a) => actions.includes(a)).map((a) => ({ key: a, label: auditActionLabel(a) })),
  };
}

/** The filtered log for download (newest first, up to 50,000 lines); the export itself is logged. */
export function exportAudit(db: Db, actor: Actor, input: z.infer<typeof auditExportInput>) {
  const { format, ...filter } = input;
  const rows = db.select().from(auditLog).where(where(filter)).orderBy(desc(auditLog.id)).limit(EXPORT_LIMIT).all();
  const filters = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('，');
  audit(db, actor, { action: 'export.audit', detail: `${format === 'csv' ? 'CSV' : 'Excel'}，${rows.length}条${filters ? `（筛选：${filters}）` : ''}` });
  return { rows: present(db, rows), truncated: rows.length === EXPORT_LIMIT };
}

export type { ReportAction };
