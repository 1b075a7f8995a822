import { and, eq, reports, sensitiveWords, settings, type Db } from '@ccgov/db';
import type { ReportContent, SensitiveWord } from '@ccgov/report';

/** District settings with their defaults. */
export function readSettings(db: Db) {
  const rows = db.select().from(settings).all();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const signoffs = Number(map.get('required_signoffs') ?? '2');
  return {
    district: map.get('district') ?? '陈仓区',
    bureau: map.get('bureau') ?? '陈仓区数据局',
    requiredSignoffs: Number.isInteger(signoffs) && signoffs >= 1 && signoffs <= 3 ? signoffs : 2,
  };
}

export function loadSensitiveWords(db: Db): SensitiveWord[] {
  return db
    .select({ word: sensitiveWords.word, suggestion: sensitiveWords.suggestion, note: sensitiveWords.note })
    .from(sensitiveWords)
    .all();
}

/** The same department's report for the year before, when on file (for cross-year checks and prefill). */
export function previousYearReport(db: Db, departmentId: number, year: number): { year: number; content: ReportContent } | null {
  const row = db
    .select({ year: reports.year, content: reports.content })
    .from(reports)
    .where(and(eq(reports.departmentId, departmentId), eq(reports.year, year - 1)))
    .get();
  return row ?? null;
}
