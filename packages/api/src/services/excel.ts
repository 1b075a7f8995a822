import { and, asc, departments, eq, isNull, publications, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { describeProblem, readTemplate } from '@ccgov/excel';
import { isEditableByDepartment } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { readSettings } from './context';
import { saveDraft } from './department-reports';
import { decodeUpload, uploadSchema } from './uploads';
import { assertNotLocked } from './deadlines';
import { loadScopedReport } from './workflow';

export const importDraftInput = z.strictObject({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  file: uploadSchema,
});

/**
 * Fill a draft's figures from a filled Excel template. The whole file is read and checked first;
 * if any cell is out of place the call is refused with every problem (sheet, cell, reason) and
 * nothing is stored. Otherwise tables 二、三、四 of the draft are replaced in one save, under the
 * same optimistic lock as any save; the text sections and contact stay as they were.
 */
export async function importDraftFromExcel(db: Db, actor: SessionUser, input: z.infer<typeof importDraftInput>, now: Date = new Date()) {
  const report = loadScopedReport(db, actor, input.id);
  if (!isEditableByDepartment(report.status)) throw new AppError('BAD_REQUEST', '报告已提交或已发布，当前不能导入');
  // Refused before the file is read; saveDraft checks again inside its transaction.
  assertNotLocked(db, report, now);
  const result = await readTemplate(decodeUpload(input.file), { year: report.year });
  if (!result.ok) {
    const shown = result.problems.slice(0, 3).map(describeProblem).join('；');
    throw new AppError('BAD_REQUEST', `Excel 文件有${result.problems.length}处问题，未导入任何数据：${shown}${result.problems.length > 3 ? '……' : ''}`, {
      excelProblems: result.problems.map((p) => ({ ...p, text: describeProblem(p) })),
    });
  }
  const content = { ...report.content, ...result.figures };
  const saved = saveDraft(db, actor, { id: report.id, version: input.version, content }, now);
  return { ...saved, content, filled: result.filled };
}

/** Every current publication of a year (as published, under the name it was published with). */
export function publishedFigures(db: Db, input: { year: number }) {
  const rows = db
    .select({
      departmentName: publications.departmentName,
      departmentKind: publications.departmentKind,
      content: publications.content,
    })
    .from(publications)
    .leftJoin(departments, eq(departments.id, publications.departmentId))
    .where(and(eq(publications.year, input.year), eq(publications.current, true), isNull(publications.withdrawnAt)))
    .orderBy(asc(departments.sortOrder), asc(publications.departmentId))
    .all();
  return { year: input.year, district: readSettings(db).district, rows };
}
