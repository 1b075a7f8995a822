import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@ccgov/api';
import { makeContext } from '@/server/caller';
import { currentUser, requestIp } from '@/server/session';

export const dynamic = 'force-dynamic';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => makeContext(await currentUser(), await requestIp()),
  });

export { handler as GET, handler as POST };
