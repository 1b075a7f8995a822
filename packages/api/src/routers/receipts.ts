import { z } from 'zod';
import { createTRPCRouter, filerOrReviewerProcedure, idInput } from '../trpc';
import { getReceipt, listReceipts } from '../services/receipts';

/** 回执: the department reads its own body's (others' answer "not found"); reviewers and publishers every body's. */
export const receiptsRouter = createTRPCRouter({
  forReport: filerOrReviewerProcedure
    .input(z.strictObject({ reportId: z.number().int().positive() }))
    .query(({ ctx, input }) => listReceipts(ctx.db, ctx.user, input.reportId)),
  get: filerOrReviewerProcedure.input(idInput).query(({ ctx, input }) => getReceipt(ctx.db, ctx.user, input.id)),
});
