import type { SessionUser } from '@ccgov/auth';
import { eq, users } from '@ccgov/db';
import superjson from 'superjson';
import { afterAll, describe, expect, it } from 'vitest';
import { handleTrpcRequest, httpLimits, jsonTooDeep } from './http';
import { harness } from './test-utils';
import type { Context } from './trpc';

const h = harness();
afterAll(() => h.cleanup());

const BASE = 'http://portal.test/api/trpc';

function contextOf(username: string | null): Context {
  if (!username) return { db: h.db, user: null, ip: '127.0.0.1' };
  // The signed-in person as the session layer hands it over (only who it is matters here).
  const u = h.db.select().from(users).where(eq(users.username, username)).get()!;
  const user = { id: u.id, username: u.username, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: null, mustChangePassword: false };
  return { db: h.db, user: user as unknown as SessionUser, ip: '127.0.0.1' };
}

let contextsMade = 0;
const call = (req: Request, username: string | null = null) =>
  handleTrpcRequest(req, {
    endpoint: '/api/trpc',
    createContext: async () => {
      contextsMade++;
      return contextOf(username);
    },
    limits: httpLimits({}),
  });

/** A batch GET of the same query n times, as httpBatchLink sends it. */
function batchGet(path: string, n: number): Request {
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, superjson.serialize(undefined)]));
  return new Request(`${BASE}/${Array(n).fill(path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
}

async function errorOf(res: Response): Promise<{ message: string; code: string }> {
  const json = (await res.json()) as { error: { json: { message: string; data: { code: string } } } } | { error: { json: { message: string; data: { code: string } } } }[];
  const e = Array.isArray(json) ? json[0]!.error : json.error;
  return { message: e.json.message, code: e.json.data.code };
}

describe('tRPC batching', () => {
  it('refuses a 700-call batch with one short Chinese error, before reading the session', async () => {
    const before = contextsMade;
    const res = await call(batchGet('public.years', 700), 'admin');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(2000); // one error, not 700
    expect(JSON.parse(text).error.json.message).toBe('一次请求最多包含10个调用（本次700个），请分批发送');
    expect(contextsMade).toBe(before);
  });

  it('lets a signed-in clerk batch up to ten calls', async () => {
    const res = await call(batchGet('public.years', 10), 'fgj');
    expect(res.status).toBe(200);
    const json = (await res.json()) as unknown[];
    expect(json).toHaveLength(10);
  });

  it('refuses eleven calls even when signed in', async () => {
    const res = await call(batchGet('public.years', 11), 'fgj');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain('最多包含10个调用');
  });

  it('refuses any batch from a signed-out caller, while one call at a time still answers', async () => {
    const batch = await call(batchGet('public.years', 2));
    expect(batch.status).toBe(401);
    expect(await errorOf(batch)).toEqual({ code: 'UNAUTHORIZED', message: '请先登录：未登录时不能批量调用，请逐个请求' });
    const single = await call(new Request(`${BASE}/public.years`));
    expect(single.status).toBe(200);
  });
});

describe('request body size', () => {
  const saveBody = (size: number) => JSON.stringify({ json: { id: 1, version: 1, content: { opening: 'x'.repeat(size) } } });

  it('refuses a body declared over 4 MB without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const req = new Request(`${BASE}/department.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await call(req, 'fgj');
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toBe('请求内容过大（上限 4 MB）');
    expect(pulled).toBeLessThanOrEqual(2); // the stream's first pull at most
  });

  it('refuses a chunked body as soon as it passes 4 MB, reading no further', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 256 * 1024;
        c.enqueue(new Uint8Array(256 * 1024).fill(0x20));
        if (sent >= 200 * 1024 * 1024) c.close();
      },
    });
    const req = new Request(`${BASE}/department.save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    const res = await call(req, 'fgj');
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toContain('请求内容过大');
    expect(sent).toBeLessThan(6 * 1024 * 1024);
  });

  it('lets a 3 MB save through to the procedure (which answers with its own message)', async () => {
    const req = new Request(`${BASE}/department.save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: saveBody(3 * 1024 * 1024) });
    const res = await call(req, 'fgj');
    const e = await errorOf(res);
    expect(e.code).not.toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON', async () => {
    const form = new FormData();
    form.set('file', new Blob(['x']));
    const res = await call(new Request(`${BASE}/admin.importDirectory`, { method: 'POST', body: form }), 'admin');
    expect(res.status).toBe(415);
    expect((await errorOf(res)).message).toBe('请求格式不受支持（应为 JSON）');
  });
});

describe('JSON nesting', () => {
  it('refuses a deeply nested body with a Chinese message instead of overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const req = new Request(`${BASE}/department.save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"json":${deep}}` });
    const res = await call(req, 'fgj');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('请求数据嵌套过深（最多32层），未处理');
  });

  it('refuses deep nesting in a GET input too', async () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    const res = await call(new Request(`${BASE}/public.get?input=${encodeURIComponent(`{"json":${deep}}`)}`));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain('嵌套过深');
  });

  it('counts brackets inside strings as text, so a report full of brackets is fine', () => {
    expect(jsonTooDeep(JSON.stringify({ text: '['.repeat(1000) }), 32)).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ text: '\\"[[[' }), 2)).toBe(false);
    expect(jsonTooDeep('[[[[', 3)).toBe(true);
  });
});

describe('public procedures over HTTP', () => {
  it('answer a signed-out caller in well under a megabyte each', async () => {
    for (const path of ['public.list', 'public.years', 'public.trend']) {
      const res = await call(new Request(`${BASE}/${path}`));
      expect(res.status).toBe(200);
      expect((await res.text()).length).toBeLessThan(1024 * 1024);
    }
    const search = await call(new Request(`${BASE}/public.search?input=${encodeURIComponent(JSON.stringify({ json: { q: '公开' } }))}`));
    expect(search.status).toBe(200);
    const hits = (await search.json()) as { result: { data: { json: unknown[] } } };
    expect(hits.result.data.json.length).toBeLessThanOrEqual(100);
  });
});
