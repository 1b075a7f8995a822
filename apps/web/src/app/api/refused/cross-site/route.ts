import { auditCrossSiteRefusal } from '@ccgov/api';
import { trustProxyHops } from '@ccgov/auth/config';
import { getDb } from '@ccgov/db';
import { crossSiteRefusal, crossSiteResponse, isHttps, REFUSED_PATH_HEADER } from '@/server/security-headers';
import { currentUser, requestIp } from '@/server/session';

export const dynamic = 'force-dynamic';

/**
 * Where apps/web/src/proxy.ts sends a cross-site state-changing request it refuses (a rewrite: the
 * browser sees the same 403 as before). The Proxy cannot reach the database; this route can, and
 * writes the refusal to the audit log (at most one line per person or address per minute).
 * It checks the request again itself, so calling it directly records nothing that did not happen:
 * a request that is not cross-site gets 404.
 */
async function refused(request: Request): Promise<Response> {
  const header = (name: string) => request.headers.get(name);
  const trustProxy = trustProxyHops() > 0;
  const reason = crossSiteRefusal(request.method, header, trustProxy);
  if (!reason) return new Response('Not Found', { status: 404, headers: { 'cache-control': 'no-store' } });
  const path = (header(REFUSED_PATH_HEADER) ?? new URL(request.url).pathname).replace(/[^\x21-\x7e]/g, '').slice(0, 200) || '/';
  try {
    auditCrossSiteRefusal({ db: getDb(), user: await currentUser().catch(() => null), ip: await requestIp() }, { method: request.method, path, reason });
  } catch {
    // The refusal answers whatever happens to its audit line.
  }
  return crossSiteResponse(path, { https: isHttps(header, trustProxy), dev: process.env.NODE_ENV === 'development' });
}

export const POST = refused;
export const PUT = refused;
export const PATCH = refused;
export const DELETE = refused;
