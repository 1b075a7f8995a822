export { appRouter, createCaller, type AppRouter } from './root';
export type { Context } from './trpc';
export { AppError } from './errors';
// 截止提醒: the 7/3/1-day deadline notices (the server's hourly sweep; idempotent).
export { ensureDeadlineNotices } from './services/deadlines';
// 历史导入: the original file of a current imported publication (the public download route).
export { importSourceFile } from './services/import-files';
// Pure helpers the public pages run on cached data (no database access).
export {
  buildSearchIndex,
  loadSearchDocs,
  normalizeSearch,
  searchQueryProblem,
  searchReports,
  SEARCH_MAX_LENGTH,
  SEARCH_MAX_TERMS,
  type SearchDoc,
  type SearchHit,
  type SearchIndex,
} from './services/public-search';
// 全区汇总's default year, chosen from the cached trend by today's date.
export { pickSummaryYear, type TrendYear } from './services/public-summary';
export { publishedContents } from './services/public';
// A cross-site request refused by the web app's Proxy, written to the audit log (throttled).
export { auditCrossSiteRefusal, CROSS_SITE_ACTION } from './services/refusal-audit';
// The HTTP endpoint with its request limits (batch size, body size, JSON depth).
export { handleTrpcRequest, httpLimits, jsonTooDeep, type HttpLimits } from './http';
// 报送稿扫描件: the upload and download routes, as functions of a Request.
export { scanDownloadResponse, scanUploadResponse, routeId, type ScanRouteContext } from './scan-http';
export { MAX_SCAN_BYTES } from './services/scans';
// The cap on concurrent expensive anonymous requests (PDF, Word, compare, search).
export { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, createGate, expensiveLimit, type Gate } from './gate';
