/**
 * Whole-pipeline throughput: text in, stories stored. A generated JSONL stream goes through the
 * real ingest path (source reader, extract + analyse on a worker pool, fold/cluster, store), and
 * every `--every` articles the window's rate, the overall rate and memory are printed, so any
 * slowdown as the store grows shows. The peer in the same run is the storage floor: the same
 * texts written straight into SQLite, one transaction each, with no processing.
 *
 * `--store postgres` stores into PostgreSQL instead (a server of the bench's own, durable, or the
 * database `--db` names), and prints the server's CPU per article too; `--store both` runs the
 * same stream into SQLite and then PostgreSQL, side by side.
 *
 *   node --import tsx bench/pipeline/run.ts --count 1000000 --every 100000
 *   node --import tsx bench/pipeline/run.ts --count 20000 --every 5000 --store both
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../src/store/postgres/testdata/throwaway-postgres.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { generateStream } from './generate-stream.js';
import { processTreeCpuMs, threadCpuMs, threadsCpuMs } from './thread-cpu.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    every: { type: 'string', default: '10000' },
    peer: { type: 'string', default: '20000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    store: { type: 'string', default: 'sqlite' },
    db: { type: 'string' },
  },
});
if (!['sqlite', 'postgres', 'both'].includes(values.store)) throw new Error('--store takes sqlite, postgres or both');
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
const workers = Number(values.workers);

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Mark {
  at: number;
  done: number;
  main: number;
  all: number;
  server: number;
}

interface Run {
  name: string;
  rate: number;
  main: number;
  other: number;
  server: number;
  peakRss: number;
  summary: string;
}

/** The stream through the pipeline into `store`; `serverPid`, a PostgreSQL server whose CPU counts too. */
async function measure(name: string, store: Store, where: string, serverPid: number | null): Promise<Run> {
  const pool = workers > 0 ? new WorkerPool(workers) : undefined;
  const pipeline = createPipeline(store, { pool });
  let peakRss = 0;
  let stored = 0;
  const mark = (done: number): Mark => ({ at: performance.now(), done, main: threadCpuMs(), all: processCpuMs(), server: serverPid === null ? 0 : processTreeCpuMs(serverPid) });
  const first = mark(0);
  const threadsAtStart = threadsCpuMs();
  let last = first;
  /** Rate, and CPU ms per article on the main thread and on the others (workers, GC, I/O threads). */
  const between = (a: Mark, b: Mark): string => {
    const n = b.done - a.done;
    const rate = n / ((b.at - a.at) / 1000);
    const main = (b.main - a.main) / n;
    const rest = (b.all - a.all - (b.main - a.main)) / n;
    const server = serverPid === null ? '' : `  ${((b.server - a.server) / n).toFixed(2).padStart(8)}`;
    return `${rate.toFixed(0).padStart(8)}  ${main.toFixed(2).padStart(8)}  ${rest.toFixed(2).padStart(8)}${server}`;
  };
  const serverColumn = serverPid === null ? '' : '  server ms';
  console.log(`\nwhole pipeline into ${name}: ${count} generated ~600-word articles, ${workers} workers, store ${where}`);
  console.log(`                 ---- window ----------------${serverColumn ? '----------' : ''}  -- overall -----------------${serverColumn ? '----------' : ''}`);
  console.log(`articles  articles/s  main ms  other ms${serverColumn}  articles/s  main ms  other ms${serverColumn}  heapUsed     rss`);
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
  const run: Run = {
    name,
    rate: (count / (end.at - first.at)) * 1000,
    main: (end.main - first.main) / count,
    other: (end.all - first.all - (end.main - first.main)) / count,
    server: (end.server - first.server) / count,
    peakRss,
    summary: `${counts.articles} articles (${summary.duplicates} folded copies), ${counts.events} events, ${counts.stories} stories; failed ${summary.failed}`,
  };
  console.log(`\nstored: ${run.summary}`);
  console.log(`peak RSS of the process (all threads): ${mb(peakRss)}`);
  const serverCpu = serverPid === null ? '' : `, PostgreSQL server ${run.server.toFixed(2)} ms`;
  console.log(`storyline pipeline into ${name}: ${run.rate.toFixed(0)} articles/s; CPU per article: main thread ${run.main.toFixed(2)} ms, other threads ${run.other.toFixed(2)} ms${serverCpu}`);
  if (byThread.length > 0) {
    const shown = byThread.slice(0, workers);
    const rest = byThread.slice(workers).reduce((sum, ms) => sum + ms, 0);
    const others = byThread.slice(workers).filter((ms) => ms >= 0.005).map((ms) => ms.toFixed(3));
    console.log(`CPU ms per article by thread: busiest ${shown.length} (the workers) ${shown.map((ms) => ms.toFixed(2)).join(', ')}; all others together ${rest.toFixed(2)} (${others.join(' ')})`);
  }
  return run;
}

const runs: Run[] = [];
if (values.store !== 'postgres') runs.push(await measure('SQLite', openSqliteStore(join(dir, 'pipeline.db')), join(dir, 'pipeline.db'), null));
if (values.store !== 'sqlite') {
  const server: ThrowawayPostgres | null = values.db ? null : await startThrowawayPostgres({ durable: true });
  const url = values.db ?? server!.url;
  try {
    runs.push(await measure('PostgreSQL', openPostgresStore(url), values.db ? 'the database --db names' : `a server of its own (${server!.pid()})`, server?.pid() ?? null));
  } finally {
    await server?.stop();
  }
}
const floor = peer(Math.min(Number(values.peer), count));
if (runs.length > 1) {
  console.log('\nside by side (CPU ms per article):');
  for (const run of runs) {
    console.log(`  ${run.name.padEnd(10)} ${run.rate.toFixed(0).padStart(6)} articles/s  main ${run.main.toFixed(2)}  other threads ${run.other.toFixed(2)}  server ${run.name === 'SQLite' ? '–' : run.server.toFixed(2)}  peak RSS ${mb(run.peakRss)}  ${run.summary}`);
  }
}
console.log(`peer (plain SQLite insert of the same texts, no processing): ${floor.toFixed(0)} articles/s`);
rmSync(dir, { recursive: true, force: true });
