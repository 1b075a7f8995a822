import { and, departments, eq, inArray, reports, settings, signoffs, type Db } from '@ccgov/db';
import { recordAudit, type SessionUser } from '@ccgov/auth';
import { MAX_REQUIRED_SIGNOFFS, signoffStepLabel } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { readSettings } from './context';
import { submittedVersion } from './workflow';

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
