import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { httpGet, maxAgeOf, retryAfterOf } from './http-get.js';

let base = '';
const routes: Record<string, (res: ServerResponse, headers: Record<string, string | string[] | undefined>) => void> = {
  '/feed': (res, headers) => {
    if (headers['if-none-match'] === '"7"') return res.writeHead(304, { etag: '"7"' }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"7"', 'last-modified': 'Thu, 30 Apr 2026 08:00:00 GMT', 'cache-control': 'public, max-age=900' });
    res.end('<rss/>');
  },
  '/old': (res) => res.writeHead(301, { location: '/older' }).end(),
  '/older': (res) => res.writeHead(308, { location: '/feed' }).end(),
  '/for-now': (res) => res.writeHead(302, { location: '/old' }).end(),
  '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
  '/busy': (res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
  '/huge': (res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('x'.repeat(5000));
  },
  '/bomb': (res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(10_000_000, 32)));
  },
  '/silent': () => undefined,
};
const server = createServer((req, res) => (routes[req.url ?? ''] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res, req.headers));

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('a feed answers with its validators and max-age, then 304 when asked with them', async () => {
  const first = await httpGet(`${base}/feed`);
  assert.equal(first.kind, 'ok');
  if (first.kind !== 'ok') return;
  assert.deepEqual([first.etag, first.lastModified, first.maxAgeSeconds, first.contentType, Buffer.from(first.bytes).toString()], ['"7"', 'Thu, 30 Apr 2026 08:00:00 GMT', 900, 'application/rss+xml', '<rss/>']);
  const again = await httpGet(`${base}/feed`, { etag: first.etag });
  assert.equal(again.kind, 'not-modified');
});

test('redirects are followed; the new address is kept only when every one was permanent', async () => {
  const moved = await httpGet(`${base}/old`);
  assert.deepEqual(moved.kind === 'ok' && [moved.url, moved.movedTo], [`${base}/feed`, `${base}/feed`]);
  const temporary = await httpGet(`${base}/for-now`);
  assert.deepEqual(temporary.kind === 'ok' && [temporary.url, temporary.movedTo], [`${base}/feed`, null]);
  const loop = await httpGet(`${base}/loop`);
  assert.deepEqual(loop.kind === 'failed' && loop.message, 'more than 5 redirects');
});

test('failures say what happened: status and Retry-After, size, time, refused connections, other schemes', async () => {
  const busy = await httpGet(`${base}/busy`);
  assert.deepEqual(busy.kind === 'failed' && [busy.message, busy.status, busy.retryAfterSeconds], ['HTTP 429 Too Many Requests', 429, 3600]);
  const huge = await httpGet(`${base}/huge`, { maxBytes: 1000 });
  assert.match(huge.kind === 'failed' ? huge.message : '', /over the 0\.0 MB limit/);
  const bomb = await httpGet(`${base}/bomb`, { maxBytes: 1_000_000 });
  assert.match(bomb.kind === 'failed' ? bomb.message : '', /over the 1\.0 MB limit/, 'counted after decompression');
  const started = Date.now();
  const silent = await httpGet(`${base}/silent`, { timeoutMs: 500 });
  assert.deepEqual(silent.kind === 'failed' && silent.message, 'no answer within 1 s');
  assert.ok(Date.now() - started < 3000);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const refused = await httpGet(`http://127.0.0.1:${port}/feed`);
  assert.deepEqual(refused.kind === 'failed' && refused.message, 'connection refused');
  const file = await httpGet('file:///etc/passwd');
  assert.deepEqual(file.kind === 'failed' && file.message, 'only http and https addresses are fetched, not file:');
});

test('Cache-Control and Retry-After are read as servers write them', () => {
  assert.deepEqual(['max-age=600', 'public, s-maxage=60, max-age=30', 'no-cache, max-age=600', null, 'private'].map(maxAgeOf), [600, 30, null, null, null]);
  const now = new Date('2026-04-30T08:00:00Z');
  assert.deepEqual(['120', 'Thu, 30 Apr 2026 09:00:00 GMT', 'Thu, 30 Apr 2026 07:00:00 GMT', 'soon', null].map((v) => retryAfterOf(v, now)), [120, 3600, 0, null, null]);
});
