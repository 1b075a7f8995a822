import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions, isMalformedCallback } from '@ccgov/auth';

export const dynamic = 'force-dynamic';

const handler = NextAuth(authOptions);
const MAX_BODY = 16 * 1024;

/** Raw callbackUrl values of a query string or form body, decoded strictly (null = bad encoding). */
function callbackValues(encoded: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const pair of encoded.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name !== 'callbackUrl') continue;
    try {
      out.push(decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')));
    } catch {
      out.push(null);
    }
  }
  return out;
}

function refuse(status: number, error: string) {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * next-auth's routes, with the inputs it would choke on refused first: a callbackUrl that cannot
 * be read as a URL answers 400 with a Chinese message (never a 500), and a sign-in body is small.
 * Well-formed callbackUrls to other sites are not refused here: callbacks.redirect sends them to
 * the role's home page.
 */
async function guarded(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const values = callbackValues(req.nextUrl.search);
  if (req.method === 'POST') {
    const length = Number(req.headers.get('content-length') ?? '0');
    if (length > MAX_BODY) return refuse(413, '请求过大');
    const type = req.headers.get('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded')) {
      const text = await req.clone().text();
      if (text.length > MAX_BODY) return refuse(413, '请求过大');
      values.push(...callbackValues(text));
    }
  }
  // (The callback-url cookie needs no check: callbacks.redirect never throws.)
  if (values.some((v) => v === null || isMalformedCallback(v))) {
    return refuse(400, '跳转地址无效：登录后只能跳转到本站页面');
  }
  return handler(req, ctx);
}

export { guarded as GET, guarded as POST };
