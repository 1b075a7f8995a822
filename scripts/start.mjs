#!/usr/bin/env node
// npm start: install, keep a secret, migrate and seed the database, build, and serve.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DATA_DIR, ROOT, ensureAuthSecret, ensureDependencies, log, run } from './lib.mjs';
import { serverArgs } from './server-args.mjs';

ensureDependencies();
const secret = ensureAuthSecret();
const port = process.env.PORT ?? '3000';
// Loopback only unless HOST says otherwise (HOST=0.0.0.0 serves the network directly; usually a
// reverse proxy on the same machine forwards to 127.0.0.1 and TRUST_PROXY=1 is set).
const host = process.env.HOST || '127.0.0.1';
const env = {
  DATABASE_PATH: process.env.DATABASE_PATH ?? join(DATA_DIR, 'portal.db'),
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secret,
  // Sign-in callbacks use the host the browser used (localhost, an intranet name or address).
  // scripts/serve.mjs drops X-Forwarded-Host from clients unless TRUST_PROXY is set, so this is
  // the Host header (or the trusted proxy's X-Forwarded-Host). NEXTAUTH_URL, when set, wins.
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true',
  HOST: host,
  PORT: port,
  NODE_ENV: 'production',
};
Object.assign(process.env, env);

log(`数据库 / database: ${env.DATABASE_PATH}`);
run(join(ROOT, 'node_modules/.bin/tsx'), ['packages/db/src/cli/setup.ts']);

log('构建 / building (turbo caches unchanged builds)…');
run(join(ROOT, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@ccgov/web', '--output-logs=errors-only']);

log(`启动 / serving http://${host.includes(':') ? `[${host}]` : host}:${port}${host === '127.0.0.1' ? '（仅本机；HOST=0.0.0.0 对外提供服务）' : ''}`);
const child = spawn(process.execPath, serverArgs(), {
  cwd: ROOT,
  env: process.env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
