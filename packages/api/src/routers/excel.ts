import { z } from 'zod';
import { bureauProcedure, createTRPCRouter, departmentProcedure, nowOf } from '../trpc';
import { importDraftFromExcel, importDraftInput, publishedFigures } from '../services/excel';

/** Excel in and out. The files themselves are built by the web app's download routes. */
export const excelRouter = createTRPCRouter({
  /** A department fills its own draft from a filled template (other reports answer NOT_FOUND). */
  importDraft: departmentProcedure.input(importDraftInput).mutation(({ ctx, input }) => importDraftFromExcel(ctx.db, ctx.user, input, nowOf(ctx))),
  /** Every published report of a year, for the one-row-per-department export. */
  published: bureauProcedure
    .input(z.strictObject({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => publishedFigures(ctx.db, input)),
});
