// The bench's write path (scripts/bench.mjs): every department clerk of the demo at once, each
// signed in over HTTP through next-auth's credentials flow (GET /api/auth/csrf, then POST
// /api/auth/callback/credentials with its cookie), creating its report of a new reporting year,
// autosaving the draft every SAVE_EVERY_MS for WRITE_SECONDS and then submitting it, as the
// editor does (tRPC department.save / department.submit). Afterwards the database file is read
// with better-sqlite3: a save the server acknowledged must be there (the report's version, the
// audit line of each save, and the last saved figure), or it counts as lost.
//
// Sign-in throttling (packages/auth) counts failed attempts only (LOGIN_IP_MAX_FAILURES per
// source address in 15 minutes, 5 per account): 47 correct passwords from one address are not
// throttled. Should that change, set LOGIN_IP_MAX_FAILURES for the bench's server, or spread the
// sign-ins (BENCH_SIGNIN_CONCURRENCY, default 4).
import Database from 'better-sqlite3';

const SAVE_EVERY_MS = 2000;
const SIGNIN_CONCURRENCY = Number(process.env.BENCH_SIGNIN_CONCURRENCY ?? 4);

/** A small cookie jar: name → value from Set-Cookie lines. */
function jar() {
  const cookies = new Map();
  return {
    take(res) {
      for (const line of res.headers.getSetCookie?.() ?? []) {
        const [pair] = line.split(';');
        const i = pair.indexOf('=');
        cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
      }
    },
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    has: (name) => cookies.has(name),
  };
}

async function signIn(base, username, password) {
  const cookies = jar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  cookies.take(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header(), origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/dept`, json: 'true' }),
  });
  cookies.take(res);
  if (!cookies.has('next-auth.session-token')) throw new Error(`sign-in of ${username} failed: HTTP ${res.status}`);
  return cookies;
}

async function trpc(base, cookies, path, input, method = 'POST') {
  const url = method === 'GET' ? `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : `${base}/api/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { cookie: cookies.header(), 'content-type': 'application/json', origin: base },
    body: method === 'GET' ? undefined : JSON.stringify({ json: input }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text).result.data.json;
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * A complete report for the bench year: the clerk's own report of the year before the open one
 * (published, so it passes the checker), its years moved on and its opening the standard one.
 */
function benchContent(published, fromYear, toYear, opening) {
  const c = structuredClone(published);
  const move = (s) => s.replaceAll(`${fromYear}年`, `${toYear}年`);
  c.opening = opening || move(c.opening);
  c.overview = Object.fromEntries(Object.entries(c.overview).map(([k, v]) => [k, move(v)]));
  c.problems = move(c.problems);
  c.other = move(c.other);
  return c;
}

async function pool(items, n, work) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/** Run the write path against `base` on the database at `dbPath`; returns the table rows. */
export async function benchWrite({ base, dbPath, password, seconds = Number(process.env.BENCH_WRITE_SECONDS ?? 20), log = console.log }) {
  const db = new Database(dbPath);
  const [{ year: openYear }] = db.prepare('SELECT MAX(year) AS year FROM reporting_years WHERE open = 1').all();
  const year = openYear + 1;
  // A new reporting year for the whole district to file at once (nothing of it exists yet).
  db.prepare('INSERT OR IGNORE INTO reporting_years (year, legal_deadline, internal_deadline, open) VALUES (?, ?, NULL, 1)').run(year, `${year + 1}-01-31`);
  const clerks = db
    .prepare(
      `SELECT u.username, u.department_id AS departmentId, p.content FROM users u
       JOIN publications p ON p.department_id = u.department_id AND p.year = ? AND p.current = 1 AND p.withdrawn_at IS NULL
       WHERE u.role = 'department' AND u.active = 1 ORDER BY u.id`,
    )
    .all(openYear - 1)
    .map((r) => ({ ...r, content: JSON.parse(r.content) }));
  db.close();

  log(`写入路径 / write path: ${clerks.length} clerks sign in…`);
  const sessions = await pool(clerks, SIGNIN_CONCURRENCY, async (c) => {
    const cookies = await signIn(base, c.username, password);
    const { id } = await trpc(base, cookies, 'department.create', { year, copyText: true });
    const own = await trpc(base, cookies, 'department.get', { id }, 'GET');
    const report = own.report ?? own;
    return { ...c, cookies, id, version: report.version, content: benchContent(c.content, openYear - 1, year, report.content?.opening) };
  });

  log(`写入路径 / write path: ${sessions.length} clerks autosave every ${SAVE_EVERY_MS / 1000}s for ${seconds}s, then submit…`);
  const saveMs = [];
  const submitMs = [];
  const errors = [];
  const started = Date.now();
  await Promise.all(
    sessions.map(async (s, i) => {
      s.saved = 0;
      // Spread over the first interval, as clerks do not type in step.
      await new Promise((r) => setTimeout(r, Math.round((i / sessions.length) * SAVE_EVERY_MS)));
      while (Date.now() - started < seconds * 1000) {
        const tick = Date.now();
        const content = structuredClone(s.content);
        content.proactive.licensing.decisions = (content.proactive.licensing.decisions ?? 0) + s.saved + 1;
        try {
          const r = await trpc(base, s.cookies, 'department.save', { id: s.id, version: s.version, content });
          saveMs.push(Date.now() - tick);
          s.version = r.version;
          s.saved++;
          s.lastLicensing = content.proactive.licensing.decisions;
          s.content = content;
        } catch (e) {
          errors.push(`save ${s.username}: ${e.message}`);
        }
        await new Promise((r) => setTimeout(r, Math.max(0, SAVE_EVERY_MS - (Date.now() - tick))));
      }
      const tick = Date.now();
      try {
        const r = await trpc(base, s.cookies, 'department.submit', { id: s.id, version: s.version });
        submitMs.push(Date.now() - tick);
        s.submitted = true;
        s.version = r.version;
      } catch (e) {
        errors.push(`submit ${s.username}: ${e.message}`);
      }
    }),
  );

  // What the database holds now, for every save the server acknowledged.
  const check = new Database(dbPath, { readonly: true });
  let lost = 0;
  for (const s of sessions) {
    const row = check.prepare('SELECT version, status, content FROM reports WHERE id = ?').get(s.id);
    const audited = check.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'report.save' AND target = ?").get(`report:${s.id}`).n;
    const content = JSON.parse(row.content);
    const versionsSaved = row.version - 1 - (s.submitted ? 1 : 0);
    const missing = Math.max(0, s.saved - versionsSaved, s.saved - audited) + (s.saved > 0 && content.proactive.licensing.decisions !== s.lastLicensing ? 1 : 0);
    lost += missing;
  }
  check.close();
  const submitted = sessions.filter((s) => s.submitted).length;
  for (const e of errors.slice(0, 5)) log(`  ${e}`);
  return {
    clerks: sessions.length,
    year,
    saves: saveMs.length,
    submitted,
    errors: errors.length,
    lost,
    rows: [
      { what: '自动保存 autosave (department.save)', n: saveMs.length, p50: percentile(saveMs, 50), p99: percentile(saveMs, 99), max: percentile(saveMs, 100) },
      { what: '提交 submit (department.submit)', n: submitMs.length, p50: percentile(submitMs, 50), p99: percentile(submitMs, 99), max: percentile(submitMs, 100) },
    ],
  };
}
