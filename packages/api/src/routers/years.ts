import { adminProcedure, createTRPCRouter } from '../trpc';
import { auditRefusal } from '../services/audit-trail';
import { listYears, openYear, openYearInput, setYearOpen, setYearOpenInput, updateYear, updateYearInput } from '../services/years';
import { setScanRequired, setScanRequiredInput } from '../services/scans';

/**
 * 全区汇总 reads each year's legal deadline (its default year is the latest one past it) and whether
 * the year is open (who is expected to publish): a successful change clears the public cache.
 */
const yearChange = adminProcedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) ctx.onPublicChange?.(['/summary']);
  return result;
});

/** Reporting years and their deadlines (bureau admin). Departments file only for open years. */
export const yearsRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listYears(ctx.db)),
  open: yearChange
    .input(openYearInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'year.open', `year:${input.year}`, () => openYear(ctx.db, ctx, input))),
  update: yearChange
    .input(updateYearInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'year.update', `year:${input.year}`, () => updateYear(ctx.db, ctx, input))),
  setOpen: yearChange.input(setYearOpenInput).mutation(({ ctx, input }) => setYearOpen(ctx.db, ctx, input)),
  /** 报送稿扫描件 required before the final sign-off of the year's reports. */
  setScanRequired: adminProcedure.input(setScanRequiredInput).mutation(({ ctx, input }) => setScanRequired(ctx.db, ctx, input)),
});
