import { and, asc, desc, eq, inArray, isNull, publications, type Db } from '@ccgov/db';
import { z } from 'zod';
import { notFound } from '../errors';
import { provenanceOf } from './import-files';
import { publicationFootnotes } from './publication-check';

export const publicListInput = z
  .strictObject({ year: z.number().int().optional(), department: z.string().max(50).optional() })
  .optional();

/** Current published reports (what the public sees), newest year first. */
export function listPublished(db: Db, input: z.infer<typeof publicListInput>) {
  const rows = db
    .select({
      id: publications.id,
      departmentId: publications.departmentId,
      departmentName: publications.departmentName,
      departmentKind: publications.departmentKind,
      year: publications.year,
      publishedAt: publications.publishedAt,
      corrected: publications.supersedesId,
    })
    .from(publications)
    .where(and(eq(publications.current, true), isNull(publications.withdrawnAt)))
    .orderBy(desc(publications.year), asc(publications.departmentId))
    .all();
  return rows
    .filter((r) => (input?.year == null || r.year === input.year) && (!input?.department || r.departmentName.includes(input.department)))
    .map((r) => ({ ...r, corrected: r.corrected != null }));
}

/**
 * One publication by id. Current versions and earlier (superseded) versions are readable;
 * withdrawn ones and anything unpublished answer NOT_FOUND.
 */
export function getPublication(db: Db, id: number) {
  const row = db.select().from(publications).where(eq(publications.id, id)).get();
  if (!row || row.withdrawnAt) throw notFound();
  const versions = db
    .select({ id: publications.id, publishedAt: publications.publishedAt, correctionNote: publications.correctionNote, current: publications.current })
    .from(publications)
    .where(and(eq(publications.reportId, row.reportId), isNull(publications.withdrawnAt)))
    .orderBy(asc(publications.id))
    .all();
  const current = versions.find((v) => v.current) ?? null;
  // 历史导入: this publication was read from a source (its columns), with the original for download.
  const imported = provenanceOf(db, row);
  const footnotes = publicationFootnotes(db, row);
  return { publication: publicFields(row), versions, currentId: current?.id ?? null, imported, footnotes };
}

/**
 * The content of several readable publications (current or superseded, never withdrawn) in one
 * query, for 对比: it needs only the figures, not the versions, provenance and checker notes that
 * `getPublication` adds (run per report, that made the compare of 1,000 reports take seconds).
 * Unknown, withdrawn or unpublished ids are simply absent from the answer.
 */
export function publishedContents(db: Db, ids: number[]): Map<number, (typeof publications.$inferSelect)['content']> {
  const out = new Map<number, (typeof publications.$inferSelect)['content']>();
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  // SQLite binds at most 32,766 parameters; the compare is bounded far below that, chunk anyway.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = db
      .select({ id: publications.id, content: publications.content })
      .from(publications)
      .where(and(inArray(publications.id, unique.slice(i, i + 500)), isNull(publications.withdrawnAt)))
      .all();
    for (const r of rows) out.set(r.id, r.content);
  }
  return out;
}

/**
 * What of a publication row the public may see. Never the internal report id, the publishing
 * user's id or withdrawal details: public ids are publication ids (README, 开放数据).
 */
function publicFields(p: typeof publications.$inferSelect) {
  return {
    id: p.id,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    departmentKind: p.departmentKind,
    year: p.year,
    content: p.content,
    publishedAt: p.publishedAt,
    correctionNote: p.correctionNote,
    supersedesId: p.supersedesId,
    current: p.current,
  };
}

/** Years that have at least one published report. */
export function publishedYears(db: Db): number[] {
  return db
    .selectDistinct({ year: publications.year })
    .from(publications)
    .where(and(eq(publications.current, true), isNull(publications.withdrawnAt)))
    .orderBy(desc(publications.year))
    .all()
    .map((r) => r.year);
}

