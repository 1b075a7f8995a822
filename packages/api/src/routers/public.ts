import type { Context } from '../trpc';
import { createTRPCRouter, idInput, publicProcedure } from '../trpc';
import { getPublication, listPublished, publicListInput, publishedYears } from '../services/public';
import { buildSearchIndex, loadSearchDocs, searchInput, searchReports } from '../services/public-search';
import { summaryInput, summaryTrend, yearSummary } from '../services/public-summary';
import { ruleBook } from '../services/settings';
import { publicationCheck } from '../services/publication-check';

/**
 * Over HTTP these read through the public pages' cache (ctx.publicCache), under the same keys as
 * the pages' loaders (apps/web/src/server/public-data.ts), so an anonymous caller costs no more
 * than a page view. Keys stay bounded: list filters are applied to the one cached list, and a
 * failed load (unknown id or year) is never kept.
 */
const cached = <T>(ctx: Context, key: string, load: () => T): Promise<T> =>
  ctx.publicCache ? ctx.publicCache(key, async () => load()) : Promise.resolve(load());

export const searchIndexOf = (ctx: Context) => cached(ctx, 'search-index', () => buildSearchIndex(loadSearchDocs(ctx.db)));

/** What anyone may read without signing in: current, not withdrawn publications only. */
export const publicRouter = createTRPCRouter({
  list: publicProcedure.input(publicListInput).query(async ({ ctx, input }) => {
    const all = await cached(ctx, 'list', () => listPublished(ctx.db, undefined));
    return all.filter((r) => (input?.year == null || r.year === input.year) && (!input?.department || r.departmentName.includes(input.department)));
  }),
  years: publicProcedure.query(({ ctx }) => cached(ctx, 'years', () => publishedYears(ctx.db))),
  get: publicProcedure.input(idInput).query(({ ctx, input }) => cached(ctx, `report:${input.id}`, () => getPublication(ctx.db, input.id))),
  /** The full-text search of the home page: at most 100 hits, from the index built once per publish. */
  search: publicProcedure.input(searchInput).query(async ({ ctx, input }) => searchReports(await searchIndexOf(ctx), input.q)),
  summary: publicProcedure.input(summaryInput).query(({ ctx, input }) => cached(ctx, `summary:${input.year}`, () => yearSummary(ctx.db, input.year))),
  trend: publicProcedure.query(({ ctx }) => cached(ctx, 'trend', () => summaryTrend(ctx.db))),
  /** The checker's rule book (/rules): every rule with its severity as set now, and the rule-set version. */
  rules: publicProcedure.query(({ ctx }) => ruleBook(ctx.db)),
  /** 校验：通过 N 项规则（规则版本 X），M 项提示已说明 — computed from a publication's content. */
  check: publicProcedure.input(idInput).query(({ ctx, input }) => cached(ctx, `check:${input.id}`, () => publicationCheck(ctx.db, input.id))),
});
