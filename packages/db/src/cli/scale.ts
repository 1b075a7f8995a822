/**
 * Write the bench's generated district into a new database file (see seed/scale.ts).
 *   DATABASE_PATH=/tmp/x.db npx tsx packages/db/src/cli/scale.ts [BODIES] [YEARS] [LAST_YEAR]
 * Defaults: 2000 bodies × 10 years ending with 2025. Refuses a database that already has bodies.
 */
import { count } from 'drizzle-orm';
import { defaultDbPath } from '../client';
import { departments } from '../schema';
import { seedScale } from '../seed/scale';
import { setupDatabase } from '../setup';

const [bodies = 2000, years = 10, lastYear = 2025] = process.argv.slice(2).map(Number);
const path = defaultDbPath();
const { db } = setupDatabase({ path, seedDemo: false });
if (db.select({ n: count() }).from(departments).get()!.n > 0) {
  console.error(`数据库中已有部门，未写入：${path}`);
  process.exit(1);
}
const t = Date.now();
const r = seedScale(db, { bodies, years, lastYear });
console.log(`已生成 ${r.bodies} 个主体 × ${r.years.length} 个年度（${r.years[0]}–${r.years.at(-1)}），共 ${r.reports} 份已发布报告，用时 ${((Date.now() - t) / 1000).toFixed(1)} 秒：${path}`);
db.$client.close();
