/**
 * Runs in the browser before the app becomes interactive (Next.js instrumentation-client).
 *
 * The CSP allows no eval. zod 4 probes whether it may compile validators with `Function("")` the
 * first time it parses an object (the editor checks a report in the browser); the probe is caught,
 * but the browser still reports a CSP violation. Telling zod to stay "jitless" skips the probe.
 * zod keeps its settings on this global (what `z.config({ jitless: true })` writes); setting it
 * here, without importing zod, keeps zod out of the pages that do not use it.
 */
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
