// The bench's scale run (scripts/bench.mjs): a generated district of BENCH_SCALE_BODIES (2,000)
// bodies × BENCH_SCALE_YEARS (10) published years, written straight into a temporary database by
// the deterministic generator packages/db/src/seed/scale.ts (packages/db/src/cli/scale.ts), then
// served by the production server and timed: the 全区汇总 of a year cold (first request after
// start, every cache empty) and warm, the compare CSV of 100 bodies × 10 years, search, and the
// server's resident memory (VmRSS of its process) after warming.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { ROOT, freePort, waitForHttp } from './lib.mjs';
import { serverArgs } from './server-args.mjs';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed(url) {
  const t = process.hrtime.bigint();
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await res.arrayBuffer());
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: res.status, bytes: body.length, gzip: gzipSync(body).length };
}

const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};

/** Generate, serve and time the scale district; `spawnServer(env)` starts scripts/serve.mjs. */
export async function benchScale({ dir, baseEnv, log = console.log, children }) {
  const bodies = Number(process.env.BENCH_SCALE_BODIES ?? 2000);
  const years = Number(process.env.BENCH_SCALE_YEARS ?? 10);
  const lastYear = 2025;
  const dbPath = join(dir, 'scale.db');
  log(`规模测试 / scale: generating ${bodies} bodies × ${years} years…`);
  const t0 = Date.now();
  const gen = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['packages/db/src/cli/scale.ts', String(bodies), String(years), String(lastYear)], {
    cwd: ROOT,
    env: { ...baseEnv, DATABASE_PATH: dbPath },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (gen.status !== 0) throw new Error('scale generator failed');
  const generateSeconds = (Date.now() - t0) / 1000;

  const db = new Database(dbPath, { readonly: true });
  const reportCount = db.prepare('SELECT COUNT(*) AS n FROM publications WHERE current = 1').get().n;
  const departmentIds = db.prepare('SELECT id FROM departments ORDER BY id LIMIT 100').all().map((r) => r.id);
  const names = db.prepare('SELECT name FROM departments ORDER BY id LIMIT 400').all().map((r) => r.name);
  const texts = db.prepare('SELECT content FROM publications ORDER BY id LIMIT 40').all().map((r) => JSON.parse(r.content).overview.active);
  db.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, serverArgs(baseEnv), {
    cwd: ROOT,
    env: { ...baseEnv, DATABASE_PATH: dbPath, HOST: '127.0.0.1', PORT: String(port), NEXTAUTH_URL: base, COMPARE_MAX_DEPARTMENTS: '100', COMPARE_MAX_YEARS: String(years) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(server);
  try {
    await waitForHttp(`${base}/login`, 90_000);
    const rows = [];
    const row = (what, r, note = '') => rows.push({ what, ms: r.ms, status: r.status, note, rss: rssMb(server.pid) });
    const rssStart = rssMb(server.pid);

    const y = lastYear;
    // The server warms the trend and the default year's summary a second after start (off the
    // request path, apps/web/src/server/public-warm.ts): the first visitor 3 s after start.
    await new Promise((r) => setTimeout(r, 3000));
    const firstPage = await timed(`${base}/summary?year=${y - 3}`);
    row(`全区汇总 page ${y - 3}, first request 3 s after start (trend warmed at start) /summary?year=${y - 3}`, firstPage, `${(firstPage.bytes / 1024).toFixed(0)} kB`);
    row(`全区汇总 ${y} (after the start warm-up: list of ${reportCount} + sums) /api/open/summary?year=${y}`, await timed(`${base}/api/open/summary?year=${y}`));
    row(`全区汇总 ${y - 1} cold (list already loaded) /api/open/summary?year=${y - 1}`, await timed(`${base}/api/open/summary?year=${y - 1}`));
    const page = await timed(`${base}/summary?year=${y - 2}`);
    row(`全区汇总 page ${y - 2} cold /summary?year=${y - 2}`, page, `${(page.bytes / 1024).toFixed(0)} kB, gzip ${(page.gzip / 1024).toFixed(0)} kB`);
    const warm = [];
    for (let i = 0; i < 20; i++) warm.push((await timed(`${base}/summary?year=${y - 2}`)).ms);
    rows.push({ what: `全区汇总 page ${y - 2} warm (fast path), p50 of 20`, ms: percentile(warm, 50), status: 200, note: `p99 ${percentile(warm, 99).toFixed(1)} ms`, rss: rssMb(server.pid) });

    const home = await timed(`${base}/`);
    row('首页 home, latest year only, cold /', home, `${(home.bytes / 1024).toFixed(0)} kB, gzip ${(home.gzip / 1024).toFixed(0)} kB`);
    const home2 = await timed(`${base}/?year=${y - 1}&page=2`);
    row(`首页 home, a year's page 2, cold /?year=${y - 1}&page=2`, home2, `${(home2.bytes / 1024).toFixed(0)} kB, gzip ${(home2.gzip / 1024).toFixed(0)} kB`);

    const yearList = Array.from({ length: years }, (_, i) => lastYear - i);
    const compareUrl = `${base}/compare/csv?${[...departmentIds.map((d) => `d=${d}`), ...yearList.map((yy) => `y=${yy}`), 'f=all'].join('&')}`;
    const c1 = await timed(compareUrl);
    row(`对比 CSV ${departmentIds.length} bodies × ${years} years, first`, c1, `${(c1.bytes / 1024).toFixed(0)} kB`);
    row(`对比 CSV ${departmentIds.length} bodies × ${years} years, again`, await timed(compareUrl));

    // Search: department names and phrases of report text, each term once (index built on the first).
    const queries = [
      ...names.filter((_, i) => i % 10 === 0).map((n) => n.replace(/^陈仓区/, '').slice(0, 6)),
      ...texts.map((t) => t.slice(12, 20)),
      '行政许可',
      '信息处理费',
      '公安 户籍',
      '乡村振兴 补贴',
    ];
    const search = (q) => `${base}/api/trpc/public.search?input=${encodeURIComponent(JSON.stringify({ json: { q } }))}`;
    const first = await timed(search('数据局'));
    row('搜索 search, first (builds the index)', first);
    const api = [];
    let bad = 0;
    for (const q of [...queries, ...queries]) {
      const r = await timed(search(q));
      if (r.status !== 200) bad++;
      api.push(r.ms);
    }
    rows.push({ what: `搜索 search public.search, ${api.length} queries, p50`, ms: percentile(api, 50), status: bad ? `${bad} non-200` : 200, note: `p99 ${percentile(api, 99).toFixed(1)} ms`, rss: rssMb(server.pid) });
    const pageMs = [];
    let pageMaxBytes = 0;
    for (const q of queries.slice(0, 30)) {
      const r = await timed(`${base}/?q=${encodeURIComponent(q)}`);
      pageMs.push(r.ms);
      pageMaxBytes = Math.max(pageMaxBytes, r.bytes);
    }
    rows.push({ what: `搜索 search page /?q=, ${pageMs.length} queries, p50`, ms: percentile(pageMs, 50), status: 200, note: `p99 ${percentile(pageMs, 99).toFixed(1)} ms, largest ${(pageMaxBytes / 1024).toFixed(0)} kB`, rss: rssMb(server.pid) });

    // Warm every year's summary and home page, then read the memory.
    for (const yy of yearList) {
      await timed(`${base}/summary?year=${yy}`);
      await timed(`${base}/?year=${yy}`);
    }
    const rss = rssMb(server.pid);
    return { bodies, years, reportCount, generateSeconds, rows, rssStart, rss, searchP99: percentile(api, 99) };
  } finally {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
}
