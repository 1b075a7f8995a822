#!/usr/bin/env node
// node scripts/abuse.mjs [URL] — tries what an attacker would, and prints what comes back and how fast:
//   1. a zip bomb uploaded to 管理 → 导入 (signed in as admin): 64 MB of zeros in a 64 KB .xlsx,
//      and one whose headers claim 1 000 bytes for 100 MB;
//   2. a 700-call tRPC batch (signed out and signed in);
//   3. a 200 MB body (declared by Content-Length, and chunked without one);
//   4. a deeply nested JSON body;
//   5. 50 wrong passwords for one account (ABUSE_USER, default fgj) — what the lockout answers;
//   6. 60 sign-ins with unknown usernames at once (60 bcrypt compares: the worker's queue);
//   7. 8 first-time PDF downloads at once, signed out (rendering in the PDF worker, the gate);
//   8. a cross-site POST (refused by the Proxy, audited);
// while a public page (/) is fetched over and over in parallel, and its latency is printed.
// A server started here hashes at the real bcrypt cost (ABUSE_BCRYPT_COST, default 10) and allows
// LOGIN_IP_MAX_FAILURES=1000 failures per address (all attacks come from 127.0.0.1; otherwise the
// address throttle would stop step 6 before any bcrypt ran).
// Without URL it starts the production build (NEXT_DIST_DIR, default .next) on a temporary demo
// database and a free loopback port, as scripts/bench.mjs does, and also prints the server's
// memory (RSS) before and after each attack. Node built-ins and fetch only. Not part of npm test.
//   ABUSE_ADMIN=admin ABUSE_PASSWORD=Demo@12345 ABUSE_USER=fgj
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { ROOT, freePort, log, waitForHttp } from './lib.mjs';
import { serverArgs } from './server-args.mjs';

const ADMIN = process.env.ABUSE_ADMIN ?? 'admin';
const PASSWORD = process.env.ABUSE_PASSWORD ?? 'Demo@12345';
const VICTIM = process.env.ABUSE_USER ?? 'fgj';

// ---------------------------------------------------------------------------------------------
// The server: the one given, or a production server on a temporary demo database.
// ---------------------------------------------------------------------------------------------
let base = process.argv[2]?.replace(/\/$/, '');
let server = null;
let tmp = null;
if (!base) {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const webDir = join(ROOT, 'apps/web');
  const bin = (name) => join(ROOT, 'node_modules/.bin', name);
  if (!existsSync(join(webDir, distDir, 'BUILD_ID'))) {
    console.error(`[abuse] 没有找到生产构建 ${distDir}：先运行 next build，或给出运行中的服务地址 / no build in ${distDir}`);
    process.exit(1);
  }
  tmp = mkdtempSync(join(tmpdir(), 'ccgov-abuse-'));
  const env = {
    ...process.env,
    DATABASE_PATH: join(tmp, 'portal.db'),
    BCRYPT_COST: process.env.ABUSE_BCRYPT_COST ?? '10',
    LOGIN_IP_MAX_FAILURES: process.env.LOGIN_IP_MAX_FAILURES ?? '1000',
    NEXT_DIST_DIR: distDir,
  };
  log('临时演示数据库 / temporary demo database…');
  if (spawnSync(bin('tsx'), ['packages/db/src/cli/setup.ts'], { cwd: ROOT, env, stdio: 'ignore' }).status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    console.error('[abuse] 数据库初始化失败 / database setup failed');
    process.exit(1);
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The production server as `npm start` runs it (body limit and public fast path in front of Next).
  server = spawn(process.execPath, serverArgs(env), {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: base },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHttp(`${base}/login`, 90_000);
  log(`服务已启动 / server up at ${base} (pid ${server.pid})`);
}
function stop() {
  if (server) {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    server = null;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

/** Resident memory of the server and its children, in MB (only for a server started here). */
function rssMb() {
  if (!server) return null;
  const pids = [server.pid];
  let total = 0;
  for (let i = 0; i < pids.length; i++) {
    try {
      const status = readFileSync(`/proc/${pids[i]}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${pids[i]}/task`)) {
        const kids = readFileSync(`/proc/${pids[i]}/task/${t}/children`, 'utf8').trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      /* gone */
    }
  }
  return Math.round(total / 1024);
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------
const ms = (t0) => Math.round(performance.now() - t0);
const short = (s) => String(s).replace(/\s+/g, ' ').slice(0, 140);
const results = [];
function report(name, outcome, t) {
  step = `after ${name}`;
  const mem = rssMb();
  results.push({ name, outcome, ms: t, mem });
  console.log(`${name.padEnd(34)} ${String(t).padStart(6)} ms  ${outcome}${mem != null ? `  [server RSS ${mem} MB]` : ''}`);
}

/** The message of a tRPC answer (error or not), for printing. */
async function trpcOutcome(res) {
  const text = await res.text();
  try {
    const json = JSON.parse(text);
    const one = Array.isArray(json) ? json[0] : json;
    if (one?.error) return `${res.status} ${one.error.json?.message ?? one.error.message}${Array.isArray(json) ? ` (${json.length} answers)` : ''}`;
    return `${res.status} ok${Array.isArray(json) ? ` (${json.length} answers, ${text.length} bytes)` : ` (${text.length} bytes)`}`;
  } catch {
    return `${res.status} ${short(text)}`;
  }
}

let cookies = new Map();
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
function keepCookies(res) {
  for (const c of res.headers.getSetCookie?.() ?? []) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    cookies.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** Sign in through next-auth's credentials endpoint; returns the answer's outcome text. */
async function signIn(username, password, jar = true) {
  const saved = cookies;
  if (!jar) cookies = new Map();
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookieHeader() } });
  keepCookies(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(), origin: base, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true', callbackUrl: `${base}/home` }),
  });
  keepCookies(res);
  const location = res.headers.get('location') ?? (await res.text().then((t) => { try { return JSON.parse(t).url; } catch { return short(t); } }));
  if (!jar) cookies = saved;
  return { status: res.status, location: String(location ?? '') };
}

/** Sign in with a cookie jar of its own (safe to run many at once). */
async function signInAlone(username, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(), origin: base, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true', callbackUrl: `${base}/home` }),
  });
  const text = await res.text();
  let location = res.headers.get('location') ?? '';
  try {
    location ||= JSON.parse(text).url ?? '';
  } catch {
    location ||= short(text);
  }
  return { status: res.status, location: String(location) };
}

