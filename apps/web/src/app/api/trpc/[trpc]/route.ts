import { handleTrpcRequest } from '@ccgov/api';
import { makeContext } from '@/server/caller';
import { cachedPublic } from '@/server/public-cache';
import { currentUser, requestIp } from '@/server/session';

export const dynamic = 'force-dynamic';

/**
 * The tRPC endpoint. handleTrpcRequest refuses, before any work, a batch of more calls than the
 * web client sends (TRPC_MAX_BATCH, and TRPC_MAX_BATCH_ANONYMOUS without a session), a body over
 * REQUEST_MAX_MB (by Content-Length, or counted while it streams) and JSON nested deeper than
 * JSON_MAX_DEPTH. Public procedures answer from the pages' cache.
 */
const handler = (req: Request) =>
  handleTrpcRequest(req, {
    endpoint: '/api/trpc',
    createContext: async () => ({ ...makeContext(await currentUser(), await requestIp()), publicCache: cachedPublic }),
  });

export { handler as GET, handler as POST };
