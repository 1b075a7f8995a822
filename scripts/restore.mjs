#!/usr/bin/env node
// npm run restore -- FILE: put a backup in place of the database of a stopped portal (see README 安全与运维).
import { join, resolve } from 'node:path';
import { ROOT, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
process.exit(run(join(ROOT, 'node_modules/.bin/tsx'), ['packages/db/src/cli/restore.ts', ...process.argv.slice(2).map((a) => resolve(process.env.INIT_CWD ?? process.cwd(), a))], { allowFail: true }));
