import { and, desc, eq, isNull, lt, publications, receipts, type Db } from '@ccgov/db';
import { RULES, RULESET_VERSION, caliberFootnotes, checkReport, ruleOf, type CaliberFootnote } from '@ccgov/report';
import { notFound } from '../errors';
import { loadSensitiveWords } from './context';

/** Rules that compare with the body's report of the year before: not applied when there is none. */
const NEEDS_PREVIOUS = new Set(['R07', 'R10', 'R12']);
/** R14 (雷同 with other bodies) is the reviewer's comparison, not a property of one report. */
const NOT_ON_PUBLIC_PAGE = new Set(['R14']);

/**
 * 校验 line of a public report (no schema change: computed from the published content): the rules
 * applied, how many raised nothing, and of the warnings raised how many the department explained
 * (说明 are frozen with the publication, only their number is public). The previous year is the body's current
 * publication of the year before. Withdrawn or unknown ids answer NOT_FOUND.
 */
export function publicationCheck(db: Db, id: number) {
  const pub = db.select().from(publications).where(eq(publications.id, id)).get();
  if (!pub || pub.withdrawnAt) throw notFound();
  const { result, previous, explanations } = checkPublication(db, pub);
  const applied = RULES.filter((r) => !NOT_ON_PUBLIC_PAGE.has(r.id) && (previous || !NEEDS_PREVIOUS.has(r.id)));
  const raised = new Set([...result.errors, ...result.warnings].map((i) => ruleOf(i.rule)?.id));
  const explained = result.warnings.filter((w) => (explanations[w.key] ?? '').trim() !== '').length;
  const receipt = publishReceipt(db, pub);
  return {
    /** The rule-set version the publication was checked with when published (its receipt), else the current one. */
    version: receipt?.rulesetVersion ?? RULESET_VERSION,
    /** Whether that version comes from the publication's receipt (false: no receipt, e.g. 历史导入 or published before receipts). */
    recorded: receipt != null,
    /** The rule-set version the counts below were computed with (today's). */
    currentVersion: RULESET_VERSION,
    applied: applied.length,
    passed: applied.filter((r) => !raised.has(r.id)).length,
    errors: result.errors.length,
    warnings: result.warnings.length,
    explained,
  };
}

type PublicationRow = typeof publications.$inferSelect;

/** The published content checked against the body's current publication of the year before. */
function checkPublication(db: Db, pub: PublicationRow) {
  const previous = db
    .select({ year: publications.year, content: publications.content })
    .from(publications)
    .where(and(eq(publications.departmentId, pub.departmentId), eq(publications.year, pub.year - 1), eq(publications.current, true), isNull(publications.withdrawnAt)))
    .get();
  // The 说明 published with this version, not the report's current ones (a later correction may change them).
  const explanations = pub.explanations ?? {};
  const result = checkReport({
    year: pub.year,
    body: pub.departmentName,
    content: pub.content,
    previous: previous ?? null,
    sensitiveWords: loadSensitiveWords(db),
  });
  return { result, previous, explanations };
}

/**
 * The receipt of the 发布 that made this publication (a corrected version is published again): the
 * latest such receipt of the report given no later than the publication (same transaction).
 */
export function publishReceipt(db: Db, pub: Pick<PublicationRow, 'reportId' | 'publishedAt'>) {
  return (
    db
      .select({ rulesetVersion: receipts.rulesetVersion, checkErrors: receipts.checkErrors, checkWarnings: receipts.checkWarnings, createdAt: receipts.createdAt })
      .from(receipts)
      .where(and(eq(receipts.reportId, pub.reportId), eq(receipts.act, 'publish'), lt(receipts.createdAt, new Date(pub.publishedAt.getTime() + 5_000))))
      .orderBy(desc(receipts.id))
      .get() ?? null
  );
}

/** 口径变化 footnotes of a publication (see caliberFootnotes in @ccgov/report): public text by design. */
export function publicationFootnotes(db: Db, pub: PublicationRow): CaliberFootnote[] {
  const { result, explanations } = checkPublication(db, pub);
  return caliberFootnotes(result.warnings, explanations);
}
