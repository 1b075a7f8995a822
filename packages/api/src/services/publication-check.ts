import { and, eq, isNull, publications, reports, type Db } from '@ccgov/db';
import { RULES, RULESET_VERSION, checkReport, ruleOf } from '@ccgov/report';
import { notFound } from '../errors';
import { loadSensitiveWords } from './context';

/** Rules that compare with the body's report of the year before: not applied when there is none. */
const NEEDS_PREVIOUS = new Set(['R07', 'R10', 'R12']);
/** R14 (雷同 with other bodies) is the reviewer's comparison, not a property of one report. */
const NOT_ON_PUBLIC_PAGE = new Set(['R14']);

/**
 * 校验 line of a public report (no schema change: computed from the published content): the rules
 * applied, how many raised nothing, and of the warnings raised how many the department explained
 * (说明 are the report's, only their number is public). The previous year is the body's current
 * publication of the year before. Withdrawn or unknown ids answer NOT_FOUND.
 */
export function publicationCheck(db: Db, id: number) {
  const pub = db.select().from(publications).where(eq(publications.id, id)).get();
  if (!pub || pub.withdrawnAt) throw notFound();
  const previous = db
    .select({ year: publications.year, content: publications.content })
    .from(publications)
    .where(and(eq(publications.departmentId, pub.departmentId), eq(publications.year, pub.year - 1), eq(publications.current, true), isNull(publications.withdrawnAt)))
    .get();
  const explanations = db.select({ explanations: reports.explanations }).from(reports).where(eq(reports.id, pub.reportId)).get()?.explanations ?? {};
  const result = checkReport({
    year: pub.year,
    body: pub.departmentName,
    content: pub.content,
    previous: previous ?? null,
    sensitiveWords: loadSensitiveWords(db),
  });
  const applied = RULES.filter((r) => !NOT_ON_PUBLIC_PAGE.has(r.id) && (previous || !NEEDS_PREVIOUS.has(r.id)));
  const raised = new Set([...result.errors, ...result.warnings].map((i) => ruleOf(i.rule)?.id));
  const explained = result.warnings.filter((w) => (explanations[w.key] ?? '').trim() !== '').length;
  return {
    version: RULESET_VERSION,
    applied: applied.length,
    passed: applied.filter((r) => !raised.has(r.id)).length,
    errors: result.errors.length,
    warnings: result.warnings.length,
    explained,
  };
}
