import { asc, eq, reportingYears, reports, sql, type Db } from '@ccgov/db';
import { defaultLegalDeadline, isIsoDate } from '@ccgov/report';
import { z } from 'zod';
import { AppError } from '../errors';
import { audit, type Actor } from './audit-trail';

const dateSchema = z.string().trim().refine(isIsoDate, { error: '日期格式应为 YYYY-MM-DD，例如 2027-01-31' });
const yearSchema = z.number({ error: '请填写年度' }).int({ error: '年度应为四位数字' }).min(2000, { error: '年度应在2000至2100之间' }).max(2100, { error: '年度应在2000至2100之间' });

export const openYearInput = z.strictObject({
  year: yearSchema,
  /** Default: 31 January of the next year. */
  legalDeadline: dateSchema.optional(),
  internalDeadline: dateSchema.nullable().optional(),
});
export const updateYearInput = z.strictObject({ year: yearSchema, legalDeadline: dateSchema, internalDeadline: dateSchema.nullable() });
export const setYearOpenInput = z.strictObject({ year: yearSchema, open: z.boolean() });

function checkDates(year: number, legal: string, internal: string | null) {
  if (legal <= `${year}-12-31`) throw new AppError('BAD_REQUEST', `法定截止日期应在${year}年度结束之后`);
  if (internal != null) {
    if (internal > legal) throw new AppError('BAD_REQUEST', '区内截止日期不能晚于法定截止日期');
    if (internal <= `${year}-12-31`) throw new AppError('BAD_REQUEST', `区内截止日期应在${year}年度结束之后`);
  }
}

export function listYears(db: Db) {
  const years = db.select().from(reportingYears).orderBy(asc(reportingYears.year)).all().reverse();
  const counts = db
    .select({
      year: reports.year,
      total: sql<number>`count(*)`,
      published: sql<number>`sum(case when ${reports.status} = 'published' then 1 else 0 end)`,
    })
    .from(reports)
    .groupBy(reports.year)
    .all();
  return years.map((y) => {
    const c = counts.find((x) => x.year === y.year);
    return { ...y, reportCount: c?.total ?? 0, publishedCount: c?.published ?? 0 };
  });
}

/** Open a new reporting year: departments can then start their reports for it. */
export function openYear(db: Db, actor: Actor, input: z.infer<typeof openYearInput>) {
  const legal = input.legalDeadline ?? defaultLegalDeadline(input.year);
  const internal = input.internalDeadline ?? null;
  checkDates(input.year, legal, internal);
  return db.transaction((tx) => {
    if (tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get()) {
      throw new AppError('CONFLICT', `${input.year}年度已存在，可在列表中修改截止日期或重新开放`);
    }
    tx.insert(reportingYears).values({ year: input.year, legalDeadline: legal, internalDeadline: internal, open: true }).run();
    audit(tx, actor, { action: 'year.open', target: `year:${input.year}`, detail: `法定截止 ${legal}${internal ? `，区内截止 ${internal}` : ''}` });
    return { year: input.year, legalDeadline: legal, internalDeadline: internal, open: true };
  });
}

export function updateYear(db: Db, actor: Actor, input: z.infer<typeof updateYearInput>) {
  checkDates(input.year, input.legalDeadline, input.internalDeadline);
  return db.transaction((tx) => {
    const y = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!y) throw new AppError('NOT_FOUND', `${input.year}年度不存在`);
    tx.update(reportingYears).set({ legalDeadline: input.legalDeadline, internalDeadline: input.internalDeadline }).where(eq(reportingYears.year, input.year)).run();
    audit(tx, actor, {
      action: 'year.update',
      target: `year:${input.year}`,
      detail: `法定截止 ${y.legalDeadline} → ${input.legalDeadline}；区内截止 ${y.internalDeadline ?? '无'} → ${input.internalDeadline ?? '无'}`,
    });
    return { ...y, legalDeadline: input.legalDeadline, internalDeadline: input.internalDeadline };
  });
}

/** Close a year (no new reports; those under way carry on) or open it again. */
export function setYearOpen(db: Db, actor: Actor, input: z.infer<typeof setYearOpenInput>) {
  return db.transaction((tx) => {
    const y = tx.select().from(reportingYears).where(eq(reportingYears.year, input.year)).get();
    if (!y) throw new AppError('NOT_FOUND', `${input.year}年度不存在`);
    if (y.open === input.open) return { changed: false };
    tx.update(reportingYears).set({ open: input.open }).where(eq(reportingYears.year, input.year)).run();
    audit(tx, actor, { action: input.open ? 'year.reopen' : 'year.close', target: `year:${input.year}` });
    return { changed: true };
  });
}
