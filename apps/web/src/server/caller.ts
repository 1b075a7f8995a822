import 'server-only';
import { revalidatePath } from 'next/cache';
import { createCaller, type Context } from '@ccgov/api';
import { getDb } from '@ccgov/db';
import type { SessionUser } from '@ccgov/auth';
import { clearPublicCache } from './public-cache';
import { currentUser, requestIp } from './session';

export function makeContext(user: SessionUser | null, ip: string | null): Context {
  return {
    db: getDb(),
    user,
    ip,
    // Public pages are cached; a publish, correction or withdrawal refreshes them at once.
    onPublicChange: () => {
      clearPublicCache();
      revalidatePath('/', 'layout');
    },
  };
}

/** A tRPC caller for server components, acting as the signed-in person. */
export async function serverCaller(user?: SessionUser | null) {
  const u = user === undefined ? await currentUser() : user;
  return createCaller(makeContext(u, await requestIp()));
}

/** A caller with no session: what the public may see. */
export function publicCaller() {
  return createCaller(makeContext(null, null));
}
