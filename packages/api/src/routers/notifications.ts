import { createTRPCRouter, idInput, signedInProcedure } from '../trpc';
import { listNotifications, markAllRead, markRead, notificationListInput, unreadCount } from '../services/notifications';

/** 通知: only the signed-in person's own; every query and update is bound to ctx.user.id. */
export const notificationsRouter = createTRPCRouter({
  list: signedInProcedure.input(notificationListInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.user, input)),
  unreadCount: signedInProcedure.query(({ ctx }) => ({ unread: unreadCount(ctx.db, ctx.user) })),
  markRead: signedInProcedure.input(idInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.id)),
  markAllRead: signedInProcedure.mutation(({ ctx }) => markAllRead(ctx.db, ctx.user)),
});
