import { adminProcedure, bureauProcedure, createTRPCRouter } from '../trpc';
import { requiredSignoffsInput, reviewSettings, setRequiredSignoffs } from '../services/settings';

/** District settings the bureau works by. Anyone at the bureau reads them; only the admin changes them. */
export const settingsRouter = createTRPCRouter({
  review: bureauProcedure.query(({ ctx }) => reviewSettings(ctx.db)),
  setRequiredSignoffs: adminProcedure
    .input(requiredSignoffsInput)
    .mutation(({ ctx, input }) => setRequiredSignoffs(ctx.db, ctx.user, ctx.ip, input)),
});
