import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './client';
import { verifyPassword } from './password';
import { randomPassword, setupDatabase } from './setup';
import { departments, reports, settings, users } from './schema';

const here = dirname(fileURLToPath(import.meta.url));
const NOW = new Date('2026-11-27T10:00:00+08:00');

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccgov-setup-'));
  dirs.push(dir);
  return join(dir, 'portal.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table, so "changes nothing" can be compared exactly. */
function snapshot(path: string): Record<string, unknown[]> {
  const db = openDb(path);
  const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
  const out = Object.fromEntries(tables.map((t) => [t, db.$client.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  db.$client.close();
  return out;
}

describe('setupDatabase', () => {
  it('seeds the demo once; a second run changes nothing', () => {
    const path = tempPath();
    const first = setupDatabase({ path, seedDemo: true, now: NOW });
    expect(first.seeded).toBe(true);
    expect(first.demo?.openYear).toBe(2026);
    first.db.$client.close();
    const before = snapshot(path);

    const lines: string[] = [];
    const second = setupDatabase({ path, seedDemo: true, now: new Date('2027-03-01T00:00:00+08:00'), log: (l) => lines.push(l) });
    expect(second.seeded).toBe(false);
    expect(second.adminPassword).toBeNull();
    second.db.$client.close();
    expect(snapshot(path)).toEqual(before);
    expect(lines.join('\n')).toContain('未作改动');
  });

  it('without the demo creates only the settings and an admin who must change a printed password', async () => {
    const path = tempPath();
    const lines: string[] = [];
    const result = setupDatabase({ path, seedDemo: false, log: (l) => lines.push(l) });
    const { db } = result;
    const all = db.select().from(users).all();
    expect(all).toHaveLength(1);
    const admin = all[0]!;
    expect(admin).toMatchObject({ username: 'admin', role: 'admin', mustChangePassword: true, departmentId: null });
    expect(result.adminPassword).toMatch(/^\S{16}$/);
    expect(await verifyPassword(result.adminPassword!, admin.passwordHash)).toBe(true);
    expect(lines.join('\n')).toContain(result.adminPassword!);
    expect(db.select().from(settings).all().map((s) => s.key).sort()).toEqual(['bureau', 'district', 'required_signoffs']);
    expect(db.select().from(departments).all()).toEqual([]);
    expect(db.select().from(reports).all()).toEqual([]);
    db.$client.close();

    // Run again: the password is not reset and not printed again.
    const again = setupDatabase({ path, seedDemo: false });
    expect(again.adminPassword).toBeNull();
    expect(again.db.select().from(users).get()!.passwordHash).toBe(admin.passwordHash);
    again.db.$client.close();
  });
});

describe('setup CLI', () => {
  it('with SEED_DEMO=0 prints the initial admin password once', async () => {
    const path = tempPath();
    const cli = resolve(here, 'cli/setup.ts');
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', cli], {
        env: { ...process.env, DATABASE_PATH: path, SEED_DEMO: '0', BCRYPT_COST: '4' },
        encoding: 'utf8',
      });
    const out = run();
    const password = /初始密码.*：(\S+)/.exec(out)?.[1];
    expect(password).toBeDefined();
    const db = openDb(path);
    const admin = db.select().from(users).get()!;
    expect(await verifyPassword(password!, admin.passwordHash)).toBe(true);
    db.$client.close();

    const second = run();
    expect(second).not.toContain(password!);
    expect(second).toContain('未作改动');
  });
});

describe('randomPassword', () => {
  it('mixes upper and lower case, digits and a symbol, and differs every time', () => {
    const a = randomPassword();
    expect(a).toHaveLength(16);
    expect(a).toMatch(/[A-Z]/);
    expect(a).toMatch(/[a-z]/);
    expect(a).toMatch(/[0-9]/);
    expect(a).toMatch(/[^A-Za-z0-9]/);
    expect(randomPassword()).not.toBe(a);
  });
});
