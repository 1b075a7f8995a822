#!/usr/bin/env node
// The bench's baseline: a minimal Node http server that sends, for each path, the very bytes the
// portal sent for it (read from a JSON manifest), with the same content type and ETag, answering
// If-None-Match with 304. What any static file server could do at best on this machine.
//   node scripts/static-baseline.mjs MANIFEST PORT
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [manifestPath, port] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const pages = new Map(Object.entries(manifest).map(([path, p]) => [path, { ...p, body: Buffer.from(p.body, 'base64') }]));

createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404);
    res.end();
    return;
  }
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, { etag: page.etag });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': page.contentType, etag: page.etag, 'content-length': page.body.length });
  res.end(page.body);
}).listen(Number(port), '127.0.0.1', () => console.log(`baseline on ${port}`));
