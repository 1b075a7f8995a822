import { settings, type Db } from '@ccgov/db';

/** District settings with their defaults. */
export function readSettings(db: Db) {
  const rows = db.select().from(settings).all();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const signoffs = Number(map.get('required_signoffs') ?? '2');
  return {
    district: map.get('district') ?? '陈仓区',
    bureau: map.get('bureau') ?? '陈仓区数据局',
    requiredSignoffs: Number.isInteger(signoffs) && signoffs >= 1 && signoffs <= 3 ? signoffs : 2,
  };
}

// In packages/db (receipts.ts): the receipt check of the server and of the demo seed reads them.
export { loadSensitiveWords, previousYearReport } from '@ccgov/db';
