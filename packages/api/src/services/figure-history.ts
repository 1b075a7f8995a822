import { and, desc, eq, isNull, lt, publications, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { HISTORY_YEARS, figureHistory, type FigureHistory } from '@ccgov/report';
import { loadScopedReport } from './workflow';

/**
 * Every figure of a report's body in its previous years (at most five), from the body's current
 * published reports — imported ones included — for the history beside each cell. Scoped like the
 * report itself: a department only for its own reports (another body's answers NOT_FOUND); the
 * bureau for any.
 */
export function figureHistoryForReport(db: Db, actor: SessionUser, reportId: number): FigureHistory & { year: number } {
  const report = loadScopedReport(db, actor, reportId);
  const rows = db
    .select({ year: publications.year, content: publications.content, importedFrom: publications.importedFrom })
    .from(publications)
    .where(
      and(
        eq(publications.departmentId, report.departmentId),
        eq(publications.current, true),
        isNull(publications.withdrawnAt),
        lt(publications.year, report.year),
      ),
    )
    .orderBy(desc(publications.year), desc(publications.id))
    .all();
  // One publication per year (the newest current one), the latest years first.
  const byYear = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!byYear.has(r.year) && byYear.size < HISTORY_YEARS) byYear.set(r.year, r);
  const history = figureHistory(
    [...byYear.values()].map((r) => ({ year: r.year, content: r.content, imported: r.importedFrom != null })),
    report.year,
  );
  return { year: report.year, ...history };
}
