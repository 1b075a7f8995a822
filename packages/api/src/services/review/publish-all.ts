import { and, asc, departments, eq, reports, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { AppError } from '../../errors';
import { publishReport } from './publish';

/**
 * Publish every approved report of a year as one action: one transaction, so either all of them
 * go public or, if any one cannot (someone acted on it a moment ago), none does and nothing changes.
 */
export function publishAllApproved(db: Db, actor: SessionUser, input: { year: number }) {
  return db.transaction(
    (tx) => {
      const approved = tx
        .select({ id: reports.id, version: reports.version, departmentName: departments.name })
        .from(reports)
        .innerJoin(departments, eq(departments.id, reports.departmentId))
        .where(and(eq(reports.year, input.year), eq(reports.status, 'approved')))
        .orderBy(asc(departments.sortOrder))
        .all();
      for (const r of approved) {
        try {
          publishReport(db, actor, r);
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, `${r.departmentName}：${e.userMessage}；本次没有发布任何报告`, e.data);
          throw e;
        }
      }
      return { published: approved.length, departments: approved.map((r) => r.departmentName) };
    },
    { behavior: 'immediate' },
  );
}
