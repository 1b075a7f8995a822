import { adminProcedure, bureauProcedure, createTRPCRouter, departmentProcedure, nowOf } from '../trpc';
import { departmentNotices, progressExport, progressInput, progressTable, remindInput, sendReminders } from '../services/progress';
import { ensureDeadlineNotices, extendInput, grantExtension, markRemindersRead } from '../services/deadlines';

/** 进度: who has filed what for a year, reminders to those who have not, and each department's own notice. */
export const progressRouter = createTRPCRouter({
  table: bureauProcedure.input(progressInput).query(({ ctx, input }) => progressTable(ctx.db, input, nowOf(ctx))),
  export: bureauProcedure.input(progressInput).query(({ ctx, input }) => progressExport(ctx.db, ctx, input, nowOf(ctx))),
  remind: adminProcedure.input(remindInput).mutation(({ ctx, input }) => sendReminders(ctx.db, ctx, input, nowOf(ctx))),
  /** 延期: one body may save and submit until a later date (audited with the reason). */
  extend: adminProcedure.input(extendInput).mutation(({ ctx, input }) => grantExtension(ctx.db, ctx, input, nowOf(ctx))),
  /**
   * The department's landing-page notices, scoped to the caller's own department. Loading it
   * creates the deadline notices due today (idempotent) and marks the department's reminders
   * read (they are on the page it is opening; each still says whether it was new).
   */
  mine: departmentProcedure.query(({ ctx }) => {
    const now = nowOf(ctx);
    ensureDeadlineNotices(ctx.db, now, ctx.departmentId);
    const notices = departmentNotices(ctx.db, ctx.departmentId, now);
    markRemindersRead(ctx.db, ctx.departmentId, now, ctx.user.id);
    return notices;
  }),
});
