import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { resolveResponse } from '@trpc/server/http';
import { appRouter } from './root';
import type { Context } from './trpc';

/**
 * The tRPC HTTP endpoint with the limits that keep one request from stalling the server. Checked
 * in this order, each before any work it would cost:
 *
 * 1. the number of calls in a batch (from the URL, nothing read yet): at most `maxBatch`;
 * 2. the body: `Content-Length` over `maxBodyBytes` is refused unread; a body without one
 *    (chunked) is counted while it streams and refused as soon as it passes the bound;
 *    anything but JSON is refused;
 * 3. JSON nesting, by a cheap scan of the text before it is parsed (a deep `[[[[…` would
 *    otherwise overflow the stack in the transformer or the validator);
 * 4. the caller: without a session a request may hold at most `maxBatchAnonymous` calls.
 *
 * A refusal is an ordinary tRPC error (Chinese message, HTTP 400/413/415), so the web client
 * shows it like any other.
 */
export type HttpLimits = {
  maxBodyBytes: number;
  maxJsonDepth: number;
  maxBatch: number;
  maxBatchAnonymous: number;
};

const num = (v: string | undefined, fallback: number) => {
  const n = Number(v);
  return v != null && v !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Settings (environment): REQUEST_MAX_MB, JSON_MAX_DEPTH, TRPC_MAX_BATCH, TRPC_MAX_BATCH_ANONYMOUS. */
export function httpLimits(env: Record<string, string | undefined> = process.env): HttpLimits {
  return {
    maxBodyBytes: Math.round(num(env.REQUEST_MAX_MB, 4) * 1024 * 1024),
    maxJsonDepth: Math.floor(num(env.JSON_MAX_DEPTH, 32)),
    maxBatch: Math.floor(num(env.TRPC_MAX_BATCH, 10)),
    maxBatchAnonymous: Math.floor(num(env.TRPC_MAX_BATCH_ANONYMOUS, 1)),
  };
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** True when the JSON text nests arrays/objects deeper than `max` (strings are skipped). */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The body's bytes, or null as soon as they pass `max` (the rest is never read). */
export async function readBodyBytes(req: Request, max: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** The body as text, or null as soon as it passes `max` bytes (the rest is never read). */
async function readLimited(req: Request, max: number): Promise<string | null> {
  const bytes = await readBodyBytes(req, max);
  return bytes && new TextDecoder().decode(bytes);
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');
const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return '';
  }
};

export type TrpcHttpOptions = {
  /** Where the endpoint is mounted, e.g. /api/trpc. */
  endpoint: string;
  /** The caller's context (session, IP); called only for a request that passed the size checks. */
  createContext: () => Promise<Context>;
  limits?: HttpLimits;
  onError?: Parameters<typeof fetchRequestHandler<typeof appRouter>>[0]['onError'];
};

export async function handleTrpcRequest(req: Request, opts: TrpcHttpOptions): Promise<Response> {
  const limits = opts.limits ?? httpLimits();
  const url = new URL(req.url);
  const path = trimSlashes(trimSlashes(url.pathname).slice(trimSlashes(opts.endpoint).length));
  const isBatch = url.searchParams.get('batch') === '1';
  const calls = isBatch ? path.split(',').length : 1;

  // One error answer for the whole request, formatted by the router (Chinese message, status).
  const refuse = (code: TRPCError['code'], message: string) => {
    const single = new URL(url);
    single.searchParams.delete('batch');
    single.searchParams.delete('input');
    const first = path.split(',')[0] ?? '';
    return resolveResponse({
      router: appRouter,
      req: new Request(single, { method: req.method === 'GET' ? 'GET' : 'POST', headers: { 'content-type': 'application/json' } }),
      path: safeDecode(first),
      error: new TRPCError({ code, message }),
      createContext: async () => {
        throw new TRPCError({ code, message });
      },
    });
  };

  if (calls > limits.maxBatch) return refuse('BAD_REQUEST', `一次请求最多包含${limits.maxBatch}个调用（本次${calls}个），请分批发送`);

  let body: string | null = null;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type && type !== 'application/json') return refuse('UNSUPPORTED_MEDIA_TYPE', '请求格式不受支持（应为 JSON）');
    const declared = Number(req.headers.get('content-length'));
    const tooLarge = `请求内容过大（上限 ${mb(limits.maxBodyBytes)}）`;
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      // Refused unread; the stream is let go so the upload is not taken in.
      req.body?.cancel().catch(() => {});
      return refuse('PAYLOAD_TOO_LARGE', tooLarge);
    }
    body = await readLimited(req, limits.maxBodyBytes);
    if (body === null) return refuse('PAYLOAD_TOO_LARGE', tooLarge);
  }
  const input = body ?? url.searchParams.get('input') ?? '';
  if (jsonTooDeep(input, limits.maxJsonDepth)) return refuse('BAD_REQUEST', `请求数据嵌套过深（最多${limits.maxJsonDepth}层），未处理`);

  const ctx = await opts.createContext();
  if (!ctx.user && calls > limits.maxBatchAnonymous) {
    // UNAUTHORIZED, so a page whose session just ended reacts as to any signed-out call.
    return refuse('UNAUTHORIZED', limits.maxBatchAnonymous <= 1 ? '请先登录：未登录时不能批量调用，请逐个请求' : `请先登录：未登录时一次请求最多包含${limits.maxBatchAnonymous}个调用`);
  }

  const headers = new Headers(req.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const forwarded = new Request(url, { method: req.method, headers, body: body ?? undefined, signal: req.signal });
  return fetchRequestHandler({
    endpoint: opts.endpoint,
    req: forwarded,
    router: appRouter,
    maxBatchSize: ctx.user ? limits.maxBatch : limits.maxBatchAnonymous,
    createContext: () => ctx,
    onError: opts.onError,
  });
}
