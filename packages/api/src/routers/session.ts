import { createTRPCRouter, publicProcedure } from '../trpc';

export const sessionRouter = createTRPCRouter({
  /** Who am I (null when signed out). */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
