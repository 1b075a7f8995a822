import { adminProcedure, createTRPCRouter } from '../trpc';
import { auditRefusal } from '../services/audit-trail';
import { listYears, openYear, openYearInput, setYearOpen, setYearOpenInput, updateYear, updateYearInput } from '../services/years';

/** Reporting years and their deadlines (bureau admin). Departments file only for open years. */
export const yearsRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listYears(ctx.db)),
  open: adminProcedure
    .input(openYearInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'year.open', `year:${input.year}`, () => openYear(ctx.db, ctx, input))),
  update: adminProcedure
    .input(updateYearInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'year.update', `year:${input.year}`, () => updateYear(ctx.db, ctx, input))),
  setOpen: adminProcedure.input(setYearOpenInput).mutation(({ ctx, input }) => setYearOpen(ctx.db, ctx, input)),
});
