import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The source IP of the request being served, for audit lines written deep inside use cases
 * (e.g. the workflow's transition) that are not handed the tRPC context. Set once per call by the
 * base procedure; null outside a request (seed, scripts, tests without an IP).
 */
const store = new AsyncLocalStorage<{ ip: string | null }>();

export function runWithRequestIp<T>(ip: string | null, fn: () => T): T {
  return store.run({ ip }, fn);
}

export function currentRequestIp(): string | null {
  return store.getStore()?.ip ?? null;
}
