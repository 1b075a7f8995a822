import { createTRPCRouter, departmentProcedure, idInput } from '../trpc';
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
  list: departmentProcedure.query(({ ctx }) => listOwnReports(ctx.db, { ...ctx.user, departmentId: ctx.departmentId })),
  get: departmentProcedure.input(idInput).query(({ ctx, input }) => getOwnReport(ctx.db, ctx.user, input.id)),
  create: departmentProcedure
    .input(createReportInput)
    .mutation(({ ctx, input }) => createReport(ctx.db, { ...ctx.user, departmentId: ctx.departmentId }, input)),
  save: departmentProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input)),
  submit: departmentProcedure.input(versionedInput).mutation(({ ctx, input }) => submitReport(ctx.db, ctx.user, input)),
  recall: departmentProcedure.input(versionedInput).mutation(({ ctx, input }) => recallReport(ctx.db, ctx.user, input)),
});
