import { randomInt } from 'node:crypto';
import { count } from 'drizzle-orm';
import { migrateDb, openDb, type Db } from './client';
import { hashPasswordSync } from './password';
import { settings, users } from './schema';
import { insertSettings, seedDemo, type SeedDemoResult } from './seed';

export type SetupOptions = {
  path: string;
  /** Demo district with accounts and reports; false = settings and one admin account only. */
  seedDemo: boolean;
  /** For the demo: decides the open year. Default: the current time. */
  now?: Date;
  log?: (line: string) => void;
};

export type SetupResult = {
  db: Db;
  /** False when the database was already set up: nothing was changed. */
  seeded: boolean;
  demo: SeedDemoResult | null;
  /** The initial admin password of a non-demo install; shown once, never stored in clear. */
  adminPassword: string | null;
};

// No 0/O, 1/l/I: the password is read off a terminal and typed in by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random initial password with upper and lower case letters, digits and a symbol. */
export function randomPassword(length = 16): string {
  const chars = Array.from({ length: length - 3 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  chars.push('ABCDEFGHJKLMNPQRSTUVWXYZ'[randomInt(24)]!, '23456789'[randomInt(8)]!, '@#%+='[randomInt(5)]!);
  // Fisher–Yates, so the guaranteed classes are not always at the end.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * Open and migrate the database; seed it if it is new (no settings yet). Safe to run on every
 * start: an existing database is only migrated. The check and the seed share one IMMEDIATE
 * transaction, so two processes starting together cannot both seed.
 */
export function setupDatabase(opts: SetupOptions): SetupResult {
  const log = opts.log ?? (() => {});
  const db = openDb(opts.path);
  migrateDb(db);

  // Hashed before the write lock is taken: bcrypt is slow by design.
  const adminPassword = opts.seedDemo ? null : randomPassword();
  const adminHash = adminPassword ? hashPasswordSync(adminPassword) : null;

  const outcome = db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(settings).get()!.n;
      if (existing > 0) return { seeded: false, demo: null };
      if (opts.seedDemo) return { seeded: true, demo: seedDemo(tx, { now: opts.now }) };
      insertSettings(tx);
      tx.insert(users)
        .values({ username: 'admin', displayName: '数据局管理员', passwordHash: adminHash!, role: 'admin', mustChangePassword: true })
        .run();
      return { seeded: true, demo: null };
    },
    { behavior: 'immediate' },
  );

  if (!outcome.seeded) {
    log(`数据库已初始化，未作改动：${opts.path}`);
    return { db, seeded: false, demo: null, adminPassword: null };
  }
  if (outcome.demo) {
    const d = outcome.demo;
    log(`已写入演示数据：${opts.path}`);
    log(`开放填报年度 ${d.openYear}，已发布年度 ${d.closedYears.join('、')}；演示账号 ${d.usernames.length} 个，密码均为 Demo@12345`);
    return { db, seeded: true, demo: d, adminPassword: null };
  }
  log(`已初始化数据库：${opts.path}`);
  log(`管理员账号 admin 的初始密码（只显示这一次，首次登录后须修改）：${adminPassword}`);
  return { db, seeded: true, demo: null, adminPassword };
}
