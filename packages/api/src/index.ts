export { appRouter, createCaller, type AppRouter } from './root';
export type { Context } from './trpc';
export { AppError } from './errors';
// Pure helpers the public pages run on cached data (no database access).
export { disclosureRates, formatRate, RATE_DEFINITIONS, sumContents, type Rate, type RateKey } from './services/public-summary';
export { normalizeSearch, searchReports, SEARCH_MAX_LENGTH, type SearchDoc, type SearchHit } from './services/public-search';
