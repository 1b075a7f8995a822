import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { isBusyError, type Db } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import type { Role } from '@ccgov/report';
import { AppError, validationMessage } from './errors';
import { runWithRequestIp } from './services/request-context';
import { auditRefusedCall } from './services/refusal-audit';

// ---------------------------------------------------------------------------------------------
// Context: the database and the signed-in person (already checked against the database).
// ---------------------------------------------------------------------------------------------
export type Context = {
  db: Db;
  user: SessionUser | null;
  ip: string | null;
  /** Called after a change that public pages show (publish, correct, withdraw). */
  onPublicChange?: (paths: string[]) => void;
  /**
   * The public pages' in-process cache (apps/web public-cache), given to calls that come over
   * HTTP: public procedures then answer from the same entries as the pages instead of the
   * database. Absent for the pages' own loaders and in tests (they read the database).
   */
  publicCache?: <T>(key: string, load: () => Promise<T>) => Promise<T>;
  /** The clock deadline checks read (tests set "today"); the real time when absent. */
  now?: () => Date;
};

/** Now, by the context's clock. */
export const nowOf = (ctx: { now?: () => Date }): Date => ctx.now?.() ?? new Date();

// ---------------------------------------------------------------------------------------------
// Initialisation: Chinese messages for validation errors; AppError carries its own code.
// ---------------------------------------------------------------------------------------------
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodIssues =
      cause instanceof ZodError
        ? cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        : null;
    return {
      ...shape,
      // In the form's words (errors.ts): never an internal field key such as `code`.
      message: cause instanceof ZodError ? validationMessage(cause.issues) : shape.message,
      data: {
        ...shape.data,
        zodIssues,
        appData: cause instanceof AppError ? (cause.data ?? null) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turn AppError into the matching TRPCError, whatever procedure threw it. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.userMessage, cause });
  }
  // A worker queue (bcrypt, upload reading) is full: 429 「服务器繁忙，请稍后再试」, nothing done.
  if (!result.ok && isBusyError(result.error.cause)) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

// ---------------------------------------------------------------------------------------------
// Procedure tiers. The tier says who may call; each use case still scopes its queries.
// ---------------------------------------------------------------------------------------------
/** Refusals (not signed in, wrong role, not found for a signed-in person) are audited, throttled. */
const auditRefusals = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (!result.ok) auditRefusedCall(ctx, { path, code: result.error.code, message: result.error.message });
  return result;
});

export const publicProcedure = t.procedure
  .use(auditRefusals)
  .use(appErrors)
  // Audit lines written deep in use cases (report state changes) record the caller's IP too.
  .use(({ ctx, next }) => runWithRequestIp(ctx.ip, next));

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

const roleTier = (roles: readonly Role[], message: string) =>
  signedInProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: 'FORBIDDEN', message });
    // A temporary password (new account, reset) must be changed before any work: only the
    // signed-in tier (修改密码, who am I) stays open.
    if (ctx.user.mustChangePassword) throw new TRPCError({ code: 'FORBIDDEN', message: '请先修改初始密码' });
    return next({ ctx });
  });

/** Department staff, always bound to one department. */
export const departmentProcedure = roleTier(['department'], '仅部门填报人可以操作').use(({ ctx, next }) => {
  if (ctx.user.departmentId == null) throw new TRPCError({ code: 'FORBIDDEN', message: '账号未绑定部门' });
  return next({ ctx: { ...ctx, departmentId: ctx.user.departmentId } });
});
/** Bureau reviewers and publishers (a publisher may also review). */
export const reviewerProcedure = roleTier(['reviewer', 'publisher'], '仅数据局审核人员可以操作');
export const publisherProcedure = roleTier(['publisher'], '仅数据局发布人可以操作');
export const adminProcedure = roleTier(['admin'], '仅数据局管理员可以操作');
/** Anyone at the bureau (reviewer, publisher, admin). */
export const bureauProcedure = roleTier(['reviewer', 'publisher', 'admin'], '仅数据局工作人员可以操作');
/** The report's two sides: its department (scoped to its own body in the use case) and the reviewers. */
export const filerOrReviewerProcedure = roleTier(['department', 'reviewer', 'publisher'], '仅部门填报人和数据局审核人员可以查看');

export const idInput = z.object({ id: z.number().int().positive() });
