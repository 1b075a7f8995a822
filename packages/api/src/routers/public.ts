import { createTRPCRouter, idInput, publicProcedure } from '../trpc';
import { getPublication, listPublished, publicListInput, publishedYears } from '../services/public';
import { loadSearchIndex } from '../services/public-search';
import { summaryInput, summaryTrend, yearSummary } from '../services/public-summary';

/** What anyone may read without signing in: current, not withdrawn publications only. */
export const publicRouter = createTRPCRouter({
  list: publicProcedure.input(publicListInput).query(({ ctx, input }) => listPublished(ctx.db, input)),
  years: publicProcedure.query(({ ctx }) => publishedYears(ctx.db)),
  get: publicProcedure.input(idInput).query(({ ctx, input }) => getPublication(ctx.db, input.id)),
  /** The texts the home page searches in memory (pages cache it; see apps/web public-cache). */
  searchIndex: publicProcedure.query(({ ctx }) => loadSearchIndex(ctx.db)),
  summary: publicProcedure.input(summaryInput).query(({ ctx, input }) => yearSummary(ctx.db, input.year)),
  trend: publicProcedure.query(({ ctx }) => summaryTrend(ctx.db)),
});
