import { createSession, loadSessionUser } from '@ccgov/auth';
import { createTestDb, type TestDb } from '@ccgov/db/testing';
import { and, departments, eq, reports, users, type Db } from '@ccgov/db';
import { createCaller } from './root';

export type Harness = TestDb & {
  as: (username: string | null) => ReturnType<typeof createCaller>;
  reportId: (code: string, year: number) => number;
  report: (id: number) => typeof reports.$inferSelect;
  openYear: number;
};

/** A seeded temporary database and tRPC callers acting as any demo account. */
export function harness(): Harness {
  const t = createTestDb();
  const as = (username: string | null) => {
    if (username === null) return createCaller({ db: t.db, user: null, ip: '127.0.0.1' });
    const u = t.db.select().from(users).where(eq(users.username, username)).get();
    if (!u) throw new Error(`no demo user ${username}`);
    // A fresh server-side session, as a real sign-in would open.
    const sid = createSession(t.db, u.id, { ip: '127.0.0.1', userAgent: 'vitest' });
    return createCaller({ db: t.db, user: loadSessionUser(t.db, { uid: u.id, sv: u.sessionVersion, sid }), ip: '127.0.0.1' });
  };
  const reportId = (code: string, year: number) => {
    const row = t.db
      .select({ id: reports.id })
      .from(reports)
      .innerJoin(departments, eq(departments.id, reports.departmentId))
      .where(and(eq(departments.code, code), eq(reports.year, year)))
      .get();
    if (!row) throw new Error(`no report ${code} ${year}`);
    return row.id;
  };
  const report = (id: number) => t.db.select().from(reports).where(eq(reports.id, id)).get()!;
  return { ...t, as, reportId, report, openYear: t.setup.demo?.openYear ?? new Date().getFullYear() };
}

export function userId(db: Db, username: string): number {
  return db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
}
