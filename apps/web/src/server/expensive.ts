import 'server-only';
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, createGate, expensiveLimit, type Gate } from '@ccgov/api';
import { currentUser } from './session';

/**
 * One gate per server process (kept on globalThis: Next may load this module once per route
 * bundle) for the expensive public work: PDF and Word files, compare, search, the all-reports CSV.
 * Signed-in callers pass even when it is full.
 */
const KEY = Symbol.for('ccgov.expensiveGate');
const gate: Gate = ((globalThis as Record<symbol, unknown>)[KEY] as Gate | undefined) ?? createGate(() => expensiveLimit());
(globalThis as Record<symbol, unknown>)[KEY] = gate;

const signedIn = async () => (await currentUser()) != null;

/** The work's value, or null when too many anonymous expensive requests are running. */
export async function expensive<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
  const r = await gate.run(work, signedIn);
  return r.ok ? { value: r.value } : null;
}

/** 503 with Retry-After, for a route refused by the gate. */
export function busyResponse(): Response {
  return new Response(`${BUSY_MESSAGE}（约${BUSY_RETRY_AFTER_SECONDS}秒后）`, {
    status: 503,
    headers: {
      'retry-after': String(BUSY_RETRY_AFTER_SECONDS),
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}

export { BUSY_MESSAGE };
