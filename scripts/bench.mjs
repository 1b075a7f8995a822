#!/usr/bin/env node
// npm run bench: requests per second and p50/p99 latency of the public pages and the open-data
// API against the production build, on a temporary demo database and a free loopback port.
// Builds only when no build exists (NEXT_DIST_DIR, default .next). Also reports the first-load
// JavaScript of the report page (the sum of the script files its HTML loads, nomodule polyfills aside).
//   BENCH_DURATION=10 (seconds per target)  BENCH_CONNECTIONS=10
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, ensureDependencies, freePort, log, run, waitForHttp } from './lib.mjs';

ensureDependencies();
const { default: autocannon } = await import('autocannon');

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const webDir = join(ROOT, 'apps/web');
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

if (!existsSync(join(webDir, distDir, 'BUILD_ID'))) {
  log(`没有找到生产构建 (${distDir})，先构建 / no build found, building once…`);
  run(bin('next'), ['build'], { cwd: webDir, env: { ...process.env, NEXT_DIST_DIR: distDir } });
}

const tmp = mkdtempSync(join(tmpdir(), 'ccgov-bench-'));
const dbPath = join(tmp, 'portal.db');
const env = { ...process.env, DATABASE_PATH: dbPath, BCRYPT_COST: '4', NEXT_DIST_DIR: distDir };
log('临时演示数据库 / temporary demo database…');
const setup = spawnSync(bin('tsx'), ['packages/db/src/cli/setup.ts'], { cwd: ROOT, env, stdio: 'ignore' });
if (setup.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('[portal] 数据库初始化失败 / database setup failed');
  process.exit(1);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: webDir,
  env: { ...env, NODE_ENV: 'production', NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: base },
  stdio: ['ignore', 'ignore', 'inherit'],
});

let stopped = false;
function stop() {
  if (stopped) return;
  stopped = true;
  try {
    process.kill(server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  rmSync(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

try {
  await waitForHttp(`${base}/login`, 90_000);
  log(`服务已启动 / server up at ${base} (pid ${server.pid})`);

  const list = await (await fetch(`${base}/api/open/reports`)).json();
  const latest = Math.max(...list.reports.map((r) => r.year));
  // The busiest body of the latest year: the largest page among the reports.
  const report = list.reports.find((r) => r.year === latest && r.department.includes('公安')) ?? list.reports[0];
  if (!report) throw new Error('no published report to measure');

  const targets = [
    ['首页 home', '/'],
    ['报告页 report page', `/reports/${report.id}`],
    ['全区汇总 summary', '/summary'],
    ['开放数据 open data', `/api/open/reports/${report.id}`],
  ];
  // One request each first: fills the public cache as the first reader after a publish would.
  for (const [, path] of targets) await (await fetch(base + path)).arrayBuffer();

  const rows = [];
  for (const [name, path] of targets) {
    log(`${name}: ${path} — ${duration}s, ${connections} connections…`);
    const r = await autocannon({ url: base + path, connections, duration });
    rows.push({
      target: name,
      path,
      'req/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      'non-2xx': r.non2xx,
      errors: r.errors + r.timeouts,
    });
  }

  // First-load JS of the report page: every script its HTML loads, raw and gzip-compressed.
  const html = await (await fetch(`${base}/reports/${report.id}`)).text();
  // Polyfills marked nomodule are skipped by every browser that runs modules, so they do not count.
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(m[1]))
        .map((m) => /src="([^"]+)"/.exec(m[1])?.[1])
        .filter(Boolean)
        .map((src) => src.replace(/&amp;/g, '&')),
    ),
  ];
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
  }

  console.log(`\nBench: ${duration}s per target, ${connections} connections, node ${process.version}, ${new Date().toISOString()}`);
  console.log('| target | path | req/s | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.target} | ${r.path} | ${r['req/s']} | ${r['p50 ms']} | ${r['p99 ms']} | ${r['non-2xx']} | ${r.errors} |`);
  console.log(
    `\nReport page first-load JS: ${srcs.length} scripts, ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip`,
  );
  if (rows.some((r) => r['non-2xx'] > 0 || r.errors > 0)) process.exitCode = 1;
} catch (e) {
  console.error(`[portal] bench failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  stop();
}
