import { adminProcedure, createTRPCRouter } from '../trpc';
import { listDepartments, listUsers } from '../services/admin';

/** 管理: departments and accounts (bureau admin only). The admin never edits report contents. */
export const adminRouter = createTRPCRouter({
  departments: adminProcedure.query(({ ctx }) => listDepartments(ctx.db)),
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
});
