// The fast path for public answers (scripts/serve.mjs puts it in front of Next's handler).
//
// A public page, file or open-data answer changes only when a report is published, corrected or
// withdrawn, or a department changes. So the first anonymous GET after a change goes through Next
// as usual, its bytes are kept here, and later requests are answered from memory without entering
// React or the database: with ETag / Last-Modified, 304 for conditional requests, and gzip/brotli
// chosen by Accept-Encoding. Next's side clears the store on every change (apps/web/src/server/
// public-cache.ts, clearPublicCache) and bumps its generation, so a render that started before a
// change is never kept after it. Only 200 answers of the public paths below are kept: an
// unpublished or unknown id answers 404 and is never stored, so the fast path serves nothing that
// is not public.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const STORE_KEY = Symbol.for('ccgov.publicPages');
/** Entries kept at most (each public URL once; a year of a district is a few hundred). */
const MAX_ENTRIES = Number(process.env.PUBLIC_PAGE_CACHE_ENTRIES || 5000);
/** Answers larger than this are passed through without being kept (PDFs are ~100–300 kB). */
const MAX_BYTES = 8 * 1024 * 1024;
/** A year's bulk ZIP holds every PDF of the year (a few MB per 50 reports); one per year. */
const MAX_BULK_BYTES = Number(process.env.PUBLIC_BULK_MAX_MB || 256) * 1024 * 1024;
const isBulk = (key) => key.startsWith('/api/open/bulk/');

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** The store shared with the Next side (same process, same globalThis). */
export function pageStore() {
  const g = globalThis;
  g[STORE_KEY] ??= { pages: new Map(), generation: 0 };
  return g[STORE_KEY];
}

const YEAR = /^\d{4}$/;

/**
 * Today in China (UTC+8, no daylight saving), as YYYY-MM-DD. /summary without a year opens on a
 * year chosen by this date (the latest whose legal deadline has passed), so its key carries the
 * date: after midnight in China the next request renders again instead of serving yesterday's choice.
 */
export const chinaDate = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The cache key of a request the fast path may answer, or null. Only paths whose answer is the
 * same for everyone and depends on nothing but published data; query strings only where the page
 * reads them (a year), so a crawler cannot fill the store with variants.
 */
export function cacheKey(method, rawUrl) {
  if (method !== 'GET' && method !== 'HEAD') return null;
  let url;
  try {
    url = new URL(rawUrl, 'http://x');
  } catch {
    return null;
  }
  const path = url.pathname;
  const params = [...url.searchParams.entries()];
  const onlyYear = params.length === 0 || (params.length === 1 && params[0][0] === 'year' && YEAR.test(params[0][1]));
  const key = params.length === 0 ? path : `${path}?year=${params[0]?.[1]}`;
  if (path === '/summary' && params.length === 0) return `/summary#${chinaDate()}`;
  if (path === '/') return homeKey(params);
  if (/^\/reports\/[1-9]\d{0,9}(\/(pdf|docx|csv|json))?$/.test(path)) return params.length === 0 ? path : null;
  if (/^\/api\/open\/reports\/[1-9]\d{0,9}$/.test(path)) return params.length === 0 ? path : null;
  if (path === '/summary' || path === '/api/open/summary' || path === '/api/open/reports' || path === '/api/open/reports.csv') {
    return onlyYear ? key : null;
  }
  if (path === '/api/open/openapi.json' || path === '/styles/public.css') return params.length === 0 ? path : null;
  if (/^\/api\/open\/bulk\/\d{4}\.zip$/.test(path)) return params.length === 0 ? path : null;
  return null;
}

const PAGE = /^[1-9]\d{0,3}$/;

/**
 * The home page reads a year and, for a long year, a page (`/?year=YYYY&page=N`, in either order):
 * one key per year and page, `/?year=YYYY` unchanged. A search (`?q=`) or any other parameter is
 * never kept (each query its own answer); a page past the last answers 404, which is never stored.
 */
function homeKey(params) {
  const seen = new Map(params);
  if (seen.size !== params.length || [...seen.keys()].some((k) => k !== 'year' && k !== 'page')) return null;
  const year = seen.get('year');
  const page = seen.get('page');
  if ((year != null && !YEAR.test(year)) || (page != null && !PAGE.test(page))) return null;
  const query = [year != null ? `year=${year}` : null, page != null ? `page=${page}` : null].filter(Boolean).join('&');
  return query ? `/?${query}` : '/';
}

const SKIP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary', 'set-cookie', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time']);
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|image\/svg)/;

function makeEntry(res, body) {
  const headers = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!SKIP_HEADERS.has(name) && value !== undefined) headers[name] = value;
  const type = String(headers['content-type'] ?? '');
  const compressible = COMPRESSIBLE.test(type) && body.length > 512;
  return {
    headers,
    body,
    gzip: compressible ? gzipSync(body, { level: 6 }) : null,
    br: compressible ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : null,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    lastModified: new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString(),
  };
}

/** Whether a conditional request is answered by what the client already has. */
function notModified(req, entry) {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === entry.etag || t.trim() === `W/${entry.etag}` || t.trim() === '*');
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && since >= Date.parse(entry.lastModified);
  }
  return false;
}

function pickEncoding(req, entry) {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (entry.br && /\bbr\b/.test(accept)) return ['br', entry.br];
  if (entry.gzip && /\bgzip\b/.test(accept)) return ['gzip', entry.gzip];
  return [null, entry.body];
}

/** Answer from memory; true when answered. `extraHeaders(req)` adds per-response headers (security). */
export function serveCached(req, res, key, extraHeaders) {
  const entry = pageStore().pages.get(key);
  if (!entry) return false;
  const common = { etag: entry.etag, 'last-modified': entry.lastModified, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'Accept-Encoding', ...extraHeaders?.(req, entry) };
  if (notModified(req, entry)) {
    res.writeHead(304, common);
    res.end();
    return true;
  }
  const [encoding, bytes] = pickEncoding(req, entry);
  res.writeHead(200, { ...entry.headers, ...common, 'content-length': bytes.length, ...(encoding ? { 'content-encoding': encoding } : {}) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
  return true;
}

/**
 * Let Next answer, and keep the bytes of a 200 answer for `key`, unless the store was cleared
 * while it was being rendered (then the answer may predate the change and is not kept).
 */
export function captureInto(req, res, key) {
  const store = pageStore();
  const generation = store.generation;
  const chunks = [];
  const maxBytes = isBulk(key) ? MAX_BULK_BYTES : MAX_BYTES;
  let size = 0;
  let tooBig = false;
  const write = res.write;
  const end = res.end;
  const keep = (chunk, encoding) => {
    if (tooBig || chunk == null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
    size += buf.length;
    if (size > maxBytes) tooBig = true;
    else chunks.push(buf);
  };
  res.write = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    const result = end.call(this, chunk, encoding, cb);
    if (
      req.method === 'GET' &&
      res.statusCode === 200 &&
      !tooBig &&
      !res.getHeader('set-cookie') &&
      !res.getHeader('content-encoding') &&
      store.generation === generation
    ) {
      if (store.pages.size >= MAX_ENTRIES) store.pages.clear();
      store.pages.set(key, makeEntry(res, Buffer.concat(chunks)));
    }
    return result;
  };
}
