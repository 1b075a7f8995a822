import { TRPCError } from '@trpc/server';
import { createTRPCRouter, idInput, signedInProcedure } from '../trpc';
import { submissionCopy } from '../services/submission-copy';

/**
 * The owning department and the bureau's reviewers and publishers (the 报送稿 is read from the
 * department's report page and from the review screen); submissionCopy scopes the report.
 */
const filingProcedure = signedInProcedure.use(({ ctx, next }) => {
  const { role, mustChangePassword, departmentId } = ctx.user;
  if (role !== 'department' && role !== 'reviewer' && role !== 'publisher') {
    throw new TRPCError({ code: 'FORBIDDEN', message: '仅本单位填报人和数据局审核人员可以查看报送稿' });
  }
  if (mustChangePassword) throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码' });
  if (role === 'department' && departmentId == null) throw new TRPCError({ code: 'FORBIDDEN', message: '账号未绑定部门' });
  return next({ ctx });
});

/** 报送稿 for signature and its scans (the upload and download are route handlers: scan-http.ts). */
export const submissionRouter = createTRPCRouter({
  get: filingProcedure.input(idInput).query(({ ctx, input }) => submissionCopy(ctx.db, ctx.user, input.id)),
});
