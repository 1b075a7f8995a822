#!/usr/bin/env node
// npm run backup: one consistent online backup of the database into .data/backups/ (see README 安全与运维).
import { join } from 'node:path';
import { ROOT, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
process.exit(run(join(ROOT, 'node_modules/.bin/tsx'), ['packages/db/src/cli/backup.ts'], { allowFail: true }));
