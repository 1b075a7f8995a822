import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, desc, eq } from '@ccgov/db';
import { harness } from './test-utils';
import { auditCrossSiteRefusal, resetRefusalThrottle } from './services/refusal-audit';

const h = harness();
afterAll(() => h.cleanup());
beforeEach(() => resetRefusalThrottle());
afterEach(() => vi.useRealTimers());

const linesOf = (action: string) => h.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).all();
const refused = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

describe('refused requests are audited', () => {
  it('a signed-out call to a department procedure leaves one line with the source address', async () => {
    const before = linesOf('access.unauthorized').length;
    expect(await refused(h.as(null).department.list())).toBe('UNAUTHORIZED');
    const [line] = linesOf('access.unauthorized');
    expect(linesOf('access.unauthorized')).toHaveLength(before + 1);
    expect(line).toMatchObject({ userId: null, ip: '127.0.0.1', outcome: 'failure', target: 'trpc:department.list', detail: '请先登录' });
  });

  it('a department clerk calling a bureau procedure is recorded by name and role', async () => {
    expect(await refused(h.as('fgj').review.queue({}))).toBe('FORBIDDEN');
    expect(linesOf('access.forbidden')[0]).toMatchObject({ username: 'fgj', role: 'department', outcome: 'failure', target: 'trpc:review.queue' });
  });

  it('opening another department’s report (NOT_FOUND) is recorded, reading a missing public id is not', async () => {
    const other = h.reportId('gaj', h.openYear - 1);
    expect(await refused(h.as('fgj').department.get({ id: other }))).toBe('NOT_FOUND');
    expect(linesOf('access.not_found')[0]).toMatchObject({ username: 'fgj', target: 'trpc:department.get', outcome: 'failure' });
    const count = linesOf('access.not_found').length;
    expect(await refused(h.as(null).public.get({ id: 999_999 }))).toBe('NOT_FOUND');
    expect(linesOf('access.not_found')).toHaveLength(count);
  });

  it('keeps at most one line per kind per person per minute, then says how many it left out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
    const before = linesOf('access.forbidden').length;
    const fgj = h.as('fgj');
    for (let i = 0; i < 30; i++) expect(await refused(fgj.admin.users())).toBe('FORBIDDEN');
    // Another person is counted on their own.
    expect(await refused(h.as('gaj').admin.users())).toBe('FORBIDDEN');
    expect(linesOf('access.forbidden')).toHaveLength(before + 2);

    vi.setSystemTime(new Date('2026-03-01T08:01:01Z'));
    expect(await refused(fgj.admin.users())).toBe('FORBIDDEN');
    const lines = linesOf('access.forbidden');
    expect(lines).toHaveLength(before + 3);
    expect(lines[0]).toMatchObject({ username: 'fgj' });
    expect(lines[0]!.detail).toContain('另有29次');
  });

  it('the admin reads and exports the refusals with their Chinese names', async () => {
    expect(await refused(h.as('reviewer').admin.users())).toBe('FORBIDDEN');
    const page = await h.as('admin').audit.list({ action: 'access.forbidden', page: 1 });
    expect(page.rows[0]).toMatchObject({ username: 'reviewer', actionLabel: '越权访问被拒绝', outcome: 'failure' });
    const exported = await h.as('admin').audit.export({ outcome: 'failure' });
    expect(exported.rows.some((r) => r.actionLabel === '越权访问被拒绝' && r.username === 'reviewer')).toBe(true);
  });
});

