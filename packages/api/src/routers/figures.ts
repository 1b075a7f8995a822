import { TRPCError } from '@trpc/server';
import { createTRPCRouter, idInput, signedInProcedure } from '../trpc';
import { figureHistoryForReport } from '../services/figure-history';

/**
 * The figures of a report's body in earlier years, for the history beside each cell: the clerk's
 * editor (own reports only, scoped in the use case) and the bureau's review screen (any body).
 */
const workProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.mustChangePassword) throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码' });
  return next({ ctx });
});

export const figuresRouter = createTRPCRouter({
  history: workProcedure.input(idInput).query(({ ctx, input }) => figureHistoryForReport(ctx.db, ctx.user, input.id)),
});
