import { adminProcedure, createTRPCRouter, idInput, signedInProcedure } from '../trpc';
import { auditRefusal } from '../services/audit-trail';
import { accountLocks, allSessions, forceEndSession, mySessions, signOutEverywhere, unlockUser } from '../services/sessions';

/**
 * Sessions and sign-in (身份鉴别). Everyone signed in sees and ends their own sessions (also while
 * a temporary password must still be changed); the admin sees every open session, forces one off
 * (强制下线) and unlocks an account locked after failed sign-ins (解锁).
 */
export const securityRouter = createTRPCRouter({
  mySessions: signedInProcedure.query(({ ctx }) => mySessions(ctx.db, ctx)),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx)),

  sessions: adminProcedure.query(({ ctx }) => allSessions(ctx.db, ctx)),
  locks: adminProcedure.query(({ ctx }) => [...accountLocks(ctx.db)].map(([userId, until]) => ({ userId, until }))),
  endSession: adminProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'auth.force_signout', `session:${input.id}`, () => forceEndSession(ctx.db, ctx, input.id))),
  unlockAccount: adminProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'user.unlock', `user:${input.id}`, () => unlockUser(ctx.db, ctx, input.id))),
});
