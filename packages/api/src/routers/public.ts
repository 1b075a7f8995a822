import { createTRPCRouter, idInput, publicProcedure } from '../trpc';
import { getPublication, listPublished, publicListInput, publishedYears } from '../services/public';

export const publicRouter = createTRPCRouter({
  list: publicProcedure.input(publicListInput).query(({ ctx, input }) => listPublished(ctx.db, input)),
  years: publicProcedure.query(({ ctx }) => publishedYears(ctx.db)),
  get: publicProcedure.input(idInput).query(({ ctx, input }) => getPublication(ctx.db, input.id)),
});
