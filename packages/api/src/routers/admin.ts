import { adminProcedure, createTRPCRouter, idInput } from '../trpc';
import {
  createDepartment,
  createDepartmentInput,
  createUser,
  createUserInput,
  deleteDepartment,
  listDepartments,
  listUsers,
  moveDepartment,
  moveDepartmentInput,
  resetPassword,
  setActiveInput,
  setDepartmentActive,
  setUserActive,
  updateDepartment,
  updateDepartmentInput,
} from '../services/admin';
import { auditRefusal } from '../services/audit-trail';
import { importDirectory, importDirectoryInput } from '../services/directory-import';

/**
 * 管理: departments and accounts (bureau admin only). Every change is written to the audit log,
 * refusals too. The admin never edits report contents: there is no report procedure here.
 */
/**
 * Department changes show on public pages (the summary lists who has not published), so a
 * successful change clears the public cache like a publication does.
 */
const directoryChange = adminProcedure.use(async ({ ctx, next }) => {
  const result = await next();
  if (result.ok) ctx.onPublicChange?.(['/']);
  return result;
});

export const adminRouter = createTRPCRouter({
  departments: adminProcedure.query(({ ctx }) => listDepartments(ctx.db)),
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),

  createDepartment: directoryChange
    .input(createDepartmentInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'department.create', null, () => createDepartment(ctx.db, ctx, input))),
  updateDepartment: directoryChange
    .input(updateDepartmentInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'department.update', `department:${input.id}`, () => updateDepartment(ctx.db, ctx, input))),
  moveDepartment: directoryChange.input(moveDepartmentInput).mutation(({ ctx, input }) => moveDepartment(ctx.db, ctx, input)),
  setDepartmentActive: directoryChange
    .input(setActiveInput)
    .mutation(({ ctx, input }) =>
      auditRefusal(ctx.db, ctx, input.active ? 'department.enable' : 'department.disable', `department:${input.id}`, () => setDepartmentActive(ctx.db, ctx, input)),
    ),
  deleteDepartment: directoryChange
    .input(idInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'department.delete', `department:${input.id}`, () => deleteDepartment(ctx.db, ctx, input.id))),

  createUser: adminProcedure
    .input(createUserInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'user.create', null, () => createUser(ctx.db, ctx, input))),
  resetPassword: adminProcedure
    .input(idInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'user.reset_password', `user:${input.id}`, () => resetPassword(ctx.db, ctx, input.id))),
  setUserActive: adminProcedure
    .input(setActiveInput)
    .mutation(({ ctx, input }) =>
      auditRefusal(ctx.db, ctx, input.active ? 'user.enable' : 'user.disable', `user:${input.id}`, () => setUserActive(ctx.db, ctx, input)),
    ),

  importDirectory: directoryChange.input(importDirectoryInput).mutation(({ ctx, input }) => importDirectory(ctx.db, ctx, input)),
});
