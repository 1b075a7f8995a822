/**
 * `npm run import` end to end against a fresh database: a dry run changes nothing and prints the
 * open-data Report; an import publishes the report as 历史导入, with its event and audit line; a
 * second import of the same body and year, a file with blanks and an unknown body are refused.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, departments, eq, importSources, publications, reportEvents, reports } from '@ccgov/db';
import { createTestDb, type TestDb } from '@ccgov/db/testing';
import { seedReport2024 } from '@ccgov/report';

const ROOT = resolve(__dirname, '../../../..');
const FIXTURE = resolve(ROOT, 'packages/importer/fixtures/chencang-data-bureau-2024.txt');
const TRUNCATED = resolve(__dirname, '../../fixtures/real/longgang-2024.txt');

let t: TestDb;
beforeAll(() => {
  t = createTestDb({ seedDemo: false });
  t.db.insert(departments).values({ name: '陈仓区数据局', code: 'sjj', kind: 'department' }).run();
});
afterAll(() => t.cleanup());

function cli(...args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'packages/importer/src/cli/import.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: t.path, INIT_CWD: ROOT },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run import', () => {
  it('a dry run prints the open-data Report, the unplaced figures and the checks, and stores nothing', () => {
    const r = cli('--dry-run', '--json', FIXTURE, TRUNCATED);
    expect(r.status).toBe(0);
    const [full, cut] = JSON.parse(r.out);
    expect(full.report).toMatchObject({ id: null, department: '陈仓区数据局', departmentKind: 'department', year: 2024, title: '陈仓区数据局2024年政府信息公开工作年度报告' });
    expect(full.report.text.overview.request).toBe(seedReport2024().overview.request);
    expect(full.report.figures.requests.resultTotal.total).toBe(0);
    expect(full.unplaced).toEqual([]);
    expect(full.checks).toEqual({ errors: [], warnings: [] });
    expect(cut.unplaced[0].message).toBe('表三‘（三）不予公开 7.属于行政执法案卷’ 未能识别（应有7个数字，读到6个）');
    expect(cut.report.figures.requests.newReceived.total).toBe(66);
    expect(t.db.select().from(reports).all()).toEqual([]);
  });

  it('imports a report as the body’s published report for its year, marked 历史导入 and audited', () => {
    const r = cli(FIXTURE);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/✓ .*chencang-data-bureau-2024\.txt → 陈仓区数据局 2024年 已导入/);
    const report = t.db.select().from(reports).get()!;
    expect(report).toMatchObject({ year: 2024, status: 'published' });
    expect(report.content).toEqual(seedReport2024());
    const pub = t.db.select().from(publications).where(eq(publications.reportId, report.id)).get()!;
    expect(pub).toMatchObject({ departmentName: '陈仓区数据局', year: 2024, current: true });
    const sha = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
    const event = t.db.select().from(reportEvents).where(eq(reportEvents.reportId, report.id)).get()!;
    expect(event).toMatchObject({ action: 'imported', toStatus: 'published', comment: `历史导入：chencang-data-bureau-2024.txt（SHA-256 ${sha}）` });
    const line = t.db.select().from(auditLog).where(eq(auditLog.action, 'report.import')).get()!;
    expect(line).toMatchObject({ username: 'admin', target: `report:${report.id}`, outcome: 'success' });
    expect(JSON.parse(line.detail!)).toMatchObject({ department: '陈仓区数据局', year: 2024, sha256: sha });
    // The publication carries the 历史导入 marks, and the original bytes are kept under the data dir (0600).
    expect(pub).toMatchObject({ importedFrom: 'chencang-data-bureau-2024.txt', importedSha256: sha, importedBy: line.userId });
    expect(pub.importedAt).toBeInstanceOf(Date);
    const source = t.db.select().from(importSources).where(eq(importSources.sha256, sha)).get()!;
    expect(source).toMatchObject({ fileName: 'chencang-data-bureau-2024.txt', storagePath: `imports/${sha}`, size: readFileSync(FIXTURE).length });
    expect(source.text).toBe(readFileSync(FIXTURE, 'utf8'));
    const kept = join(dirname(t.path), 'imports', sha);
    expect(readFileSync(kept).equals(readFileSync(FIXTURE))).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
  });

  it('refuses a second import of the same body and year, a file with blanks and an unknown body, and exits 1', () => {
    const r = cli(FIXTURE, TRUNCATED, '--department', 'sjj');
    expect(r.status).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/✗ .*：陈仓区数据局2024年度的报告已在平台中/);
    expect(lines[1]).toMatch(/✗ .*：有120个数字未能识别，未导入/);
    const unknown = cli('--year', '2023', FIXTURE, '--department', 'nope');
    expect(unknown.out).toContain('未找到代码为“nope”的部门');
    expect(t.db.select().from(reports).all()).toHaveLength(1);
  });
});
