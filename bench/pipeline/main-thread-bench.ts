/**
 * The pipeline's main thread alone: what the worker threads hand back (extracted, analysed
 * articles with the grouper's text features) is recorded once for the generated stream of run.ts,
 * then replayed through the real ingest path (JSONL reader, identity, grouper, SQLite store in
 * batches) with a stand-in pool that answers from the recording. No workers run, so the CPU of the
 * process is the main thread's, and it is split by stage: the grouper's `decide` and `apply`, the
 * store's article writes (without the `decide` they call), batch commits, and the rest (reading,
 * hashing, look-ups by identity and content hash).
 *
 * `--src DIR` replays through another checkout's `src/` (its `pipeline/ingest.ts`,
 * `cluster/create-grouper.ts`, `store/sqlite/sqlite-store.ts`), so a change is measured beside
 * the previous version on the same recording, in alternating runs. The placement fingerprint (a
 * hash of every stored article's copy link, event and story) must not change with a speed change.
 *
 *   node --import tsx bench/pipeline/main-thread-bench.ts --count 20000
 *   node --import tsx bench/pipeline/main-thread-bench.ts --count 20000 --src /tmp/baseline
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/pipeline/main-thread-bench.ts --count 20000
 */
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import type { Grouper, GroupingInput, Placement, RawDocument } from '../../src/model/index.js';
import type * as GrouperModule from '../../src/cluster/create-grouper.js';
import type * as IngestModule from '../../src/pipeline/ingest.js';
import type { Processed } from '../../src/pipeline/process-document.js';
import type * as SqliteModule from '../../src/store/sqlite/sqlite-store.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import type { Store } from '../../src/store/store.js';
import { generateStream } from './generate-stream.js';
import { threadCpuMs } from './thread-cpu.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    every: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '7' },
    src: { type: 'string' },
    recordings: { type: 'string', default: join(tmpdir(), 'storyline-main-thread') },
    workers: { type: 'string', default: '2' },
  },
});
const count = Number(values.count);
const every = Number(values.every);
const seed = Number(values.seed);
const root = resolve(values.src ?? join(import.meta.dirname, '../..'));

/** The generated stream as JSONL, as run.ts writes it. */
async function writeStream(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (const doc of generateStream({ count, seed })) {
    const line = { id: doc.hints.externalId, title: doc.hints.title, text: doc.content, source: doc.hints.source, published: doc.hints.published, language: 'en' };
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * What the workers return for each document of the stream, in order, as length-prefixed V8
 * serialisations (typed arrays stay typed arrays); the documents are read as the JSONL reader
 * hands them over, so the recording is what the pool would answer.
 */
async function record(stream: string, file: string): Promise<void> {
  const { listInputs, readInput } = await import('../../src/sources/read-inputs.js');
  const pool = new WorkerPool(Number(values.workers));
  const out = openSync(`${file}.part`, 'w');
  const window: Array<Promise<Processed>> = [];
  const write = (processed: Processed): void => {
    const body = serialize(processed);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    writeSync(out, length);
    writeSync(out, body);
  };
  const { files } = await listInputs([stream]);
  for await (const item of readInput(files[0]!)) {
    if (item.kind !== 'document') continue;
    window.push(pool.process(item.document));
    if (window.length >= 128) write(await window.shift()!);
  }
  for (const pending of window) write(await pending);
  closeSync(out);
  await pool.close();
  renameSync(`${file}.part`, file);
}

/** A pool that answers from the recording, in order (the pipeline asks in input order). */
function recordedPool(file: string): { process(raw: RawDocument): Promise<Processed>; close(): void } {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4);
  return {
    process(): Promise<Processed> {
      if (readSync(fd, head, 0, 4, null) !== 4) throw new Error('the recording is shorter than the stream');
      const body = Buffer.alloc(head.readUInt32LE());
      readSync(fd, body, 0, body.length, null);
      return Promise.resolve(deserialize(body) as Processed);
    },
    close: () => closeSync(fd),
  };
}

const folder = join(values.recordings, `seed${seed}-${count}`);
const stream = join(folder, 'stream.jsonl');
const recording = join(folder, 'processed.v8');
if (!existsSync(recording)) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  console.log(`recording the workers' results for ${count} articles in ${folder} (once) ...`);
  await writeStream(stream);
  await record(stream, recording);
}

