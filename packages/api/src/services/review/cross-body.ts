import { and, departments, eq, inArray, isNull, ne, publications, reports, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { TEXT_SECTIONS, crossBodyCopies, makeIssue, ruleOf, type BodyReport, type CheckIssue, type Passage, type ReportContent } from '@ccgov/report';
import { notFound } from '../../errors';
import { loadScopedReport } from '../workflow';

/** Reports of other bodies that count as “their report of the year”: handed in, or published. */
const HANDED_IN = ['submitted', 'in_review', 'approved'] as const;

/** R14, 与同年其他单位报告雷同: its issue code. */
export const CROSS_BODY_CODE = 'crossBody.similarText';

export type CrossBodyMatch = {
  otherBody: string;
  /** 0–1 and as shown (“93%”, rounded down). */
  similarity: number;
  percent: string;
  /** The other body's section as written (its passages' `theirs` offsets index it). */
  theirs: string;
  /** Shared passages, in reading order of the section under review. */
  passages: Passage[];
};

export type CrossBodyFinding = {
  /** One warning per section for the reviewer, in the checker's shape (rule 14), naming the most similar body. */
  issue: CheckIssue;
  ruleId: string;
  target: string;
  label: string;
  /** The section under review as written (the passages' `mine` offsets index it). */
  mine: string;
  /** Every other body at or above the threshold, most similar first. */
  matches: CrossBodyMatch[];
};

/**
 * 雷同 across bodies (R14): each text section of one report that is at least 90 % similar to the
 * same section of another body's report of the same year — another body's report under review
 * (submitted, in review, approved) or its current publication. The standard opening and the
 * official headings are left out (crossBodyCopies). For the bureau: a draft answers NOT_FOUND,
 * as in the review detail.
 */
export function crossBodySimilarities(db: Db, actor: SessionUser, id: number): { year: number; compared: number; findings: CrossBodyFinding[] } {
  const report = loadScopedReport(db, actor, id);
  if (report.status === 'draft' || actor.role === 'department') throw notFound();
  const dept = db.select({ name: departments.name }).from(departments).where(eq(departments.id, report.departmentId)).get();
  const body = dept?.name ?? '';

  // Per other body one text: the one under review when there is one (it is what will be
  // published), otherwise its current publication.
  const others = new Map<number, BodyReport>();
  const underReview = db
    .select({ departmentId: reports.departmentId, name: departments.name, content: reports.content })
    .from(reports)
    .innerJoin(departments, eq(departments.id, reports.departmentId))
    .where(and(eq(reports.year, report.year), ne(reports.departmentId, report.departmentId), inArray(reports.status, [...HANDED_IN])))
    .all();
  for (const r of underReview) others.set(r.departmentId, { body: r.name, content: r.content });
  const published = db
    .select({ departmentId: publications.departmentId, name: publications.departmentName, content: publications.content })
    .from(publications)
    .where(
      and(
        eq(publications.year, report.year),
        ne(publications.departmentId, report.departmentId),
        eq(publications.current, true),
        isNull(publications.withdrawnAt),
      ),
    )
    .all();
  for (const p of published) if (!others.has(p.departmentId)) others.set(p.departmentId, { body: p.name, content: p.content });

  const content: ReportContent = report.content;
  const rule = ruleOf(14)!;
  const sectionText = (c: ReportContent, target: string) => TEXT_SECTIONS.find((s) => s.target === target)!.read(c);
  const byBody = new Map([...others.values()].map((o) => [o.body, o.content]));
  const matches = crossBodyCopies({ body, content }, [...others.values()]);
  const bySection = new Map<string, { label: string; matches: CrossBodyMatch[] }>();
  for (const m of matches) {
    const group = bySection.get(m.target) ?? { label: m.label, matches: [] };
    group.matches.push({
      otherBody: m.otherBody,
      similarity: m.similarity,
      percent: `${Math.floor(m.similarity * 100)}%`,
      theirs: sectionText(byBody.get(m.otherBody)!, m.target),
      passages: [...m.passages].sort((a, b) => a.mine[0] - b.mine[0]),
    });
    bySection.set(m.target, group);
  }
  const findings = [...bySection].map(([target, { label, matches: list }]): CrossBodyFinding => {
    const top = list[0]!;
    const more = list.length > 1 ? `等${list.length}个单位` : '';
    const issue = makeIssue(
      rule.number,
      'warning',
      CROSS_BODY_CODE,
      target,
      `“${label}”与${top.otherBody}${more}同年报告的同一部分雷同（相似度${list.length > 1 ? '最高' : ''}${top.percent}），请核实是否照搬了其他单位的报告`,
    );
    return { issue, ruleId: rule.id, target, label, mine: sectionText(content, target), matches: list };
  });
  // Sections in the order of the report.
  const order = (t: string) => TEXT_SECTIONS.findIndex((s) => s.target === t);
  findings.sort((a, b) => order(a.target) - order(b.target));
  return { year: report.year, compared: others.size, findings };
}
