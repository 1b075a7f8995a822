// How the production server is started (npm start, the browser tests' global setup, the bench, the
// abuse script): `node --max-old-space-size=<MAX_HEAP_MB> scripts/serve.mjs`. Node built-ins only.
//
//   MAX_HEAP_MB  the V8 heap bound of the server process, in MB (default 1024, at least 256). Node's
//                own default is a share of the machine's memory (~4 GB on a 24 GB machine), and V8
//                keeps garbage up to near its bound: on the 20,000-report scale run the server sat
//                at 2.8 GB after warming with the default, 1.0–1.1 GB with 600. The bound is not the
//                process size: rendered pages, PDFs and ZIPs are kept outside the heap (Buffers),
//                and the PDF/Excel threads have their own 384 MB caps. See README 安全与运维 → 内存.
//                NODE_OPTIONS with its own --max-old-space-size wins.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_MAX_HEAP_MB = 1024;
export const MIN_HEAP_MB = 256;

/** MAX_HEAP_MB as a number of MB: the default when unset or not a number, never below MIN_HEAP_MB. */
export function maxHeapMb(env = process.env) {
  const n = Number.parseInt(String(env.MAX_HEAP_MB ?? '').trim(), 10);
  return Number.isFinite(n) && n > 0 ? Math.max(MIN_HEAP_MB, n) : DEFAULT_MAX_HEAP_MB;
}

/** The node arguments that start scripts/serve.mjs with its heap bound. */
export function serverArgs(env = process.env) {
  const own = /--max-old-space-size[= ]\d+/.test(env.NODE_OPTIONS ?? '');
  return [...(own ? [] : [`--max-old-space-size=${maxHeapMb(env)}`]), join(ROOT, 'scripts/serve.mjs')];
}
