import { TRPCError } from '@trpc/server';

/**
 * One error type for every use case: a string code and a message a clerk can read.
 * Mapped to tRPC codes in one place (toTRPCError), so procedures stay thin.
 */
export type AppErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'BAD_REQUEST' | 'UNAUTHORIZED';

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    /** Chinese, shown to the user. */
    public readonly userMessage: string,
    /** Extra structured data for the UI (e.g. the checker's errors on a refused submission). */
    public readonly data?: unknown,
  ) {
    super(userMessage);
  }
}

export const notFound = (what = '报告') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);

export function toTRPCError(err: unknown): unknown {
  if (err instanceof AppError) {
    return new TRPCError({ code: err.code, message: err.userMessage, cause: err });
  }
  return err;
}
