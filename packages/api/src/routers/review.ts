import { stripNonXmlChars } from '@ccgov/report';
import { z } from 'zod';
import { createTRPCRouter, idInput, publisherProcedure, reviewerProcedure } from '../trpc';
import {
  crossBodySimilarities,
  publishAllApproved,
  publishReport,
  queueInput,
  reasonInput,
  reopenForCorrection,
  reopenInput,
  republishReport,
  returnInput,
  returnReport,
  reviewDetail,
  reviewQueue,
  signoffReport,
  unpublishReport,
} from '../services/review';

const versioned = z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive() });

const publicPaths = ['/', '/summary'];

/** 审核: the bureau's review queue, sign-offs, returns and publication. */
export const reviewRouter = createTRPCRouter({
  queue: reviewerProcedure.input(queueInput).query(({ ctx, input }) => reviewQueue(ctx.db, input)),
  get: reviewerProcedure.input(idInput).query(({ ctx, input }) => reviewDetail(ctx.db, ctx.user, input.id)),
  /** R14 雷同: sections ≥ 90 % similar to another body's report of the same year, with the shared passages. */
  crossBody: reviewerProcedure.input(idInput).query(({ ctx, input }) => crossBodySimilarities(ctx.db, ctx.user, input.id)),
  signoff: reviewerProcedure
    .input(versioned.extend({ comment: z.string().overwrite(stripNonXmlChars).max(1000, { error: '审核意见不能超过1000字' }).optional() }))
    .mutation(({ ctx, input }) => signoffReport(ctx.db, ctx.user, input)),
  return: reviewerProcedure.input(returnInput).mutation(({ ctx, input }) => returnReport(ctx.db, ctx.user, input)),
  // The public keeps the published version during a correction; refreshed anyway so no page is stale.
  reopen: reviewerProcedure.input(reopenInput).mutation(({ ctx, input }) => {
    const r = reopenForCorrection(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
  publish: publisherProcedure.input(versioned).mutation(({ ctx, input }) => {
    const r = publishReport(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
  publishAll: publisherProcedure.input(z.strictObject({ year: z.number().int().min(2000).max(2100) })).mutation(({ ctx, input }) => {
    const r = publishAllApproved(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
  unpublish: publisherProcedure.input(reasonInput).mutation(({ ctx, input }) => {
    const r = unpublishReport(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
  republish: publisherProcedure.input(versioned).mutation(({ ctx, input }) => {
    const r = republishReport(ctx.db, ctx.user, input);
    ctx.onPublicChange?.(publicPaths);
    return r;
  }),
});