const { Pipeline } = (await import(pathToFileURL(join(root, 'src/pipeline/ingest.ts')).href)) as typeof IngestModule;
const { createGrouper } = (await import(pathToFileURL(join(root, 'src/cluster/create-grouper.ts')).href)) as typeof GrouperModule;
const { openSqliteStore } = (await import(pathToFileURL(join(root, 'src/store/sqlite/sqlite-store.ts')).href)) as typeof SqliteModule;

/** CPU milliseconds of this process (every thread: without workers, the main thread and V8's helpers). */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const stages = { decide: 0, apply: 0, write: 0, commit: 0 };
type Stage = keyof typeof stages;
function timed<T>(stage: Stage, run: () => T): T {
  const started = cpuMs();
  try {
    return run();
  } finally {
    stages[stage] += cpuMs() - started;
  }
}
async function timedAsync<T>(stage: Stage, run: () => Promise<T>): Promise<T> {
  const started = cpuMs();
  try {
    return await run();
  } finally {
    stages[stage] += cpuMs() - started;
  }
}

/** The grouper with its two calls timed. */
function timedGrouper(): Grouper {
  const grouper = createGrouper();
  return new Proxy(grouper, {
    get(target, key, receiver) {
      if (key === 'decide') return (input: GroupingInput) => timed('decide', () => target.decide(input));
      if (key === 'apply') return (input: GroupingInput, placement: Placement) => timed('apply', () => target.apply(input, placement));
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The store with its article writes (less the grouper's `decide` inside them) and commits timed. */
function timedStore(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'addArticle') {
        return async (...args: Parameters<Store['addArticle']>) => {
          const decidedBefore = stages.decide;
          const result = await timedAsync('write', () => target.addArticle(...args));
          stages.write -= stages.decide - decidedBefore;
          return result;
        };
      }
      if (key === 'commitBatch') return () => timedAsync('commit', () => target.commitBatch());
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'storyline-main-thread-'));
const dbFile = join(dir, 'store.db');
const store = openSqliteStore(dbFile);
const pool = recordedPool(recording);
const pipeline = new Pipeline({ store: timedStore(store), createGrouper: timedGrouper, pool: pool as never });

console.log(`main thread alone: ${count} articles replayed from ${recording} through ${root}/src`);
console.log('articles    total ms  decide  apply   write  commit  rest    (CPU ms per article in the window)  thread ms');
let done = 0;
let last = { cpu: cpuMs(), thread: threadCpuMs(), done: 0, ...stages };
const first = last;
const row = (from: typeof last, to: typeof last): string => {
  const n = to.done - from.done;
  const per = (ms: number): string => (ms / n).toFixed(3).padStart(6);
  const total = to.cpu - from.cpu;
  const staged = (Object.keys(stages) as Stage[]).reduce((sum, s) => sum + to[s] - from[s], 0);
  return `${String(to.done).padStart(8)}  ${per(total)}  ${(Object.keys(stages) as Stage[]).map((s) => per(to[s] - from[s])).join('  ')}  ${per(total - staged)}  ${' '.repeat(36)}${per(to.thread - from.thread)}`;
};
const summary = await pipeline.ingestPaths([stream], {
  onDocument: () => {
    done++;
    if (done % every !== 0 && done !== count) return;
    const now = { cpu: cpuMs(), thread: threadCpuMs(), done, ...stages };
    console.log(row(last, now));
    last = now;
  },
});
console.log(`${'all'.padStart(8)}${row(first, last).slice(8)}`);
pool.close();
await store.close();

const db = new Database(dbFile, { readonly: true });
const hash = createHash('sha256');
for (const r of db.prepare('SELECT id, duplicate_of, event_id, story_id FROM articles ORDER BY id').iterate() as Iterable<Record<string, unknown>>) {
  hash.update(`${r.id as number},${String(r.duplicate_of)},${String(r.event_id)},${String(r.story_id)}\n`);
}
const counts = db.prepare('SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM stories) AS stories').get() as Record<string, number>;
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`stored ${counts.articles} articles (${summary.duplicates} folded copies), ${counts.events} events, ${counts.stories} stories; failed ${summary.failed}`);
console.log(`placement fingerprint ${hash.digest('hex').slice(0, 16)}`);
