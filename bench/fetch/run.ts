/**
 * @module Fetching feeds: a local news site serves the pipeline bench's generated articles as web
 * pages, one RSS feed per outlet whose items carry only a summary, and Storyline fetches every feed
 * into a new store (each article read from its page), then fetches them all again (each feed
 * answers 304). The peer, in the same run, is the same pages ingested from files: what the fetch
 * adds to the ingest is the difference.
 *
 *   node --import tsx bench/fetch/run.ts --count 2000 --workers 2
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { fetchSubscriptions } from '../../src/pipeline/fetch-subscriptions.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStream } from '../pipeline/generate-stream.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, workers: { type: 'string', default: '2' } } });
const count = Number(values.count);
const workers = Number(values.workers);

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Page {
  path: string;
  outlet: string;
  title: string;
  published: string;
  summary: string;
  html: string;
}

const pages: Page[] = [];
for (const raw of generateStream({ count })) {
  const outlet = raw.hints.source ?? 'Outlet';
  const title = raw.hints.title ?? '';
  const paragraphs = raw.content.split('\n\n');
  const path = `/${outlet.replace(/\s+/g, '-').toLowerCase()}/${pages.length}`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - ${escape(outlet)}</title>
<meta property="og:site_name" content="${escape(outlet)}"><meta property="article:published_time" content="${raw.hints.published}T08:00:00Z"></head>
<body><header><a href="/">${escape(outlet)}</a><nav><a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav><a href="/subscribe">Subscribe</a></header>
<main><article><h1>${escape(title)}</h1><div class="share">Share <a href="#">Facebook</a> <a href="#">Email</a></div>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></main>
<footer><p>&copy; 2026 ${escape(outlet)}. All rights reserved.</p></footer></body></html>`;
  pages.push({ path, outlet, title, published: new Date(`${raw.hints.published}T08:00:00Z`).toUTCString(), summary: paragraphs[0] ?? '', html });
}
const outlets = [...new Set(pages.map((p) => p.outlet))];
const feedPath = (outlet: string): string => `/feeds/${outlet.replace(/\s+/g, '-').toLowerCase()}.xml`;
const feeds = new Map(
  outlets.map((outlet) => {
    const items = pages.filter((p) => p.outlet === outlet).map((p) => `<item><title>${escape(p.title)}</title><link>${p.path}</link><guid>${p.path}</guid><pubDate>${p.published}</pubDate><description>${escape(p.summary)}</description></item>`);
    return [feedPath(outlet), `<?xml version="1.0"?><rss version="2.0"><channel><title>${escape(outlet)}</title><link>https://example.org/</link>${items.join('')}</channel></rss>`];
  }),
);
const byPath = new Map(pages.map((p) => [p.path, p.html]));
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const feed = feeds.get(req.url ?? '');
  if (feed) {
    if (req.headers['if-none-match'] === '"1"') return res.writeHead(304, { etag: '"1"' }).end();
    return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"1"' }).end(feed);
  }
  const html = byPath.get(req.url ?? '');
  if (html) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(join(tmpdir(), 'storyline-fetch-bench-'));

const pool = workers > 0 ? new WorkerPool(workers) : undefined;
const rate = (n: number, ms: number): string => `${((n * 1000) / ms).toFixed(0)} articles/s`;
try {
  // Fetching every feed into a new store, then again.
  const store = openSqliteStore(join(dir, 'fetched.db'));
  await store.addSubscriptions(outlets.map((outlet) => ({ feedUrl: `${base}${feedPath(outlet)}`, title: outlet, siteUrl: null })));
  const pipeline = createPipeline(store, { pool });
  let started = performance.now();
  const first = await fetchSubscriptions(pipeline, store, { all: true });
  const fetchMs = performance.now() - started;
  const firstRequests = requests;
  started = performance.now();
  const second = await fetchSubscriptions(pipeline, store, { all: true });
  const againMs = performance.now() - started;
  const fetchedCounts = await store.counts();
  await store.close();

  // The peer: the same pages ingested from files, in the same process and pool.
  const folder = join(dir, 'pages');
  rmSync(folder, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder);
  pages.forEach((p, i) => writeFileSync(join(folder, `${String(i).padStart(6, '0')}.html`), p.html));
  const peerStore = openSqliteStore(join(dir, 'files.db'));
  started = performance.now();
  const peer = await createPipeline(peerStore, { pool }).ingestPaths([folder]);
  const peerMs = performance.now() - started;
  const peerCounts = await peerStore.counts();
  await peerStore.close();

  console.log(`fetch bench: ${pages.length} generated articles as web pages, ${outlets.length} feeds of summaries, ${workers} workers, local HTTP server`);
  console.log(`  fetch, new store:      ${fetchMs.toFixed(0)} ms, ${rate(first.ingest.new + first.ingest.duplicates, fetchMs)} (${first.ingest.new} new, ${first.ingest.duplicates} copies folded, ${first.ingest.failed} failed; ${firstRequests} requests; ${fetchedCounts.events} events, ${fetchedCounts.stories} stories)`);
  console.log(`  fetch again (all 304): ${againMs.toFixed(0)} ms for ${second.feeds} feeds (${second.unchanged} unchanged, ${second.ingest.read} items read)`);
  console.log(`  peer, the same pages from files: ${peerMs.toFixed(0)} ms, ${rate(peer.new + peer.duplicates, peerMs)} (${peer.new} new, ${peer.duplicates} copies folded; ${peerCounts.events} events, ${peerCounts.stories} stories)`);
  console.log(`  fetching costs ${(fetchMs / peerMs).toFixed(2)}x the ingest of the same pages from files`);
} finally {
  await pool?.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
