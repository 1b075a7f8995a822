/**
 * Where to go after signing in or changing the password: only a path of this site. Pure (no
 * Node or browser API beyond URL), so the login form and the server share it.
 *
 * Refused (null): anything not starting with one `/`; `//host` and `/\host` (browsers treat both
 * as another host); control characters such as a tab (`/%09/evil.example` becomes `//evil.example`
 * once a browser drops the tab); backslashes anywhere; percent-encoded tricks of the same; over-long
 * values. The caller then uses the role's home page.
 */
const MAX = 1024;
const BASE = 'http://same-site.invalid';

function unsafe(s: string): boolean {
  return !s.startsWith('/') || s.startsWith('//') || /[\\\u0000-\u001f\u007f\s]/.test(s.slice(0, 2)) || /[\\\u0000-\u001f\u007f]/.test(s);
}

export function safeRedirectPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX) return null;
  if (unsafe(raw)) return null;
  let decoded = raw;
  // Decode repeatedly (bounded) so %252F%252F and the like cannot hide a second slash.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (unsafe(next)) return null;
    if (next === decoded) break;
    decoded = next;
  }
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return unsafe(path) ? null : path;
}

/**
 * next-auth's callbackUrl: a same-site path, or an absolute URL on exactly this origin; anything
 * else null. Never throws, whatever the input.
 */
export function safeCallbackPath(raw: unknown, baseUrl: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX) return null;
  if (raw.startsWith('/')) return safeRedirectPath(raw);
  let url: URL;
  let base: URL;
  try {
    url = new URL(raw);
    base = new URL(baseUrl);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.username || url.password) return null;
  return safeRedirectPath(`${url.pathname}${url.search}${url.hash}`);
}

/** True when a callbackUrl cannot even be read as a URL (answered with a clear refusal). */
export function isMalformedCallback(raw: string): boolean {
  if (raw.length > MAX) return true;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return true;
  try {
    decodeURIComponent(raw);
    new URL(raw, BASE);
    return false;
  } catch {
    return true;
  }
}
