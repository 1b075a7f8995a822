#!/usr/bin/env node
// npm run bench: the public answers of the production server (scripts/serve.mjs, as `npm start`
// runs it) against a baseline static server that sends the very same bytes, in the same run, on
// a temporary demo database and free loopback ports. Prints req/s, p50 and p99 per target for
// both, and the ratio portal ÷ baseline (these machines are noisy: only the ratio compares), then
// the transferred sizes and the JavaScript each public page loads.
// Then the write path (scripts/bench-write.mjs: every demo clerk autosaving and submitting at
// once) and the scale run (scripts/bench-scale.mjs: a generated district of 2,000 bodies × 10
// years on its own temporary database and server).
// Builds only when no build exists (NEXT_DIST_DIR, default .next).
//   BENCH_DURATION=10 (seconds per target and server)  BENCH_CONNECTIONS=50
//   BENCH_WRITE_SECONDS=20  BENCH_SCALE_BODIES=2000  BENCH_SCALE_YEARS=10  BENCH_PARTS=read,write,scale
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, ensureDependencies, freePort, log, run, waitForHttp } from './lib.mjs';
import { serverArgs } from './server-args.mjs';

ensureDependencies();
const { default: autocannon } = await import('autocannon');
const { benchWrite } = await import('./bench-write.mjs');
const { benchScale } = await import('./bench-scale.mjs');
const parts = new Set((process.env.BENCH_PARTS ?? 'read,write,scale').split(',').map((s) => s.trim()));

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
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
const serverEnv = { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', NEXTAUTH_SECRET: randomBytes(32).toString('base64url') };
const server = spawn(process.execPath, serverArgs(env), {
  cwd: ROOT,
  env: { ...serverEnv, PORT: String(port), NEXTAUTH_URL: base },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const children = [server];

let stopped = false;
function stop() {
  if (stopped) return;
  stopped = true;
  for (const child of children) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
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

  const targets = !parts.has('read') ? [] : [
    { name: '报告页 report page', path: `/reports/${report.id}` },
    { name: '首页 home', path: '/' },
    { name: '全区汇总 summary', path: '/summary' },
    { name: '开放数据 open data', path: `/api/open/reports/${report.id}` },
    { name: 'PDF 下载 download', path: `/reports/${report.id}/pdf` },
    { name: '304 重新验证 revalidation', path: `/reports/${report.id}`, conditional: true },
  ];

  // One request each first, as the first reader after a publish; its bytes are what the baseline sends.
  const manifest = {};
  const sizes = [];
  for (const t of targets) {
    const res = await fetch(base + t.path, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
    t.etag = res.headers.get('etag');
    manifest[t.path] = { contentType: res.headers.get('content-type'), etag: t.etag ?? '"x"', body: body.toString('base64') };
    if (!t.conditional) sizes.push({ name: t.name, path: t.path, raw: body.length, gzip: gzipSync(body).length, js: await scriptBytes(body, res.headers.get('content-type')), css: await styleBytes(body, res.headers.get('content-type')) });
  }
  const manifestPath = join(tmp, 'baseline.json');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const rows = [];
  if (targets.length > 0) {
    const basePort = await freePort();
    const baseline = spawn(process.execPath, [join(ROOT, 'scripts/static-baseline.mjs'), manifestPath, String(basePort)], { stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(baseline);
    const baselineUrl = `http://127.0.0.1:${basePort}`;
    await waitForHttp(`${baselineUrl}${targets[0].path}`, 10_000);

    const measure = async (origin, t) => {
      const headers = t.conditional ? { 'if-none-match': t.etag } : {};
      const r = await autocannon({ url: origin + t.path, connections, duration, headers });
      const expected = t.conditional ? (r.statusCodeStats?.['304']?.count ?? 0) : r['2xx'];
      return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, unexpected: r.requests.total - expected, errors: r.errors + r.timeouts };
    };
    for (const t of targets) {
      log(`${t.name}: ${t.path} — ${duration}s × 2, ${connections} connections…`);
      const portal = await measure(base, t);
      const stat = await measure(baselineUrl, t);
      rows.push({ ...t, portal, stat, ratio: stat.rps ? portal.rps / stat.rps : 0 });
    }

    console.log(`\nBench: ${duration}s per target and server, ${connections} connections, node ${process.version}, ${new Date().toISOString()}`);
    console.log('| target | path | portal req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio | unexpected status | errors |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.path} | ${r.portal.rps} | ${r.portal.p50} | ${r.portal.p99} | ${r.stat.rps} | ${r.stat.p50} | ${r.stat.p99} | ${r.ratio.toFixed(2)} | ${r.portal.unexpected} | ${r.portal.errors} |`);
    }
    console.log('\n| page | path | HTML raw kB | gzip kB | JavaScript loaded kB (raw / gzip) | CSS kB (raw / gzip) |');
    console.log('|---|---|---:|---:|---:|---:|');
    const kb = (x) => (x ? `${(x.raw / 1024).toFixed(1)} / ${(x.gzip / 1024).toFixed(1)} (${x.count} files)` : '—');
    for (const s of sizes) console.log(`| ${s.name} | ${s.path} | ${(s.raw / 1024).toFixed(1)} | ${(s.gzip / 1024).toFixed(1)} | ${kb(s.js)} | ${kb(s.css)} |`);
  }
  if (rows.some((r) => r.portal.unexpected > 0 || r.portal.errors > 0)) process.exitCode = 1;

  if (parts.has('write')) {
    const w = await benchWrite({ base, dbPath, password: 'Demo@12345', log });
    console.log(`\nWrite path: ${w.clerks} clerks, reporting year ${w.year}, autosave every 2 s for ${process.env.BENCH_WRITE_SECONDS ?? 20} s, then submit`);
    console.log('| request | count | p50 ms | p99 ms | max ms |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of w.rows) console.log(`| ${r.what} | ${r.n} | ${r.p50 ?? '—'} | ${r.p99 ?? '—'} | ${r.max ?? '—'} |`);
    console.log(`\nerrors: ${w.errors}; lost saves: ${w.lost} (of ${w.saves} acknowledged); submitted: ${w.submitted} of ${w.clerks}`);
    if (w.errors > 0 || w.lost > 0) process.exitCode = 1;
  }
  // The demo server is done; the scale run gets the machine to itself.
  for (const child of children.splice(0)) {
    try {
      process.kill(child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }

  if (parts.has('scale')) {
    const sc = await benchScale({ dir: tmp, baseEnv: serverEnv, log, children });
    console.log(`\nScale: ${sc.bodies} bodies × ${sc.years} published years = ${sc.reportCount} reports (generated in ${sc.generateSeconds.toFixed(0)} s)`);
    console.log('| what | ms | status | note | server RSS after, MB |');
    console.log('|---|---:|---:|---|---:|');
    for (const r of sc.rows) console.log(`| ${r.what} | ${r.ms.toFixed(1)} | ${r.status} | ${r.note} | ${r.rss} |`);
    console.log(`\nserver memory (VmRSS): ${sc.rssStart} MB after start, ${sc.rss} MB after warming every year's summary and home page and the searches`);
  }
} catch (e) {
  console.error(`[portal] bench failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  stop();
}

/** The style sheets an HTML page links (a reader downloads them once, then revalidates). */
async function styleBytes(body, contentType) {
  if (!String(contentType).startsWith('text/html')) return null;
  const hrefs = [...new Set([...body.toString('utf8').matchAll(/<link([^>]*)>/g)].filter((m) => /rel="stylesheet"/.test(m[1])).map((m) => /href="([^"]+)"/.exec(m[1])?.[1]).filter(Boolean))];
  let raw = 0;
  let gzip = 0;
  for (const href of hrefs) {
    const css = Buffer.from(await (await fetch(new URL(href.replace(/&amp;/g, '&'), base))).arrayBuffer());
    raw += css.length;
    gzip += gzipSync(css).length;
  }
  return { raw, gzip, count: hrefs.length };
}

/** The JavaScript an HTML page loads (nomodule polyfills aside, which module browsers skip). */
async function scriptBytes(body, contentType) {
  if (!String(contentType).startsWith('text/html')) return null;
  const html = body.toString('utf8');
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
  let gzip = 0;
  for (const src of srcs) {
    const js = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += js.length;
    gzip += gzipSync(js).length;
  }
  // Inline scripts (Next's RSC payload among them) count too.
  const inline = Buffer.from([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join(''));
  return { raw: raw + inline.length, gzip: gzip + (inline.length ? gzipSync(inline).length : 0), count: srcs.length };
}
