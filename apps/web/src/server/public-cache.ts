import 'server-only';

/**
 * Public pages read published reports through this in-process cache, so a reader is served from
 * memory instead of the database. Any publish, correction or withdrawal clears it (see
 * makeContext.onPublicChange), so nobody sees a stale state after a change. Kept on globalThis
 * because Next may load this module once per route bundle.
 */
type Store = { entries: Map<string, Promise<unknown>> };
const KEY = Symbol.for('ccgov.publicCache');
const store: Store = ((globalThis as Record<symbol, unknown>)[KEY] as Store | undefined) ?? { entries: new Map() };
(globalThis as Record<symbol, unknown>)[KEY] = store;

export function cachedPublic<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = store.entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const p = load().catch((err) => {
    store.entries.delete(key);
    throw err;
  });
  store.entries.set(key, p);
  return p;
}

/**
 * The rendered bytes the server's fast path keeps (scripts/public-pages.mjs, same process): cleared
 * with the data, and its generation bumped so a render that started before a change is not kept.
 */
type PageStore = { pages: Map<string, unknown>; generation: number };
const PAGES_KEY = Symbol.for('ccgov.publicPages');

export function clearPublicCache(): void {
  store.entries.clear();
  const g = globalThis as Record<symbol, unknown>;
  const pages = (g[PAGES_KEY] as PageStore | undefined) ?? { pages: new Map(), generation: 0 };
  g[PAGES_KEY] = pages;
  pages.pages.clear();
  pages.generation++;
  schedulePublicWarmUp();
}

/**
 * The costly public answers (the 全区汇总 trend sums every year once: ~1 s at 2,000 bodies × 10
 * years) are computed again off the request path after a change and at start (server/public-warm.ts
 * registers the work from instrumentation.ts), so the first visitor finds them warm. Coalesced: a
 * burst of changes (a batch publish) schedules one warm-up; never awaited by whoever changed data.
 */
type Warm = { run: (() => Promise<void>) | null; timer: ReturnType<typeof setTimeout> | null };
const WARM_KEY = Symbol.for('ccgov.publicWarmUp');
function warmState(): Warm {
  const g = globalThis as Record<symbol, unknown>;
  return ((g[WARM_KEY] as Warm | undefined) ?? (g[WARM_KEY] = { run: null, timer: null })) as Warm;
}

export function setPublicWarmUp(run: () => Promise<void>): void {
  warmState().run = run;
}

export function schedulePublicWarmUp(delayMs = 50): void {
  const w = warmState();
  if (!w.run || w.timer) return;
  w.timer = setTimeout(() => {
    w.timer = null;
    w.run?.().catch((err) => console.error(`[portal] 公开页面预热失败 / public warm-up failed: ${(err as Error).message}`));
  }, delayMs);
  w.timer.unref?.();
}
