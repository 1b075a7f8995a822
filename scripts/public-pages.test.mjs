import { createServer } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, captureInto, pageStore, serveCached } from './public-pages.mjs';

// A stand-in for Next's handler: counts renders, answers per path, can be told a change happened
// in the middle of a render (as a publish clearing the store would).
let renders = 0;
let version = 'v1';
let clearDuringRender = false;
function clearStore() {
  const s = pageStore();
  s.pages.clear();
  s.generation++;
}
function fakeNext(req, res) {
  renders++;
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/reports/404') {
    res.statusCode = 404;
    res.end('未找到');
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.write(`<html><body><h1>${version}</h1>`);
  if (clearDuringRender) clearStore();
  res.end(`${'<p>陈仓区</p>'.repeat(200)}</body></html>`);
}

let server;
let base;
beforeAll(async () => {
  server = createServer((req, res) => {
    const key = cacheKey(req.method, req.url);
    if (key) {
      if (serveCached(req, res, key)) return;
      captureInto(req, res, key);
      delete req.headers['accept-encoding'];
    }
    fakeNext(req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  clearStore();
  renders = 0;
  version = 'v1';
  clearDuringRender = false;
});

describe('which requests the fast path may answer', () => {
  it('takes the public pages, files and open data, a year at most as query', () => {
    expect(cacheKey('GET', '/reports/12')).toBe('/reports/12');
    expect(cacheKey('GET', '/reports/12/pdf')).toBe('/reports/12/pdf');
    expect(cacheKey('HEAD', '/summary?year=2024')).toBe('/summary?year=2024');
    expect(cacheKey('GET', '/api/open/reports/7')).toBe('/api/open/reports/7');
    expect(cacheKey('GET', '/')).toBe('/');
    expect(cacheKey('GET', '/?year=2024')).toBe('/?year=2024');
    expect(cacheKey('GET', '/api/open/openapi.json')).toBe('/api/open/openapi.json');
    expect(cacheKey('GET', '/styles/public.css')).toBe('/styles/public.css');
    expect(cacheKey('GET', '/styles/public.css?v=1')).toBeNull();
    expect(cacheKey('GET', '/api/open/bulk/2025.zip')).toBe('/api/open/bulk/2025.zip');
  });

  it('keeps each page of a long year on the home page under its own key, in either parameter order', () => {
    expect(cacheKey('GET', '/?year=2024&page=3')).toBe('/?year=2024&page=3');
    expect(cacheKey('GET', '/?page=3&year=2024')).toBe('/?year=2024&page=3');
    expect(cacheKey('HEAD', '/?page=2')).toBe('/?page=2');
    expect(cacheKey('GET', '/?year=2024&page=2')).not.toBe(cacheKey('GET', '/?year=2024'));
    for (const url of ['/?year=2024&page=0', '/?year=2024&page=x', '/?year=2024&page=12345', '/?year=2024&page=2&page=3', '/?year=2024&year=2025', '/?year=2024&page=2&q=陈仓', '/?page=2&x=1']) {
      expect(cacheKey('GET', url), url).toBeNull();
    }
  });

  it('leaves everything else to the application: searches, other queries, signed-in pages, writes', () => {
    for (const url of ['/?q=陈仓', '/summary?year=abc', '/summary?year=2024&x=1', '/reports/12?x=1', '/reports/0', '/api/open/bulk/25.zip', '/api/open/bulk/2025.zip?x=1', '/dept', '/review/3', '/api/trpc/public.list', '/compare?d=1']) {
      expect(cacheKey('GET', url), url).toBeNull();
    }
    expect(cacheKey('POST', '/reports/12')).toBeNull();
  });
});

describe('answering from memory', () => {
  it('renders once, then answers the same bytes without the application, publicly cacheable', async () => {
    const first = await fetch(`${base}/reports/1`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/reports/1`);
    expect(await second.text()).toBe(firstBody);
    expect(renders).toBe(1);
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(second.headers.get('etag')).toMatch(/^".+"$/);
  });

  it('answers a conditional request with 304 and no body', async () => {
    await fetch(`${base}/reports/2`);
    const etag = (await fetch(`${base}/reports/2`)).headers.get('etag');
    const res = await fetch(`${base}/reports/2`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    const lastModified = (await fetch(`${base}/reports/2`)).headers.get('last-modified');
    expect((await fetch(`${base}/reports/2`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
  });

  it('compresses with brotli or gzip as the client accepts', async () => {
    const plain = await (await fetch(`${base}/reports/3`)).text();
    const raw = (enc) =>
      new Promise((resolve) => {
        import('node:http').then(({ get }) =>
          get(`${base}/reports/3`, { headers: { 'accept-encoding': enc } }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          }),
        );
      });
    const br = await raw('gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(plain);
    const gz = await raw('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plain);
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(plain) / 3);
  });

  it('serves the new state on the very next request after a change', async () => {
    expect(await (await fetch(`${base}/reports/4`)).text()).toContain('v1');
    version = 'v2';
    clearStore();
    expect(await (await fetch(`${base}/reports/4`)).text()).toContain('v2');
  });

  it('does not keep a render that a change interrupted', async () => {
    clearDuringRender = true;
    await fetch(`${base}/reports/5`);
    clearDuringRender = false;
    version = 'v2';
    expect(await (await fetch(`${base}/reports/5`)).text()).toContain('v2');
    expect(renders).toBe(2);
  });

  it('never keeps an answer that is not a 200', async () => {
    expect((await fetch(`${base}/reports/404`)).status).toBe(404);
    expect((await fetch(`${base}/reports/404`)).status).toBe(404);
    expect(renders).toBe(2);
    expect(pageStore().pages.has('/reports/404')).toBe(false);
  });
});
