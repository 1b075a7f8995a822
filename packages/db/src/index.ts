export * from './schema';
export * from './client';
export { hashPassword, verifyPassword } from './password';
export { setupDatabase, type SetupOptions, type SetupResult } from './setup';
export { and, asc, desc, eq, gt, gte, inArray, isNull, like, lt, ne, or, sql } from 'drizzle-orm';
