import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from './client';
import { setupDatabase, type SetupResult } from './setup';

export type TestDb = {
  db: Db;
  path: string;
  setup: SetupResult;
  cleanup: () => void;
};

/**
 * A fresh database file in its own temp directory, migrated and (by default) seeded with the demo.
 * Every call is independent, so tests can run in parallel.
 */
export function createTestDb({ seedDemo = true, now }: { seedDemo?: boolean; now?: Date } = {}): TestDb {
  // Tests do not need a slow hash; a value set by the caller is kept.
  process.env.BCRYPT_COST ??= '4';
  const dir = mkdtempSync(join(tmpdir(), 'ccgov-db-'));
  const path = join(dir, 'portal.db');
  const setup = setupDatabase({ path, seedDemo, now });
  return {
    db: setup.db,
    path,
    setup,
    cleanup: () => {
      if (setup.db.$client.open) setup.db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
