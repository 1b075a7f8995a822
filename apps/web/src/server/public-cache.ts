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
}
