'use client';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@ccgov/api';

export const trpc = createTRPCClient<AppRouter>({
  // The server refuses batches of more than 10 calls (TRPC_MAX_BATCH): send at most that many.
  links: [httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: 10 })],
});

/** The Chinese message to show for a failed call (network failures included). */
export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) {
    if (!err.data && /fetch|network/i.test(err.message)) return '网络连接中断，请检查网络后重试';
    return err.message;
  }
  return '网络连接中断，请检查网络后重试';
}

export function errorCode(err: unknown): string | undefined {
  return err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
}

export function errorAppData<T>(err: unknown): T | null {
  return err instanceof TRPCClientError ? ((err.data as { appData?: T } | undefined)?.appData ?? null) : null;
}
