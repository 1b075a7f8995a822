#!/usr/bin/env node
// npm test: install, check types and import rules, run unit and integration tests, build the
// production app and run the browser tests against it. Ends with the plain tally.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, log, run } from './lib.mjs';

ensureDependencies();
ensureChromium();

const out = join(ROOT, '.data', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

let failedSteps = [];

log('类型检查与依赖规则 / typecheck and import rules…');
if (run(bin('turbo'), ['run', 'typecheck', 'lint', '--concurrency=2', '--output-logs=errors-only'], { allowFail: true }) !== 0) failedSteps.push('typecheck/lint');

log('单元测试与集成测试 / unit and integration tests…');
const vitestJson = join(out, 'vitest.json');
if (run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { allowFail: true }) !== 0) failedSteps.push('vitest');

log('构建生产版本 / production build…');
const buildOk = run(bin('turbo'), ['run', 'build', '--filter=@ccgov/web', '--output-logs=errors-only'], { allowFail: true }) === 0;
if (!buildOk) failedSteps.push('build');

const pwJson = join(out, 'playwright.json');
if (buildOk) {
  log('浏览器测试 / browser tests (Playwright, production build)…');
  if (run(bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], { allowFail: true, env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson } }) !== 0) failedSteps.push('playwright');
}

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numTotalTestSuites && v.success === false && !v.numFailedTests ? 1 : 0);
} else failed += 1;
if (existsSync(pwJson)) {
  const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
} else if (buildOk) failed += 1;
if (failedSteps.includes('typecheck/lint') || failedSteps.includes('build')) failed += 1;

if (failedSteps.length) console.log(`[portal] 未通过的步骤 / failing steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
