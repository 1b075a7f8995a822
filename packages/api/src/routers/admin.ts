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
export const adminRouter = createTRPCRouter({
  departments: adminProcedure.query(({ ctx }) => listDepartments(ctx.db)),
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),

  createDepartment: adminProcedure
    .input(createDepartmentInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'department.create', null, () => createDepartment(ctx.db, ctx, input))),
  updateDepartment: adminProcedure
    .input(updateDepartmentInput)
    .mutation(({ ctx, input }) => auditRefusal(ctx.db, ctx, 'department.update', `department:${input.id}`, () => updateDepartment(ctx.db, ctx, input))),
  moveDepartment: adminProcedure.input(moveDepartmentInput).mutation(({ ctx, input }) => moveDepartment(ctx.db, ctx, input)),
  setDepartmentActive: adminProcedure
    .input(setActiveInput)
    .mutation(({ ctx, input }) =>
      auditRefusal(ctx.db, ctx, input.active ? 'department.enable' : 'department.disable', `department:${input.id}`, () => setDepartmentActive(ctx.db, ctx, input)),
    ),
  deleteDepartment: adminProcedure
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

  importDirectory: adminProcedure.input(importDirectoryInput).mutation(({ ctx, input }) => importDirectory(ctx.db, ctx, input)),
});
