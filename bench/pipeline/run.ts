/**
 * Whole-pipeline throughput: text in, stories stored. Prints throughput and memory every
 * `--every` articles so degradation as the store grows is visible, then peak memory. The peer in
 * the same run is the storage floor: the same articles written straight into SQLite, one
 * transaction each, with no extraction, analysis or grouping.
 *
 *   node --import tsx bench/pipeline/run.ts --count 1000000 --every 100000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStream } from './generate-stream.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    every: { type: 'string', default: '10000' },
    peer: { type: 'string', default: '20000' },
    workers: { type: 'string' },
  },
});
const count = Number(values.count);
const every = Number(values.every);
const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function peer(n: number): Promise<number> {
  const db = new Database(join(dir, 'peer.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, source TEXT, published TEXT)');
  const insert = db.prepare('INSERT INTO articles (title, text, source, published) VALUES (?, ?, ?, ?)');
  const write = db.transaction((d: { title: string; text: string; source: string; published: string }) => insert.run(d.title, d.text, d.source, d.published));
  const started = performance.now();
  for (const doc of generateStream({ count: n })) {
    write({ title: doc.hints.title ?? '', text: doc.content, source: doc.hints.source ?? '', published: doc.hints.published ?? '' });
  }
  db.close();
  return n / ((performance.now() - started) / 1000);
}

const store = openSqliteStore(join(dir, 'pipeline.db'));
const pipeline = createPipeline(store);
let peakRss = 0;
let windowStart = performance.now();
const started = windowStart;
let done = 0;
console.log(`whole pipeline: ${count} generated ~600-word articles into ${join(dir, 'pipeline.db')}`);
console.log('articles    window/s   overall/s   heapUsed   rss');
for (const doc of generateStream({ count })) {
  await pipeline.ingestDocument(doc);
  done++;
  if (done % every === 0 || done === count) {
    const now = performance.now();
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    const windowSize = done % every === 0 ? every : done % every;
    console.log(
      `${String(done).padStart(8)}  ${(windowSize / ((now - windowStart) / 1000)).toFixed(0).padStart(9)}  ${(done / ((now - started) / 1000)).toFixed(0).padStart(10)}  ${mb(memory.heapUsed).padStart(9)}  ${mb(memory.rss).padStart(6)}`,
    );
    windowStart = now;
  }
}
const overall = count / ((performance.now() - started) / 1000);
const counts = await store.counts();
await store.close();
const floor = await peer(Math.min(Number(values.peer), count));
console.log(`\nstored: ${counts.articles} articles, ${counts.events} events, ${counts.stories} stories; peak RSS ${mb(peakRss)}`);
console.log(`storyline pipeline: ${overall.toFixed(0)} articles/s`);
console.log(`peer (plain SQLite insert, same texts, no processing): ${floor.toFixed(0)} articles/s`);
rmSync(dir, { recursive: true, force: true });
