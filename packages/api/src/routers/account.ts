import { createTRPCRouter, signedInProcedure } from '../trpc';
import { changePassword, changePasswordInput } from '../services/account';

/** The signed-in person's own account. Open to a user who must change a temporary password. */
export const accountRouter = createTRPCRouter({
  changePassword: signedInProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx, input)),
});
