import { createTRPCRouter, departmentProcedure, idInput, nowOf } from '../trpc';
import { ensureDeadlineNotices } from '../services/deadlines';
import {
  createReport,
  createReportInput,
  getOwnReport,
  listOwnReports,
  recallReport,
  saveDraft,
  saveDraftInput,
  submitReport,
  versionedInput,
} from '../services/department-reports';

/** 本部门年报: a department's own reports. Every query is scoped to ctx.departmentId. */
export const departmentRouter = createTRPCRouter({
  list: departmentProcedure.query(({ ctx }) => listOwnReports(ctx.db, { ...ctx.user, departmentId: ctx.departmentId }, nowOf(ctx))),
  get: departmentProcedure.input(idInput).query(({ ctx, input }) => {
    ensureDeadlineNotices(ctx.db, nowOf(ctx), ctx.departmentId);
    return getOwnReport(ctx.db, ctx.user, input.id, nowOf(ctx));
  }),
  create: departmentProcedure
    .input(createReportInput)
    .mutation(({ ctx, input }) => createReport(ctx.db, { ...ctx.user, departmentId: ctx.departmentId }, input, nowOf(ctx))),
  save: departmentProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input, nowOf(ctx))),
  submit: departmentProcedure.input(versionedInput).mutation(({ ctx, input }) => submitReport(ctx.db, ctx.user, input, nowOf(ctx))),
  recall: departmentProcedure.input(versionedInput).mutation(({ ctx, input }) => recallReport(ctx.db, ctx.user, input, nowOf(ctx))),
});
