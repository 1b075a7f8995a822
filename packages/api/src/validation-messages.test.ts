import superjson from 'superjson';
import type { SessionUser } from '@ccgov/auth';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { departments, eq, users } from '@ccgov/db';
import { validationMessage } from './errors';
import { handleTrpcRequest, httpLimits } from './http';
import { harness } from './test-utils';

/** What a refused admin form says: the form's own words, never an internal field key. */
const h = harness();
afterAll(() => h.cleanup());

const BASE = 'http://portal.test/api/trpc';

/** The message the browser gets for a call, through the HTTP endpoint and its error formatter. */
async function messageOf(path: string, input: unknown, username = 'admin'): Promise<string> {
  const u = h.db.select().from(users).where(eq(users.username, username)).get()!;
  const user = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: null, mustChangePassword: false };
  const res = await handleTrpcRequest(
    new Request(`${BASE}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(superjson.serialize(input)) }),
    { endpoint: '/api/trpc', createContext: async () => ({ db: h.db, user: user as unknown as SessionUser, ip: '127.0.0.1' }), limits: httpLimits({}) },
  );
  expect(res.status).toBe(400);
  const json = (await res.json()) as { error: { json: { message: string } } };
  return json.error.json.message;
}

// The keys the admin forms send; none may appear in what the clerk reads.
const KEYS = /\b(code|name|kind|username|displayName|role|departmentId|legalDeadline|internalDeadline|word|year|id)\b/;

describe('admin form messages', () => {
  it('a bad department code is explained by the form’s label, not the key, and nothing is stored', async () => {
    const before = h.db.select().from(departments).all().length;
    const msg = await messageOf('admin.createDepartment', { name: '陈仓区测试局', code: '1x', kind: 'department' });
    expect(msg).toBe('输入有误：代码应为2至20位小写字母、数字或下划线，以字母开头（例如 fgj）');
    expect(msg).not.toMatch(KEYS);
    expect(h.db.select().from(departments).all()).toHaveLength(before);
  });

  it('several problems are listed once each, without keys', async () => {
    const before = h.db.select().from(users).all().length;
    const msg = await messageOf('admin.createUser', { username: '!', displayName: '', role: 'department', departmentId: null });
    expect(msg).toContain('用户名应为2至32位');
    expect(msg).toContain('请填写姓名');
    expect(msg).not.toMatch(KEYS);
    expect(h.db.select().from(users).all()).toHaveLength(before);
  });

  it('zod’s generic messages are replaced by a Chinese sentence naming the field', async () => {
    const msg = await messageOf('years.setOpen', { year: h.openYear, open: 'yes' });
    expect(msg).toBe('输入有误：是否开放格式不正确');
    const missing = await messageOf('admin.createDepartment', { name: '陈仓区测试局', kind: 'department' });
    expect(missing).toBe('输入有误：请填写代码');
    expect(h.db.select().from(departments).where(eq(departments.name, '陈仓区测试局')).all()).toEqual([]);
  });

  it('builds every message from the issues alone', () => {
    const issues = z.strictObject({ name: z.string().min(3), tags: z.array(z.string()).max(1), extra: z.number().max(5) }).safeParse({ name: 'a', tags: ['x', 'y'], extra: 9, departmentId: 1 }).error!.issues;
    const msg = validationMessage(issues);
    expect(msg).toContain('名称至少3个字');
    expect(msg).toContain('输入内容最多1项');
    expect(msg).toContain('提交的内容含有无法识别的项目');
    expect(msg).not.toMatch(/departmentId|tags|extra|Too|Invalid/);
  });
});