describe('report saves are audited', () => {
  // A department whose report of the open year is a draft (nothing else in this file changes it).
  const draft = h.db.$client
    .prepare("SELECT d.code, d.name, r.id FROM reports r JOIN departments d ON d.id = r.department_id WHERE r.year = ? AND r.status = 'draft' ORDER BY d.id LIMIT 1")
    .get(h.openYear) as { code: string; name: string; id: number };

  it('each saved draft leaves who saved which report when, without the content', async () => {
    const id = draft.id;
    const report = h.report(id);
    const secret = '这段正文不应进入审计日志';
    const fgj = h.as(draft.code);
    const r = await fgj.department.save({ id, version: report.version, content: { ...report.content, other: secret } });
    const [line] = linesOf('report.save');
    expect(line).toMatchObject({ username: draft.code, role: 'department', target: `report:${id}`, outcome: 'success', ip: '127.0.0.1' });
    expect(line!.detail).toBe(`保存为第${r.version}版`);
    expect(JSON.stringify(line)).not.toContain(secret);
    const page = await h.as('admin').audit.list({ action: 'report.save', page: 1 });
    expect(page.rows[0]).toMatchObject({ actionLabel: '保存草稿', target: `${draft.name} ${h.openYear}年度报告` });
  });

  it('a refused save (stale version) writes no save line', async () => {
    const id = draft.id;
    const report = h.report(id);
    const count = linesOf('report.save').length;
    expect(await refused(h.as(draft.code).department.save({ id, version: report.version - 1, content: report.content }))).toBe('CONFLICT');
    expect(linesOf('report.save')).toHaveLength(count);
  });
});

describe('the audit log is kept', () => {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  function* sources(dir: string): Generator<string> {
    for (const f of readdirSync(dir)) {
      if (f === 'node_modules' || f.startsWith('.next')) continue;
      const p = join(dir, f);
      if (statSync(p).isDirectory()) yield* sources(p);
      else if (/\.(ts|tsx|mjs|sql)$/.test(f) && !/\.test\.ts$/.test(f)) yield p;
    }
  }

  it('no application code, script or migration deletes audit lines or lifts the append-only triggers', () => {
    const offending: string[] = [];
    for (const top of ['apps', 'packages', 'scripts']) {
      for (const file of sources(join(ROOT, top))) {
        const src = readFileSync(file, 'utf8');
        if (/\.delete\(\s*auditLog\b|DELETE\s+FROM\s+[`"']?audit_log|DROP\s+TABLE\s+(IF\s+EXISTS\s+)?[`"']?audit_log|DROP\s+TRIGGER\s+(IF\s+EXISTS\s+)?[`"']?audit_log|recursive_triggers\s*=\s*(OFF|0|false)/i.test(src)) {
          offending.push(file.slice(ROOT.length + 1));
        }
      }
    }
    expect(offending).toEqual([]);
  });
});

describe('cross-site requests refused by the Proxy are audited', () => {
  it('one line per address per minute, then one saying how many were left out', () => {
    const ctx = { db: h.db, user: null, ip: '203.0.113.7' };
    const t0 = Date.UTC(2026, 11, 2, 1, 0, 0);
    expect(auditCrossSiteRefusal(ctx, { method: 'POST', path: '/api/auth/signout', reason: 'Origin: https://evil.example' }, t0)).toBe(true);
    expect(auditCrossSiteRefusal(ctx, { method: 'POST', path: '/api/trpc/department.save', reason: 'Sec-Fetch-Site: cross-site' }, t0 + 1_000)).toBe(false);
    expect(auditCrossSiteRefusal(ctx, { method: 'DELETE', path: '/x', reason: 'Sec-Fetch-Site: cross-site' }, t0 + 2_000)).toBe(false);
    const lines = () => linesOf('access.cross_site').filter((l) => l.ip === '203.0.113.7');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ userId: null, outcome: 'failure', target: 'POST /api/auth/signout', detail: '跨站请求已拒绝（Origin: https://evil.example）' });
    expect(auditCrossSiteRefusal(ctx, { method: 'PUT', path: '/api/trpc/x', reason: 'Origin: null' }, t0 + 61_000)).toBe(true);
    expect(lines()).toHaveLength(2);
    expect(lines()[0]!.detail).toContain('此前1分钟内另有2次同类拒绝未逐条记录');
  });
});
