// Test support for child processes run with tsx (backup.test.ts): Node's own ESM loader imports
// next-auth's CommonJS provider modules as { default: fn }, where bundlers and vitest unwrap the
// default. Hand them over unwrapped, so the real @ccgov/auth code runs unchanged in a plain process.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function load(url, context, nextLoad) {
  if (/\\/next-auth\\/providers\\/[^/]+\\.js$/.test(url)) {
    const path = new URL(url).pathname;
    return {
      format: 'module',
      shortCircuit: true,
      source: 'import { createRequire } from "node:module"; const m = createRequire(' + JSON.stringify(url) + ')(' + JSON.stringify(path) + '); export default m.default ?? m;',
    };
  }
  return nextLoad(url, context);
}`),
);
