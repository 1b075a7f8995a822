import { adminProcedure, bureauProcedure, createTRPCRouter } from '../trpc';
import { explainRequiredInput, requiredSignoffsInput, reviewSettings, setExplainRequiredRules, setRequiredSignoffs } from '../services/settings';

/** District settings the bureau works by. Anyone at the bureau reads them; only the admin changes them. */
export const settingsRouter = createTRPCRouter({
  review: bureauProcedure.query(({ ctx }) => reviewSettings(ctx.db)),
  setRequiredSignoffs: adminProcedure
    .input(requiredSignoffsInput)
    .mutation(({ ctx, input }) => setRequiredSignoffs(ctx.db, ctx.user, ctx.ip, input)),
  /** 需说明: which warning rules the department must explain before submitting (the public rule book shows it). */
  setExplainRequired: adminProcedure
    .input(explainRequiredInput)
    .mutation(({ ctx, input }) => setExplainRequiredRules(ctx.db, ctx.user, ctx.ip, input)),
});
