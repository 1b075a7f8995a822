export * from './schema';
export * from './client';
// 回执 and the stored-report check both the server and the demo seed use (server-only, like the rest).
export * from './receipts';
export { hashPassword, verifyPassword, passwordPool } from './password';
// A full worker queue refuses with 「服务器繁忙，请稍后再试」 (BusyError; see @ccgov/report/offload).
export { BusyError, isBusyError, BUSY_MESSAGE } from '@ccgov/report/offload';
export { setupDatabase, type SetupOptions, type SetupResult } from './setup';
export { and, asc, desc, eq, gt, gte, inArray, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
