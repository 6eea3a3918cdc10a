/**
 * Whole-pipeline throughput: text in, stories stored. A generated JSONL stream goes through the
 * real ingest path (source reader, extract + analyse on a worker pool, fold/cluster, SQLite), and
 * every `--every` articles the window's rate, the overall rate and memory are printed, so any
 * slowdown as the store grows shows. The peer in the same run is the storage floor: the same
 * texts written straight into SQLite, one transaction each, with no processing.
 *
 *   node --import tsx bench/pipeline/run.ts --count 1000000 --every 100000
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStream } from './generate-stream.js';
import { threadCpuMs, threadsCpuMs } from './thread-cpu.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    every: { type: 'string', default: '10000' },
    peer: { type: 'string', default: '20000' },
    workers: { type: 'string', default: String(availableParallelism()) },
  },
});
const count = Number(values.count);
const every = Number(values.every);
const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function writeStream(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const doc of generateStream({ count })) {
    const line = { id: doc.hints.externalId, title: doc.hints.title, text: doc.content, source: doc.hints.source, published: doc.hints.published, language: 'en' };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function peer(n: number): number {
  const db = new Database(join(dir, 'peer.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, source TEXT, published TEXT)');
  const insert = db.prepare('INSERT INTO articles (title, text, source, published) VALUES (?, ?, ?, ?)');
  const write = db.transaction((d: string[]) => insert.run(...d));
  const docs = [...generateStream({ count: n })];
  const started = performance.now();
  for (const doc of docs) write([doc.hints.title ?? '', doc.content, doc.hints.source ?? '', doc.hints.published ?? '']);
  db.close();
  return n / ((performance.now() - started) / 1000);
}

const input = join(dir, 'stream.jsonl');
await writeStream(input);
const store = openSqliteStore(join(dir, 'pipeline.db'));
const workers = Number(values.workers);
const pool = workers > 0 ? new WorkerPool(workers) : undefined;
const pipeline = createPipeline(store, { pool });
let peakRss = 0;
let stored = 0;

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Mark {
  at: number;
  done: number;
  main: number;
  all: number;
}
const mark = (done: number): Mark => ({ at: performance.now(), done, main: threadCpuMs(), all: processCpuMs() });
const first = mark(0);
const threadsAtStart = threadsCpuMs();
let last = first;
/** Rate, and CPU ms per article on the main thread and on the others (workers, GC, I/O threads). */
const between = (a: Mark, b: Mark): string => {
  const n = b.done - a.done;
  const rate = n / ((b.at - a.at) / 1000);
  const main = (b.main - a.main) / n;
  const rest = (b.all - a.all - (b.main - a.main)) / n;
  return `${rate.toFixed(0).padStart(8)}  ${main.toFixed(2).padStart(8)}  ${rest.toFixed(2).padStart(8)}`;
};
console.log(`whole pipeline: ${count} generated ~600-word articles, ${workers} workers, store ${join(dir, 'pipeline.db')}`);
console.log('                 ---- window ----------------  -- overall -----------------');
console.log('articles  articles/s  main ms  other ms  articles/s  main ms  other ms  heapUsed     rss');
const summary = await pipeline.ingestPaths([input], {
  onDocument: () => {
    const done = ++stored;
    if (done % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (done % every !== 0 && done !== count) return;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    const now = mark(done);
    console.log(`${String(done).padStart(8)}  ${between(last, now)}  ${between(first, now)}  ${mb(memory.heapUsed).padStart(8)}  ${mb(memory.rss).padStart(6)}`);
    last = now;
  },
});
const end = mark(stored);
// The busiest threads other than the main one are the workers; the rest are V8's GC helpers, libuv's pool, loaders.
const threadsAtEnd = threadsCpuMs();
const byThread = [...threadsAtEnd]
  .filter(([tid]) => tid !== process.pid)
  .map(([tid, ms]) => (ms - (threadsAtStart.get(tid) ?? 0)) / count)
  .sort((a, b) => b - a);
await pool?.close();
const counts = await store.counts();
await store.close();
const floor = peer(Math.min(Number(values.peer), count));
console.log(`\nstored: ${counts.articles} articles (${summary.duplicates} folded copies), ${counts.events} events, ${counts.stories} stories; failed ${summary.failed}`);
console.log(`peak RSS of the process (all threads): ${mb(peakRss)}`);
console.log(`storyline pipeline: ${((count / (end.at - first.at)) * 1000).toFixed(0)} articles/s; CPU per article: main thread ${((end.main - first.main) / count).toFixed(2)} ms, other threads ${((end.all - first.all - (end.main - first.main)) / count).toFixed(2)} ms`);
if (byThread.length > 0) {
  const shown = byThread.slice(0, workers);
  const rest = byThread.slice(workers).reduce((sum, ms) => sum + ms, 0);
  const others = byThread.slice(workers).filter((ms) => ms >= 0.005).map((ms) => ms.toFixed(3));
  console.log(`CPU ms per article by thread: busiest ${shown.length} (the workers) ${shown.map((ms) => ms.toFixed(2)).join(', ')}; all others together ${rest.toFixed(2)} (${others.join(' ')})`);
}
console.log(`peer (plain SQLite insert of the same texts, no processing): ${floor.toFixed(0)} articles/s`);
rmSync(dir, { recursive: true, force: true });
