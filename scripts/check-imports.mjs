#!/usr/bin/env node
// Import rules between packages (run as each package's `lint`):
//   report: zod only (the domain knows no framework, database or web code)
//   db:     report, drizzle, better-sqlite3, bcryptjs
//   auth:   db, report, next-auth, zod
//   api:    report, db, auth, excel, importer, @trpc/server, superjson, zod (importer: 管理 → 导入历史报告 and 从 Word 文件导入 read files on the server)
//   excel:  report, exceljs, fflate and jszip (spreadsheets in and out, the upload zip guard; knows no database)
//   documents: report, pdfkit, docx, zod, jszip (PDF, Word, CSV and JSON of a report, the open-data schemas
//             and OpenAPI description, a year's bulk ZIP; knows no database)
//   importer: report, node-html-parser, mammoth (published reports and Word files read into the format; no database —
//             its command line under src/cli/ may use the other packages)
//   web:    anything, but packages never import from apps
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

const ALLOWED = {
  report: ['zod'],
  db: ['@ccgov/report', 'drizzle-orm', 'better-sqlite3', 'bcryptjs'],
  auth: ['@ccgov/db', '@ccgov/report', 'next-auth', 'zod'],
  api: ['@ccgov/report', '@ccgov/db', '@ccgov/auth', '@ccgov/excel', '@ccgov/importer', '@trpc/server', 'superjson', 'zod'],
  excel: ['@ccgov/report', 'exceljs', 'fflate', 'jszip'],
  documents: ['@ccgov/report', 'pdfkit', 'docx', 'zod', 'jszip'],
  importer: ['@ccgov/report', 'node-html-parser', 'mammoth'],
};
const TEST_ONLY = ['vitest', 'drizzle-kit', 'pdfjs-dist', 'jszip', 'fflate', 'saxes', 'docx', 'esbuild'];

const pkgDir = process.cwd();
const name = basename(pkgDir);
const allowed = ALLOWED[name];
if (!allowed) process.exit(0); // apps may import anything

function* files(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (f === 'node_modules') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(f)) yield p;
  }
}

const problems = [];
for (const file of files(join(pkgDir, 'src'))) {
  const isTest = /\.test\.ts$|testing\.ts$|\.fixture\.ts$|\/cli\//.test(file);
  const src = readFileSync(file, 'utf8');
  const specs = [
    ...src.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gm),
    ...src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...src.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  for (const spec of specs) {
    if (spec.startsWith('.') || spec.startsWith('node:')) continue;
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (allowed.includes(pkg) || (isTest && (TEST_ONLY.includes(pkg) || pkg.startsWith('@ccgov/')))) continue;
    problems.push(`${file}: packages/${name} may not import '${spec}'`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
