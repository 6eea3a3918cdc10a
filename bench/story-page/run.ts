/**
 * Story-page benchmark: builds (once) a SQLite store of synthetic articles, starts the web server
 * on it and measures p50/p95 latency of the pages, beside peers in the same run: a static file (the
 * floor), the JSON API for the same stories, and the story page read through the Store interface
 * instead of the read-only SQLite read model. `--postgres` also fills a PostgreSQL database (a
 * durable server of the bench's own) with the same articles and measures the same pages on it.
 *
 *   node --import tsx bench/story-page/run.ts [--articles 100000] [--requests 300] [--db FILE] [--postgres]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { startThrowawayPostgres } from '../../src/store/postgres/testdata/throwaway-postgres.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStore } from './generate-store.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, requests: { type: 'string', default: '300' }, db: { type: 'string' }, postgres: { type: 'boolean', default: false } },
});
const articles = Number(values.articles);
const requests = Number(values.requests);
const file = values.db ?? `bench/out/story-page-${articles}.db`;
const meta = `${file}.json`;

if (!existsSync(file) || !existsSync(meta)) {
  await mkdir(dirname(file), { recursive: true });
  const store = openSqliteStore(file);
  const started = Date.now();
  console.log(`Generating ${articles.toLocaleString('en-GB')} articles into ${file} ...`);
  const result = await generateStore(store, { articles, onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en-GB')} articles`) });
  await store.close();
  writeFileSync(meta, JSON.stringify(result));
  console.log(`\rGenerated ${result.stories} stories in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const { stories, bigStoryIds } = JSON.parse(readFileSync(meta, 'utf8')) as { stories: number; bigStoryIds: number[] };
// Eight of the 500-article stories, spread from the oldest to the newest (a store of 1,000,000 holds
// about 80: cycling through all of them would measure the page cache's misses, not its hits).
const shownBig = Math.min(8, bigStoryIds.length);
const bigShown = Array.from({ length: shownBig }, (_, i) => bigStoryIds[shownBig === 1 ? 0 : Math.round((i * (bigStoryIds.length - 1)) / (shownBig - 1))] as number);
const smallStoryIds = Array.from({ length: 50 }, (_, i) => 1 + ((i * 7919) % stories)).filter((id) => !bigStoryIds.includes(id));

const store = openSqliteStore(file);
// Cold: no page cache, every story page is read and rendered afresh.
const fast = await startServer({ store, dbFile: file, port: 0, pageCache: 0 });
const warm = await startServer({ store, dbFile: file, port: 0 });
const portable = await startServer({ store, port: 0, pageCache: 0 });

async function measure(server: RunningServer, paths: () => string): Promise<{ p50: number; p95: number; bytes: number }> {
  for (let i = 0; i < 20; i++) await (await fetch(server.url + paths())).arrayBuffer();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await fetch(server.url + paths());
    const body = await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${response.status} for ${response.url}`);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), bytes };
}

const cycle = (ids: Array<number | string>, prefix: string): (() => string) => {
  let i = 0;
  return () => `${prefix}${ids[i++ % ids.length]}`;
};

const rows: Array<[string, Awaited<ReturnType<typeof measure>>]> = [];
rows.push(['GET /static/app.css (floor)', await measure(fast, () => '/static/app.css')]);
rows.push(['GET / (story list, 30 + sparklines)', await measure(fast, () => '/')]);
rows.push(['GET /stories/:id (10-50 articles)', await measure(fast, cycle(smallStoryIds, '/stories/'))]);
rows.push(['GET /api/stories/:id (10-50 articles)', await measure(fast, cycle(smallStoryIds, '/api/stories/'))]);
rows.push(['GET /stories/:id (500 articles)', await measure(fast, cycle(bigShown, '/stories/'))]);
rows.push(['GET /api/stories/:id (500 articles)', await measure(fast, cycle(bigShown, '/api/stories/'))]);
rows.push(['warm: GET /stories/:id (500, page cache)', await measure(warm, cycle(bigShown, '/stories/'))]);
// The regroup page: the stories that mention the same names (the latest mentions of each), and the events.
rows.push(['GET /stories/:id/regroup (10-50 articles)', await measure(fast, cycle(smallStoryIds.map((id) => `${id}/regroup`), '/stories/'))]);
rows.push(['GET /stories/:id/regroup (500 articles)', await measure(fast, cycle(bigShown.map((id) => `${id}/regroup`), '/stories/'))]);
rows.push(['peer: GET / through Store interface', await measure(portable, () => '/')]);
rows.push(['peer: GET /stories/:id (500) through Store', await measure(portable, cycle(bigShown, '/stories/'))]);
await fast.close();
await warm.close();
await portable.close();
await store.close();

if (values.postgres) {
  const server = await startThrowawayPostgres({ durable: true });
  const pgStore = openPostgresStore(server.url);
  try {
    const started = Date.now();
    const generated = await generateStore(pgStore, { articles, onProgress: (n) => process.stderr.write(`\r${n.toLocaleString('en-GB')} articles into PostgreSQL`) });
    if (JSON.stringify(generated.bigStoryIds) !== JSON.stringify(bigStoryIds)) throw new Error('PostgreSQL holds other stories than the SQLite file');
    await pgStore.counts();
    console.log(`\rFilled PostgreSQL in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const onPostgres = await startServer({ store: pgStore, dbFile: server.url, port: 0, pageCache: 0 });
    rows.push(['PostgreSQL: GET / (story list)', await measure(onPostgres, () => '/')]);
    rows.push(['PostgreSQL: GET /stories/:id (10-50 articles)', await measure(onPostgres, cycle(smallStoryIds, '/stories/'))]);
    rows.push(['PostgreSQL: GET /stories/:id (500 articles)', await measure(onPostgres, cycle(bigShown, '/stories/'))]);
    rows.push(['PostgreSQL: GET /api/stories/:id (500)', await measure(onPostgres, cycle(bigShown, '/api/stories/'))]);
    await onPostgres.close();
  } finally {
    await pgStore.close();
    await server.stop();
  }
}

console.log(`\n${articles.toLocaleString('en-GB')} articles, ${stories.toLocaleString('en-GB')} stories, ${requests} requests each, sequential\n`);
console.log(`${'route'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'KB'.padStart(7)}`);
for (const [name, r] of rows) console.log(`${name.padEnd(46)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${(r.bytes / 1024).toFixed(0).padStart(7)}`);
