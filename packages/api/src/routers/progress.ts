import { adminProcedure, bureauProcedure, createTRPCRouter, departmentProcedure } from '../trpc';
import { departmentNotices, progressExport, progressInput, progressTable, remindInput, sendReminders } from '../services/progress';

/** 进度: who has filed what for a year, reminders to those who have not, and each department's own notice. */
export const progressRouter = createTRPCRouter({
  table: bureauProcedure.input(progressInput).query(({ ctx, input }) => progressTable(ctx.db, input)),
  export: bureauProcedure.input(progressInput).query(({ ctx, input }) => progressExport(ctx.db, ctx, input)),
  remind: adminProcedure.input(remindInput).mutation(({ ctx, input }) => sendReminders(ctx.db, ctx, input)),
  /** Scoped to the caller's own department. */
  mine: departmentProcedure.query(({ ctx }) => departmentNotices(ctx.db, ctx.departmentId)),
});
