import { isIP } from 'node:net';
import { trustProxyHops } from './config';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function getter(headers: HeaderBag): (name: string) => string | undefined {
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name) ?? undefined;
  return (name) => {
    const v = (headers as Record<string, string | string[] | undefined>)[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
}

/** An IPv4 or IPv6 address in canonical-ish form, or null (bounded length, syntax checked). */
export function normaliseIp(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let s = raw.trim();
  if (s.length === 0 || s.length > 64) return null;
  // [v6]:port and v4:port forms some proxies write
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  if (s.toLowerCase().startsWith('::ffff:') && isIP(s.slice(7)) === 4) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

/**
 * The client address for the audit log, session records and sign-in throttling.
 *
 * Without TRUST_PROXY nothing a client sends is believed: the portal's own server
 * (scripts/serve.mjs) replaces X-Forwarded-For with the socket's address before the app sees the
 * request, so the single value there is the peer. With TRUST_PROXY=N (N reverse proxies in front,
 * `true` = 1) the N-th address from the right is the one the outermost trusted proxy saw. The
 * value is checked to be an IP address and bounded in length; anything else is stored as null.
 */
export function clientIp(headers: HeaderBag | undefined | null): string | null {
  if (!headers) return null;
  const get = getter(headers);
  const hops = trustProxyHops();
  const list = (get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return null;
  if (hops === 0) return normaliseIp(list[list.length - 1]);
  return normaliseIp(list[Math.max(0, list.length - hops)]);
}

/** A browser's User-Agent for the session list, bounded in length. */
export function userAgentOf(headers: HeaderBag | undefined | null): string | null {
  if (!headers) return null;
  const ua = getter(headers)('user-agent');
  if (!ua) return null;
  // Control characters out, at most 256 characters kept.
  const clean = ua.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean ? clean.slice(0, 256) : null;
}

/**
 * The host next-auth builds its URLs from: X-Forwarded-Host/-Proto only with TRUST_PROXY,
 * otherwise the Host header and plain http (the Node server itself speaks http only).
 */
export function trustedForwarding(headers: HeaderBag): { host: string | null; proto: 'http' | 'https' } {
  const get = getter(headers);
  const host = get('host') ?? null;
  if (trustProxyHops() === 0) return { host, proto: 'http' };
  const fh = get('x-forwarded-host')?.split(',')[0]?.trim();
  const fp = get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return { host: fh || host, proto: fp === 'https' ? 'https' : 'http' };
}
