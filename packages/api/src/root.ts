import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { departmentRouter } from './routers/department';
import { publicRouter } from './routers/public';
import { reviewRouter } from './routers/review';
import { sessionRouter } from './routers/session';

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  public: publicRouter,
  department: departmentRouter,
  review: reviewRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