// A zip of one entry (written here with zlib, for the test only).
function zipOf(name, content, claimedSize = content.length) {
  const data = deflateRawSync(content, { level: 9 });
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

const trpcPost = (path, body, extra = {}) =>
  fetch(`${base}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieHeader(), origin: base, 'sec-fetch-site': 'same-origin', ...extra },
    body,
  });

/** A raw HTTP POST of `total` bytes (declared or chunked); stops sending once the answer comes. */
function hugePost(path, total, declare) {
  return new Promise((resolve) => {
    const u = new URL(path, base);
    const headers = { 'content-type': 'application/json', cookie: cookieHeader(), origin: base, 'sec-fetch-site': 'same-origin' };
    if (declare) headers['content-length'] = String(total);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers });
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode, body, sent });
      });
    });
    req.on('error', (e) => {
      if (!answered) resolve({ status: 0, body: e.message, sent });
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

// ---------------------------------------------------------------------------------------------
// The public page, fetched in parallel the whole time.
// ---------------------------------------------------------------------------------------------
const latencies = [];
let probing = true;
/** The attack under way, so each slow answer of / can be put down to one. */
let step = 'start';
async function probe() {
  while (probing) {
    const t0 = performance.now();
    const during = step;
    try {
      const res = await fetch(`${base}/`);
      await res.arrayBuffer();
      latencies.push({ ms: performance.now() - t0, ok: res.ok, step: during });
    } catch {
      latencies.push({ ms: performance.now() - t0, ok: false, step: during });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

try {
  await (await fetch(`${base}/`)).arrayBuffer(); // warm the cache as a first reader would
  const idle = rssMb();
  if (idle != null) console.log(`server RSS at idle: ${idle} MB`);
  const prober = probe();

  // 1. Zip bombs, as admin.
  const signedIn = await signIn(ADMIN, PASSWORD);
  report('sign in as admin', `${signedIn.status} ${signedIn.location}`, 0);
  for (const [name, zip] of [
    ['zip bomb 64 MB of zeros', zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024))],
    ['zip bomb lying header (100 MB)', zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(100 * 1024 * 1024), 1000)],
  ]) {
    const body = JSON.stringify({ json: { file: zip.toString('base64') } });
    const t0 = performance.now();
    const res = await trpcPost('admin.importDirectory', body);
    report(`${name} (${Math.round(zip.length / 1024)} KB)`, await trpcOutcome(res), ms(t0));
  }

  // 2. A 700-call batch.
  const batch = (n) => `${base}/api/trpc/${Array(n).fill('public.list').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify({}))}`;
  {
    let t0 = performance.now();
    let res = await fetch(batch(700));
    report('700-call batch, signed out', await trpcOutcome(res), ms(t0));
    t0 = performance.now();
    res = await fetch(batch(700), { headers: { cookie: cookieHeader() } });
    report('700-call batch, signed in', await trpcOutcome(res), ms(t0));
    t0 = performance.now();
    res = await fetch(batch(2));
    report('2-call batch, signed out', await trpcOutcome(res), ms(t0));
  }

  // 3. 200 MB bodies.
  for (const declare of [true, false]) {
    const t0 = performance.now();
    const r = await hugePost('/api/trpc/department.save', 200 * 1024 * 1024, declare);
    let msg = r.body;
    try {
      msg = JSON.parse(r.body).error.json.message;
    } catch {
      /* not tRPC */
    }
    report(`200 MB body, ${declare ? 'Content-Length' : 'chunked'}`, `${r.status} ${short(msg)} (sent ${Math.round(r.sent / 1024 / 1024)} MB before the answer)`, ms(t0));
  }

  // 4. Deep JSON.
  {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const t0 = performance.now();
    const res = await trpcPost('department.save', `{"json":${deep}}`);
    report('JSON nested 200 000 deep', await trpcOutcome(res), ms(t0));
  }

  // 5. 50 wrong passwords for one account.
  {
    const t0 = performance.now();
    const seen = new Map();
    let slowest = 0;
    for (let i = 0; i < 50; i++) {
      const t1 = performance.now();
      const r = await signIn(VICTIM, `wrong-${i}`, false);
      slowest = Math.max(slowest, ms(t1));
      const key = `${r.status} ${decodeURIComponent(r.location).replace(base, '')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    report(`50 wrong passwords for ${VICTIM}`, [...seen].map(([k, n]) => `${n}× ${short(k)}`).join(' | ') + ` (slowest ${slowest} ms)`, ms(t0));
    const right = await signIn(VICTIM, PASSWORD, false);
    report(`then the right password for ${VICTIM}`, `${right.status} ${short(decodeURIComponent(right.location).replace(base, ''))}`, 0);
  }

  // 6. Many sign-ins at once, each a bcrypt compare (unknown usernames: one each, no lock yet).
  {
    const t0 = performance.now();
    const seen = new Map();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signInAlone(`nobody${i}x`, `wrong-${i}`)));
    for (const r of answers) {
      const key = `${r.status} ${decodeURIComponent(r.location).replace(base, '')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    report('60 sign-ins at once (bcrypt)', [...seen].map(([k, n]) => `${n}× ${short(k)}`).join(' | '), ms(t0));
  }

  // 7. First-time PDF renders, signed out, all at once.
  {
    const list = await (await fetch(`${base}/api/open/reports`)).json();
    const ids = list.reports.slice(0, 8).map((r) => r.id);
    const t0 = performance.now();
    const statuses = await Promise.all(
      ids.map(async (id) => {
        const res = await fetch(`${base}/reports/${id}/pdf`);
        const bytes = await res.arrayBuffer();
        return `${res.status}${res.ok ? '' : ` ${short(new TextDecoder().decode(bytes))}`}`;
      }),
    );
    const counts = new Map();
    for (const st of statuses) counts.set(st, (counts.get(st) ?? 0) + 1);
    report(`${ids.length} PDF downloads at once`, [...counts].map(([k, n]) => `${n}× ${k}`).join(' | '), ms(t0));
  }

  // 8. A cross-site POST.
  {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/trpc/department.save`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' });
    report('cross-site POST', `${res.status} ${short(await res.text())}`, ms(t0));
  }

  probing = false;
  await prober;
  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
  console.log(
    `\npublic page / during the attacks: ${latencies.length} requests, ${latencies.filter((l) => !l.ok).length} failed, ` +
      `p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${Math.round(sorted.at(-1) ?? NaN)} ms`,
  );
  // The slowest answers of / and what was going on when each was asked for.
  const slow = [...latencies].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`slowest: ${slow.map((l) => `${Math.round(l.ms)} ms (${l.step})`).join(', ')}`);
} catch (e) {
  console.error(`[abuse] failed: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
} finally {
  probing = false;
  stop();
}
