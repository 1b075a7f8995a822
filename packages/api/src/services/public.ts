import { and, asc, desc, eq, isNull, publications, type Db } from '@ccgov/db';
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

