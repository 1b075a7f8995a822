import { expect, test } from '@playwright/test';
import { currentPublications } from '../public/helpers';

// Read-only: every request here is refused or only reads public pages; nothing is stored.

test('a 700-call tRPC batch is refused at once with a Chinese message', async ({ request }) => {
  const res = await request.get(`/api/trpc/${Array(700).fill('public.years').join(',')}?batch=1&input=%7B%7D`);
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.json.message).toBe('一次请求最多包含10个调用（本次700个），请分批发送');
});

test('a signed-out caller cannot batch, but one public call answers', async ({ request }) => {
  const batch = await request.get('/api/trpc/public.years,public.years?batch=1&input=%7B%7D');
  expect(batch.status()).toBe(401);
  expect((await batch.json()).error.json.message).toContain('未登录时不能批量调用');
  const single = await request.get('/api/trpc/public.years');
  expect(single.status()).toBe(200);
});

test('a body over 4 MB is refused with 413 and a Chinese message', async ({ request }) => {
  // Several times: the answer must reach a client still sending its body (a server that closed the
  // connection once it had answered gave a broken pipe on most tries).
  const data = JSON.stringify({ json: { text: 'x'.repeat(5 * 1024 * 1024) } });
  for (let i = 0; i < 5; i++) {
    const res = await request.post('/api/trpc/department.save', { headers: { 'content-type': 'application/json' }, data });
    expect(res.status()).toBe(413);
    expect((await res.json()).error.json.message).toBe('请求内容过大（上限 4 MB）');
  }
});

test('deeply nested JSON is refused with a Chinese message, not a stack overflow', async ({ request }) => {
  const deep = '['.repeat(50_000) + ']'.repeat(50_000);
  const res = await request.post('/api/trpc/department.save', { headers: { 'content-type': 'application/json' }, data: `{"json":${deep}}` });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.json.message).toBe('请求数据嵌套过深（最多32层），未处理');
});

test('comparing more than ten departments shows a notice and the CSV answers 400', async ({ page, request }) => {
  const ids = [...new Set(currentPublications().map((p) => p.department_id))].slice(0, 11);
  const query = ids.map((d) => `d=${d}`).join('&');
  await page.goto(`/compare?${query}`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('最多可同时对比10个部门和镇街（本次选了11个），请减少后再对比');
  await expect(page.locator('table[data-table="compare"]')).toHaveCount(0);
  const csv = await request.get(`/compare/csv?${query}`);
  expect(csv.status()).toBe(400);
  expect(await csv.text()).toContain('最多可同时对比10个部门和镇街');
});

test('a search of more than five terms shows a notice instead of results', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('公开 申请 办理 答复 信息 政府')}`);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('最多可同时搜索5个词（以空格分隔），请减少搜索词后重试');
  await page.goto(`/?q=${encodeURIComponent('公开 申请')}`);
  await expect(page.getByRole('status')).toContainText('找到');
});
