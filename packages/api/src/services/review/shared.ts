/** What the review use cases share: the transaction type, comment input and writing, the public version. */
import { departments, desc, eq, publications, reports, reviewComments, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { isCommentTarget, stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { submittedVersion } from '../workflow';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const reviewCommentInput = z.strictObject({
  target: z
    .string()
    .max(100)
    .refine(isCommentTarget, { error: '意见所指的位置无效，请在报告中重新选择单元格、行或章节' }),
  body: z.string().overwrite(stripNonXmlChars).trim().min(1, { error: '意见不能为空' }).max(1000, { error: '意见不能超过1000字' }),
});

/** 更正 and 撤销发布 both name their reason. */
export const reasonInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  reason: z.string().overwrite(stripNonXmlChars).trim().min(1, { error: '请填写原因' }).max(1000, { error: '原因不能超过1000字' }),
});

/** Comments belong to the submitted version they were made on, so the department sees this round's. */
export function insertComments(tx: Tx, actor: SessionUser, reportId: number, fallbackVersion: number, comments: z.infer<typeof reviewCommentInput>[]) {
  const sv = submittedVersion(tx, reportId) ?? fallbackVersion;
  for (const c of comments) {
    tx.insert(reviewComments).values({ reportId, version: sv, target: c.target, body: c.body.trim(), userId: actor.id }).run();
  }
}

/** Freeze the current content and its 说明 as the public version; the previous public version is kept, not current. */
export function writePublication(tx: Tx, actor: SessionUser, reportId: number, correctionNote: string | null) {
  const report = tx.select().from(reports).where(eq(reports.id, reportId)).get()!;
  const dept = tx.select().from(departments).where(eq(departments.id, report.departmentId)).get()!;
  const prior = tx.select().from(publications).where(eq(publications.reportId, reportId)).orderBy(desc(publications.id)).get();
  tx.update(publications).set({ current: false }).where(eq(publications.reportId, reportId)).run();
  tx.insert(publications)
    .values({
      reportId,
      departmentId: dept.id,
      departmentName: dept.name,
      departmentKind: dept.kind,
      year: report.year,
      content: report.content,
      explanations: report.explanations ?? {},
      publishedAt: new Date(),
      publishedBy: actor.id,
      correctionNote,
      supersedesId: prior?.id ?? null,
      current: true,
    })
    .run();
}
