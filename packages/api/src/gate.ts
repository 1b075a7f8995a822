/**
 * A small semaphore for expensive anonymous work (rendering a PDF or Word file, comparing many
 * reports, searching). At most `limit()` such requests run at once; one more is refused at once
 * (the route answers 503 with Retry-After) instead of queueing behind the others, so the server
 * keeps answering everyone else. A caller for whom `bypass()` says yes (signed in) is never
 * refused and not counted: the bureau's work goes on while crawlers wait.
 */
export type Gate = {
  run<T>(work: () => Promise<T>, bypass?: () => Promise<boolean>): Promise<{ ok: true; value: T } | { ok: false }>;
  readonly active: number;
};

export function createGate(limit: () => number): Gate {
  let active = 0;
  return {
    get active() {
      return active;
    },
    async run(work, bypass) {
      if (active >= limit()) {
        // Only when full is the session looked at: the common path costs nothing.
        if (bypass && (await bypass().catch(() => false))) return { ok: true, value: await work() };
        return { ok: false };
      }
      active++;
      try {
        return { ok: true, value: await work() };
      } finally {
        active--;
      }
    },
  };
}

/** Setting PUBLIC_EXPENSIVE_CONCURRENCY (default 4). */
export function expensiveLimit(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.PUBLIC_EXPENSIVE_CONCURRENCY);
  return Number.isInteger(n) && n > 0 ? n : 4;
}

export const BUSY_MESSAGE = '当前访问人数较多，请稍后再试';
export const BUSY_RETRY_AFTER_SECONDS = 5;
