/**
 * Create or migrate the portal database.
 *   npx tsx packages/db/src/cli/setup.ts
 * DATABASE_PATH  where the file lives (default <repo>/.data/portal.db)
 * SEED_DEMO=0    no demo district: settings and an admin account with a printed one-time password
 * SEED_NOW       ISO date the demo is built around (default now), for reproducible demos
 */
import { defaultDbPath } from '../client';
import { setupDatabase } from '../setup';

const now = process.env.SEED_NOW ? new Date(process.env.SEED_NOW) : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error(`SEED_NOW 不是有效日期：${process.env.SEED_NOW}`);
  process.exit(1);
}

const { db } = setupDatabase({
  path: defaultDbPath(),
  seedDemo: process.env.SEED_DEMO !== '0',
  now,
  log: (line) => console.log(line),
});
db.$client.close();
