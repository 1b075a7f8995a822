#!/usr/bin/env node
// npm run import -- [--dry-run] [--json] [--department CODE] [--year YYYY] FILE...: published reports and Word
// files into the portal (see packages/importer/src/cli/run.ts and the README).
import { join } from 'node:path';
import { ROOT, ensureDependencies, run } from './lib.mjs';

ensureDependencies();
process.exit(run(join(ROOT, 'node_modules/.bin/tsx'), ['packages/importer/src/cli/import.ts', ...process.argv.slice(2)], { allowFail: true }));
