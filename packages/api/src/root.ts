import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { departmentRouter } from './routers/department';
import { publicRouter } from './routers/public';
import { reviewRouter } from './routers/review';
import { sessionRouter } from './routers/session';
import { settingsRouter } from './routers/settings';
import { accountRouter } from './routers/account';
import { auditRouter } from './routers/audit';
import { excelRouter } from './routers/excel';
import { progressRouter } from './routers/progress';
import { wordsRouter } from './routers/words';
import { yearsRouter } from './routers/years';
import { securityRouter } from './routers/security';
import { historyRouter } from './routers/history';
import { submissionRouter } from './routers/submission';
import { figuresRouter } from './routers/figures';
import { receiptsRouter } from './routers/receipts';
import { notificationsRouter } from './routers/notifications';

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  public: publicRouter,
  department: departmentRouter,
  review: reviewRouter,
  admin: adminRouter,
  settings: settingsRouter,
  account: accountRouter,
  years: yearsRouter,
  words: wordsRouter,
  progress: progressRouter,
  audit: auditRouter,
  excel: excelRouter,
  security: securityRouter,
  history: historyRouter,
  submission: submissionRouter,
  figures: figuresRouter,
  receipts: receiptsRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
