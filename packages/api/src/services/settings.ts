import { and, departments, eq, inArray, reports, settings, signoffs, type Db } from '@ccgov/db';
import { recordAudit, type SessionUser } from '@ccgov/auth';
import { MAX_REQUIRED_SIGNOFFS, RULES, RULESET_VERSION, signoffStepLabel, type RuleSeverity } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { readSettings } from './context';
import { submittedVersion } from './workflow';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const requiredSignoffsInput = z.strictObject({
  requiredSignoffs: z
    .number({ error: `审核级数应为1至${MAX_REQUIRED_SIGNOFFS}` })
    .int({ error: `审核级数应为1至${MAX_REQUIRED_SIGNOFFS}` })
    .min(1, { error: `审核级数应为1至${MAX_REQUIRED_SIGNOFFS}` })
    .max(MAX_REQUIRED_SIGNOFFS, { error: `审核级数应为1至${MAX_REQUIRED_SIGNOFFS}` }),
});

/** The review levels as the bureau reads them: "初审、终审". */
export function signoffSteps(required: number): string[] {
  return Array.from({ length: required }, (_, i) => signoffStepLabel(i + 1, required));
}

export function reviewSettings(db: Db) {
  const s = readSettings(db);
  return { requiredSignoffs: s.requiredSignoffs, steps: signoffSteps(s.requiredSignoffs), max: MAX_REQUIRED_SIGNOFFS };
}

/**
 * Change the number of sign-offs a report needs before publication. Lowering it is refused while
 * a report under review already holds that many sign-offs: it could then neither be signed again
 * nor published, so those reviews are finished (or returned) first.
 */
export function setRequiredSignoffs(db: Db, actor: SessionUser, ip: string | null, input: z.infer<typeof requiredSignoffsInput>) {
  const result = db.transaction(
    (tx) => {
      const before = readSettings(tx as unknown as Db).requiredSignoffs;
      const next = input.requiredSignoffs;
      if (next < before) {
        const inReview = tx
          .select({ id: reports.id, name: departments.name })
          .from(reports)
          .innerJoin(departments, eq(departments.id, reports.departmentId))
          .where(inArray(reports.status, ['in_review']))
          .all();
        const stuck = inReview.filter((r) => {
          const v = submittedVersion(tx, r.id);
          if (v == null) return false;
          return tx.select({ id: signoffs.id }).from(signoffs).where(and(eq(signoffs.reportId, r.id), eq(signoffs.version, v))).all().length >= next;
        });
        if (stuck.length > 0) {
          throw new AppError(
            'BAD_REQUEST',
            `有${stuck.length}份报告正在审核且已有${next}级以上审核（${stuck.slice(0, 5).map((r) => r.name).join('、')}${stuck.length > 5 ? '等' : ''}），改为${next}级后将无法继续审核；请先完成或退回这些报告再调整`,
          );
        }
      }
      tx.insert(settings)
        .values({ key: 'required_signoffs', value: String(next) })
        .onConflictDoUpdate({ target: settings.key, set: { value: String(next) } })
        .run();
      return { before, after: next };
    },
    { behavior: 'immediate' },
  );
  recordAudit(db, {
    userId: actor.id,
    username: actor.username,
    role: actor.role,
    action: 'settings.requiredSignoffs',
    target: 'required_signoffs',
    ip,
    outcome: 'success',
    detail: `${result.before} → ${result.after}`,
  });
  return reviewSettings(db);
}

// ---------------------------------------------------------------------------------------------
// 需说明: warning rules whose warnings the department must explain before it can submit.
// ---------------------------------------------------------------------------------------------
/** Settings key: a JSON list of rule ids, e.g. ["R07","R12"]. */
export const EXPLAIN_REQUIRED_KEY = 'rules_explain_required';

/**
 * Rules the admin may set to 需说明: the warnings (提示) the department's own checker raises.
 * R14 (雷同 with another body) is left out: it is computed for the reviewer from other bodies'
 * reports, which the department does not see, so it could not explain it.
 */
export const EXPLAINABLE_RULES: readonly string[] = RULES.filter((r) => r.severity === '提示' && !r.codes.some((c) => c.startsWith('crossBody.'))).map(
  (r) => r.id,
);

/** The rule ids set to 需说明 (unknown or no longer explainable ids in a stored value are ignored). */
export function explainRequiredRules(db: Db | Tx): string[] {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, EXPLAIN_REQUIRED_KEY)).get();
  if (!row) return [];
  try {
    const list: unknown = JSON.parse(row.value);
    return Array.isArray(list) ? EXPLAINABLE_RULES.filter((id) => list.includes(id)) : [];
  } catch {
    return [];
  }
}

export const explainRequiredInput = z.strictObject({
  rules: z
    .array(z.string().max(10), { error: '请选择规则' })
    .max(RULES.length, { error: '规则过多' })
    .refine((ids) => ids.every((id) => EXPLAINABLE_RULES.includes(id)), {
      error: `只有提示类规则可以设为需说明（${EXPLAINABLE_RULES.join('、')}）`,
    }),
});

/** The rule book as it applies now: each rule with its severity, 需说明 where the admin set it. */
export function ruleBook(db: Db) {
  const explain = explainRequiredRules(db);
  return {
    version: RULESET_VERSION,
    rules: RULES.map((r) => ({
      id: r.id,
      number: r.number,
      severity: (explain.includes(r.id) ? '需说明' : r.severity) as RuleSeverity,
      title: r.title,
      description: r.description,
      codes: [...r.codes],
      added: r.added,
      changed: r.changed,
      tests: r.tests,
      explainable: EXPLAINABLE_RULES.includes(r.id),
    })),
  };
}

/** 设为需说明 (admin): store the list; the next submission of every department is held to it. */
export function setExplainRequiredRules(db: Db, actor: SessionUser, ip: string | null, input: z.infer<typeof explainRequiredInput>) {
  const before = explainRequiredRules(db);
  const next = EXPLAINABLE_RULES.filter((id) => input.rules.includes(id));
  db.insert(settings)
    .values({ key: EXPLAIN_REQUIRED_KEY, value: JSON.stringify(next) })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(next) } })
    .run();
  recordAudit(db, {
    userId: actor.id,
    username: actor.username,
    role: actor.role,
    action: 'settings.explainRequired',
    target: EXPLAIN_REQUIRED_KEY,
    ip,
    outcome: 'success',
    detail: `${before.join('、') || '无'} → ${next.join('、') || '无'}`,
  });
  return ruleBook(db);
}
