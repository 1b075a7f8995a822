import { NextResponse, type NextRequest } from 'next/server';
import { trustProxyHops } from '@ccgov/auth/config';
import {
  PRIVATE_CACHE_CONTROL,
  HSTS,
  STATIC_SECURITY_HEADERS,
  contentSecurityPolicy,
  crossSiteRefusal,
  crossSiteResponse,
  isHttps,
  isPrivatePath,
  isScriptFreePage,
  newNonce,
  noteCrossSiteRefusal,
} from './server/security-headers';

/**
 * Next 16 Proxy (formerly middleware), before every page and route:
 * 1. refuses a cross-site state-changing request (403, Chinese message) and notes it for the
 *    audit log (written by server/cross-site-audit.ts, which can reach the database);
 * 2. gives the page a fresh CSP nonce: Next.js reads it from the request's
 *    Content-Security-Policy header and puts it on its own scripts;
 * 3. sends the security headers (nosniff, Referrer-Policy, Permissions-Policy, CSP, HSTS over
 *    HTTPS) on every answer, static files included, and `private, no-store` on private answers.
 * The policy itself lives in server/security-headers.ts (no Next import, so a non-Next fast path
 * serving pre-rendered bytes can use the same one).
 */
export function proxy(request: NextRequest) {
  const header = (name: string) => request.headers.get(name);
  const trustProxy = trustProxyHops() > 0;
  const https = isHttps(header, trustProxy);
  const dev = process.env.NODE_ENV === 'development';
  const { pathname } = request.nextUrl;

  const refusal = crossSiteRefusal(request.method, header, trustProxy);
  if (refusal) {
    // The audit line is written by the server (server/cross-site-audit.ts), throttled.
    noteCrossSiteRefusal({ method: request.method, path: pathname, reason: refusal, forwardedFor: header('x-forwarded-for'), cookie: header('cookie'), at: Date.now() });
    return crossSiteResponse(pathname, { https, dev });
  }

  if (pathname.startsWith('/_next/static/')) {
    // Build files: no page, no nonce; only the headers that do not depend on the request.
    const response = NextResponse.next();
    for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(k, v);
    if (https) response.headers.set('strict-transport-security', HSTS);
    return response;
  }

  if (isScriptFreePage(pathname)) {
    // Plain HTML without scripts (server/static-html.tsx): `script-src 'none'`, no nonce.
    const response = NextResponse.next();
    for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(k, v);
    response.headers.set('content-security-policy', contentSecurityPolicy({ https, dev, noScript: true }));
    if (https) response.headers.set('strict-transport-security', HSTS);
    return response;
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https, dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(k, v);
  response.headers.set('content-security-policy', csp);
  if (https) response.headers.set('strict-transport-security', HSTS);
  if (isPrivatePath(pathname)) response.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
  return response;
}

export const config = {
  // Every path, the build's static files included (they get the request-independent headers).
  matcher: ['/:path*'],
};
