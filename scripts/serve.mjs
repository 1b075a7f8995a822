#!/usr/bin/env node
// The production server (used by `npm start` and the browser tests): Next's request handler behind
// a plain Node HTTP server that decides, once per request, what the app may believe about the
// client, before any application code runs.
//
//   HOST         address to listen on (default 127.0.0.1: put a reverse proxy in front, or set
//                HOST=0.0.0.0 to serve the network directly)
//   PORT         default 3000
//   TRUST_PROXY  off by default. Off: X-Forwarded-For/-Host/-Proto/-Port, X-Real-IP and Forwarded
//                sent by a client are dropped, and X-Forwarded-For is set to the socket's address.
//                `true` or N: N reverse proxies sit in front; the client is the address N places
//                from the right of the X-Forwarded-For chain (the socket's address included), and
//                X-Forwarded-Host/-Proto from the nearest proxy are kept.
import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import next from 'next';
import { createAdmission } from './admission.mjs';
import { buildWorkers } from './build-workers.mjs';
import { cacheKey, captureInto, serveCached } from './public-pages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function trustProxyHops(raw = process.env.TRUST_PROXY) {
  const v = String(raw ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false' || v === 'no' || v === 'off') return 0;
  if (v === 'true' || v === 'yes' || v === 'on') return 1;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 10) : 1;
}

export function normaliseIp(raw) {
  if (!raw) return null;
  let s = String(raw).trim();
  if (s.length === 0 || s.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  if (s.toLowerCase().startsWith('::ffff:') && isIP(s.slice(7)) === 4) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

/** Rewrite the forwarding headers of an incoming request in place (see the header comment). */
export function normaliseForwarding(headers, socketAddress, hops = trustProxyHops()) {
  const first = (name) => {
    const v = headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).split(',')[0].trim();
  };
  const chain = [
    ...(hops > 0 ? [headers['x-forwarded-for']].flat().filter(Boolean).join(',').split(',').map((s) => s.trim()).filter(Boolean) : []),
    socketAddress ?? '',
  ];
  const client = normaliseIp(chain[Math.max(0, chain.length - 1 - hops)]);
  const host = hops > 0 ? first('x-forwarded-host') : '';
  const proto = hops > 0 ? first('x-forwarded-proto').toLowerCase() : '';
  for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded']) delete headers[name];
  if (client) headers['x-forwarded-for'] = client;
  if (host && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host)) headers['x-forwarded-host'] = host;
  if (proto === 'https' || proto === 'http') headers['x-forwarded-proto'] = proto;
  return headers;
}

/** POST /dept/reports/{id}/scans and its bound: MAX_SCAN_BYTES of packages/api/src/services/scans.ts (10 MB, Next's proxyClientMaxBodySize). */
const SCAN_UPLOAD = /^\/dept\/reports\/[1-9]\d{0,9}\/scans(?:\?|$)/;
const SCAN_MAX_BYTES = 10 * 1024 * 1024;

async function main() {
  // bcrypt, upload reading and PDF rendering run in worker threads (packages/report/src/offload.ts):
  // their files are built from the current code before the first request, and found from ROOT.
  process.env.CCGOV_ROOT ??= ROOT;
  await buildWorkers();
  const hostname = process.env.HOST || '127.0.0.1';
  const port = Number(process.env.PORT || 3000);
  const app = next({ dev: false, dir: join(ROOT, 'apps/web'), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const hops = trustProxyHops();
  const maxBodyBytes = Math.round((Number(process.env.REQUEST_MAX_MB) > 0 ? Number(process.env.REQUEST_MAX_MB) : 4) * 1024 * 1024);
  // Sign-ins take turns (scripts/admission.mjs): SIGNIN_CONCURRENCY at once (default 4: the bcrypt
  // worker checks one password at a time anyway), up to 200 waiting, beyond that a Chinese 503.
  const signIns = createAdmission({
    maxInFlight: Number(process.env.SIGNIN_CONCURRENCY) > 0 ? Number(process.env.SIGNIN_CONCURRENCY) : 4,
    maxWaiting: 200,
    refuse: (res) => {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store', 'retry-after': '5' });
      res.end(JSON.stringify({ error: '登录人数较多，请稍后再试' }));
    },
  });
  const server = createServer((req, res) => {
    normaliseForwarding(req.headers, req.socket.remoteAddress, hops);
    // A body declared larger than any route accepts is refused before a byte of it is read
    // (Next would otherwise buffer it before the route's own check runs). The 报送稿 scan upload
    // (the raw file, no base64) may be as large as a scan is allowed to be.
    const bound = req.method === 'POST' && SCAN_UPLOAD.test(req.url ?? '') ? Math.max(maxBodyBytes, SCAN_MAX_BYTES) : maxBodyBytes;
    if (Number(req.headers['content-length'] || 0) > bound) {
      const message = bound === maxBodyBytes ? `请求内容过大（上限 ${maxBodyBytes / 1024 / 1024} MB）` : `文件过大：扫描件不能超过 ${SCAN_MAX_BYTES / 1024 / 1024} MB，请降低扫描分辨率或改为黑白扫描后重新上传`;
      // The same answer the tRPC endpoint gives for it (packages/api/src/http.ts), so the client reads it alike.
      const trpc = (req.url ?? '').startsWith('/api/trpc/');
      const body = trpc ? { error: { json: { message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } } } : { error: message };
      // No `Connection: close`: Node would end the socket as soon as the answer is written, while
      // the client is still sending its body, and the client would see a broken pipe instead of
      // the answer. The connection stays usable; what the client is still sending is read and
      // dropped, and a client that keeps sending far beyond the bound is cut off.
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' });
      res.end(JSON.stringify(body));
      let dropped = 0;
      req.on('data', (chunk) => {
        dropped += chunk.length;
        if (dropped > 4 * bound) req.destroy();
      });
      req.resume();
      return;
    }
    // Public answers are served from memory once rendered (scripts/public-pages.mjs).
    const key = cacheKey(req.method, req.url);
    if (key) {
      if (serveCached(req, res, key)) return;
      captureInto(req, res, key);
      // Next answers uncompressed so the kept bytes are plain; the fast path compresses them.
      delete req.headers['accept-encoding'];
    }
    if (req.method === 'POST' && (req.url ?? '').startsWith('/api/auth/callback/')) return signIns.admit(req, res, () => handle(req, res));
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    // The heap bound (scripts/server-args.mjs: MAX_HEAP_MB) as V8 took it.
    const heapMb = Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024);
    console.log(`[portal] listening on http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}${hops ? `（TRUST_PROXY=${hops}）` : ''}, heap limit ${heapMb} MB`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
