/**
 * Browser-side protections in one place, with no Next.js import: the proxy (src/proxy.ts), the
 * static-file headers (next.config.ts) and any non-Next fast path that serves pre-rendered bytes
 * use the same policy.
 *
 *   securityHeaders({ nonce, https })   every header a response carries
 *   crossSiteRefusal(method, header)    why a state-changing request is refused, or null
 *   isPrivatePath(pathname)             answers that are `Cache-Control: private, no-store`
 */

export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** One year; no includeSubDomains: other hosts of the district's domain are not ours to pin. */
export const HSTS = 'max-age=31536000';

/** Headers that do not depend on the request: also given to static files by next.config.ts. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  // For browsers that know no CSP frame-ancestors.
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export type CspOptions = {
  /** The per-request nonce Next.js puts on its scripts; without one (pre-rendered bytes with no
   * client JavaScript) only same-origin script files could run, and the page has none. */
  nonce?: string | null;
  https?: boolean;
  /** `next dev` needs eval and unhashed inline styles; never set in production. */
  dev?: boolean;
  /** A page rendered to plain HTML with no script at all (see isScriptFreePage): `script-src 'none'`. */
  noScript?: boolean;
};

/**
 * No inline script without the nonce (no 'unsafe-inline' for scripts), nothing from other origins,
 * no framing. Style attributes (React `style={…}`) are allowed; <style> elements need the nonce.
 */
export function contentSecurityPolicy({ nonce, https = false, dev = false, noScript = false }: CspOptions = {}): string {
  const n = nonce && !noScript ? ` 'nonce-${nonce}'` : '';
  const directives = [
    "default-src 'self'",
    noScript ? "script-src 'none'" : `script-src 'self'${n}${nonce ? " 'strict-dynamic'" : ''}${dev ? " 'unsafe-eval'" : ''}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self'${n}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every security header of a response (static ones, CSP, HSTS over HTTPS). */
export function securityHeaders(opts: CspOptions = {}): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    'content-security-policy': contentSecurityPolicy(opts),
    ...(opts.https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** A fresh unguessable nonce (128 bits, base64), for each response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached us over HTTPS. `next start` speaks plain HTTP, so HTTPS means a
 * reverse proxy terminated TLS: its X-Forwarded-Proto is believed only with TRUST_PROXY=1.
 * A server that holds the socket itself passes `socketEncrypted`.
 */
export function isHttps(header: (name: string) => string | null, trustProxy: boolean, socketEncrypted = false): boolean {
  if (socketEncrypted) return true;
  if (!trustProxy) return false;
  return header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * Public pages answered as plain HTML by route handlers (server/static-html.tsx), with no client
 * JavaScript: their policy allows no script at all and needs no nonce, so the same bytes can be
 * served to everyone from the fast path (scripts/public-pages.mjs) without replaying a nonce.
 */
export function isScriptFreePage(pathname: string): boolean {
  return pathname === '/' || pathname === '/summary' || /^\/reports\/[1-9]\d{0,9}$/.test(pathname) || pathname === '/styles/public.css';
}

/** Signed-in pages and every private data answer. Public pages and open data keep their own policy. */
const PRIVATE_PREFIXES = ['/dept', '/review', '/admin', '/account', '/home', '/forbidden', '/api/trpc', '/api/excel', '/api/auth'];

export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const stripDefaultPort = (host: string) => host.trim().toLowerCase().replace(/:(80|443)$/, '');

/**
 * A state-changing request (POST, PUT, PATCH, DELETE: tRPC mutations, uploads, next-auth's
 * sign-in and sign-out) must come from this site's own pages. Browsers say where a request comes
 * from: `Sec-Fetch-Site` (same-origin, or none for one the user typed) and `Origin`, which must
 * name this host (the Host header; X-Forwarded-Host only with TRUST_PROXY=1). A request with
 * neither header is not from a browser, so it carries no victim's cookies and is let through.
 * Returns the reason for a refusal, or null.
 */
export function crossSiteRefusal(method: string, header: (name: string) => string | null, trustProxy: boolean): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = header('sec-fetch-site')?.trim().toLowerCase();
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = header('origin');
  if (origin == null) return null;
  const forwarded = trustProxy ? header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwarded || header('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin: ${origin.slice(0, 100)}`;
  }
  if (!host || !originHost || stripDefaultPort(originHost) !== stripDefaultPort(host)) return `Origin: ${origin.slice(0, 100)}`;
  return null;
}

/** A cross-site request the Proxy refused, as handed to the audit (server/cross-site-audit.ts). */
export type CrossSiteRefusalNote = { method: string; path: string; reason: string; forwardedFor: string | null; cookie: string | null; at: number };
type Sink = (note: CrossSiteRefusalNote) => void;
const SINK = Symbol.for('ccgov.crossSiteRefusalSink');
const PENDING = Symbol.for('ccgov.crossSiteRefusalPending');
const slots = globalThis as unknown as Record<symbol, unknown>;

/**
 * The Proxy has no database. It notes each refusal here; the server's instrumentation registers
 * the sink that writes it to the audit log (the Proxy runs in the same Node process, so the
 * registration on globalThis is shared). Until then at most 100 notes wait.
 */
export function noteCrossSiteRefusal(note: CrossSiteRefusalNote): void {
  const sink = slots[SINK] as Sink | undefined;
  if (sink) {
    try {
      sink(note);
    } catch {
      // The refusal answers whatever happens to its audit line.
    }
    return;
  }
  const pending = (slots[PENDING] ??= []) as CrossSiteRefusalNote[];
  if (pending.length < 100) pending.push(note);
}

export function setCrossSiteRefusalSink(sink: Sink): void {
  slots[SINK] = sink;
  const pending = (slots[PENDING] ?? []) as CrossSiteRefusalNote[];
  for (const note of pending.splice(0)) sink(note);
}

export const CROSS_SITE_MESSAGE = '跨站请求已被拒绝：只接受本站页面发出的提交。请在本站页面上重新操作。';

/** The 403 answer to a cross-site request, as JSON under /api and as text elsewhere. */
export function crossSiteResponse(pathname: string, opts: CspOptions = {}): Response {
  const api = pathname.startsWith('/api/');
  return new Response(api ? JSON.stringify({ error: CROSS_SITE_MESSAGE }) : CROSS_SITE_MESSAGE, {
    status: 403,
    headers: {
      ...securityHeaders(opts),
      'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'cache-control': PRIVATE_CACHE_CONTROL,
    },
  });
}
