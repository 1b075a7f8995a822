import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serverArgs } from '../../scripts/server-args.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not start at ${url}`);
}

/** A fresh demo database and a production server on a free port, for this run only. */
export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'ccgov-e2e-'));
  const dbPath = join(dir, 'portal.db');
  const env = { ...process.env, DATABASE_PATH: dbPath, BCRYPT_COST: '8', NEXT_TELEMETRY_DISABLED: '1' };
  const setup = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['packages/db/src/cli/setup.ts'], { cwd: ROOT, env, stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('database setup failed');

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // The production server as `npm start` runs it (scripts/serve.mjs: forwarding headers from
  // clients are dropped, TRUST_PROXY is off).
  const server = spawn(process.execPath, serverArgs(env), {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production', NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: baseURL, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(join(dir, 'server.pid'), String(server.pid));
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATABASE_PATH = dbPath;
  process.env.E2E_TMP_DIR = dir;
  await waitFor(`${baseURL}/login`, 90_000);
}
