/**
 * Reader-app sync benchmark: what a reader app asks at each refresh, on a store of 100,000 articles
 * (the story-page bench's store, copied, since syncing writes read marks), over HTTP, call by call,
 * for the Google Reader API (as NetNewsWire's FreshRSS account syncs) and the Fever API, beside a
 * static file (the floor) and the story list a browser would load instead, in the same run. Each
 * round marks the items it read as read, as the app would, so the unread set moves.
 *
 *   node --import tsx bench/reader-api/run.ts [--articles 100000] [--rounds 100]
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../../src/server/start-server.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStore } from '../story-page/generate-store.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '100' } } });
const articles = Number(values.articles);
const rounds = Number(values.rounds);
const source = `bench/out/story-page-${articles}.db`;

if (!existsSync(source)) {
  await mkdir(dirname(source), { recursive: true });
  const store = openSqliteStore(source);
  console.log(`Generating ${articles.toLocaleString('en-GB')} articles into ${source} ...`);
  const result = await generateStore(store, { articles, onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en-GB')} articles`) });
  await store.close();
  writeFileSync(`${source}.json`, JSON.stringify(result));
}
const folder = mkdtempSync(join(tmpdir(), 'storyline-reader-bench-'));
const file = join(folder, 'reader.db');
copyFileSync(source, file);

const LOGIN = 'reader@bench.example:a-long-password';
const store = openSqliteStore(file);
const server = await startServer({ store, dbFile: file, port: 0, readerLogin: LOGIN });
const times = new Map<string, number[]>();

async function timed(name: string, path: string, init: RequestInit = {}): Promise<Response & { bodyText: string }> {
  const started = performance.now();
  const response = await fetch(server.url + path, init);
  const bodyText = await response.text();
  times.set(name, [...(times.get(name) ?? []), performance.now() - started]);
  if (response.status !== 200) throw new Error(`${response.status} for ${path}: ${bodyText.slice(0, 200)}`);
  return Object.assign(response, { bodyText });
}

const login = await fetch(`${server.url}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: 'reader@bench.example', Passwd: 'a-long-password' }) });
const auth = /^Auth=(.+)$/m.exec(await login.text())?.[1];
if (!auth) throw new Error('the reader login was refused');
const headers = { Authorization: `GoogleLogin auth=${auth}` };
const apiKey = createHash('md5').update(LOGIN).digest('hex');
const fever = (query: string, form: Record<string, string> = {}): RequestInit => ({ method: 'POST', body: new URLSearchParams({ api_key: apiKey, ...form }) });
const READ = 'user/-/state/com.google/read';

for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  await timed('GR subscription/list', '/reader/api/0/subscription/list?output=json', { headers });
  await timed('GR tag/list', '/reader/api/0/tag/list?output=json', { headers });
  await timed('GR unread-count', '/reader/api/0/unread-count?output=json', { headers });
  const unread = JSON.parse((await timed('GR stream/items/ids unread (n=10000)', `/reader/api/0/stream/items/ids?output=json&s=user/-/state/com.google/reading-list&xt=${READ}&n=10000`, { headers })).bodyText) as { itemRefs: Array<{ id: string }> };
  await timed('GR stream/items/ids starred', '/reader/api/0/stream/items/ids?output=json&s=user/-/state/com.google/starred&n=10000', { headers });
  const newest = unread.itemRefs.slice(0, 250).map((r) => r.id);
  await timed('GR stream/items/contents (250 items)', '/reader/api/0/stream/items/contents?output=json', { method: 'POST', headers, body: new URLSearchParams(newest.map((id) => ['i', id])) });
  await timed('GR edit-tag (mark 25 read)', '/reader/api/0/edit-tag', { method: 'POST', headers, body: new URLSearchParams([...newest.slice(0, 25).map((id) => ['i', id]), ['a', READ]]) });
  times.set('GR whole sync', [...(times.get('GR whole sync') ?? []), performance.now() - started]);

  const feverStarted = performance.now();
  await timed('Fever groups + feeds', '/fever/?api&groups&feeds', fever(''));
  const ids = (JSON.parse((await timed('Fever unread_item_ids', '/fever/?api&unread_item_ids', fever(''))).bodyText) as { unread_item_ids: string }).unread_item_ids.split(',');
  await timed('Fever saved_item_ids', '/fever/?api&saved_item_ids', fever(''));
  await timed('Fever items with_ids (50 items)', '/fever/?api&items', fever('', { with_ids: ids.slice(0, 50).join(',') }));
  await timed('Fever mark item read', '/fever/?api', fever('', { mark: 'item', as: 'read', id: ids[0]! }));
  times.set('Fever whole sync (one page of items)', [...(times.get('Fever whole sync (one page of items)') ?? []), performance.now() - feverStarted]);

  await timed('peer: GET /static/app.css (floor)', '/static/app.css');
  await timed('peer: GET / (story list)', '/');
}
await server.close();
await store.close();
rmSync(folder, { recursive: true, force: true });

const at = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
console.log(`\nreader-app syncs on ${articles.toLocaleString('en-GB')} articles, ${rounds} rounds, sequential over HTTP (each round marks what it read)\n`);
console.log(`${'call'.padEnd(42)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`${name.padEnd(42)} ${at(sorted, 0.5).toFixed(1).padStart(8)} ${at(sorted, 0.95).toFixed(1).padStart(8)}`);
}
