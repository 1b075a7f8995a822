import { expect, test, type APIRequestContext } from '@playwright/test';
import { queryDb } from '../support/db';

// Read-only. The open API and the public tRPC procedures answer anyone: only public fields.
const FORBIDDEN_KEY = /^(reportId|report_id|userId|user_id|publishedBy|published_by|sentBy|createdBy|passwordHash|sessionVersion|withdrawn\w*|unpublish\w*|reason)$/i;

function badKeys(value: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => badKeys(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEY.test(k)) out.push(`${path}.${k}`);
      badKeys(v, `${path}.${k}`, out);
    }
  }
  return out;
}

async function json(request: APIRequestContext, path: string): Promise<unknown> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return res.json();
}

const trpc = (name: string, input?: unknown) => `/api/trpc/${name}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

test('the open API and public tRPC answers carry no internal ids, user ids or withdrawal details', async ({ request }) => {
  const pubs = queryDb<{ id: number; year: number }>('SELECT id, year FROM publications WHERE withdrawn_at IS NULL ORDER BY id');
  const years = [...new Set(pubs.map((p) => p.year))];
  const sample = pubs.filter((_, i) => i % 10 === 0);
  const paths = [
    '/api/open/reports',
    ...years.map((y) => `/api/open/summary?year=${y}`),
    ...sample.map((p) => `/api/open/reports/${p.id}`),
    trpc('public.list'),
    trpc('public.years'),
    ...years.map((year) => trpc('public.summary', { year })),
    ...sample.map((p) => trpc('public.get', { id: p.id })),
  ];
  const problems: string[] = [];
  for (const path of paths) problems.push(...badKeys(await json(request, path), path));
  expect(problems.slice(0, 20)).toEqual([]);
});
