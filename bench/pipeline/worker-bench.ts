/**
 * processDocument as the pipeline runs it: in a worker pool's thread, documents posted in batches
 * and results posted back. Prints the CPU milliseconds per article of the worker and V8's helper
 * threads (its GC among them) and of the main thread (posting, receiving): what the one-thread
 * process bench cannot see, such as a worker heap's settings or the cost of cloning what the
 * workers post back.
 *
 * Several checkouts run side by side in one process, each a pool of one worker: `--src DIR`,
 * repeatable (another checkout's `src/`, so the version before runs beside this one; this
 * checkout's by default). They take turns on the same stream a round at a time, so load from other
 * jobs on the machine falls on all of them alike. Every variant's fingerprint (a hash of every
 * result) must be the same.
 *
 *   node --import tsx bench/pipeline/worker-bench.ts --count 4000
 *   node --import tsx bench/pipeline/worker-bench.ts --count 4000 --src /tmp/baseline/src --src src
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as WorkerPoolModule from '../../src/pipeline/worker-pool.js';
import type { Processed } from '../../src/pipeline/process-document.js';
import type { RawDocument } from '../../src/model/index.js';
import { generateStream } from './generate-stream.js';
import { threadCpuMs, threadsCpuMs } from './thread-cpu.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '4000' },
    warmup: { type: 'string', default: '500' },
    round: { type: 'string', default: '250' },
    src: { type: 'string', multiple: true, default: [] },
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const round = Number(values.round);
const variantCount = Math.max(1, values.src.length);
const ownSrc = resolve(import.meta.dirname, '../../src');

interface Variant {
  name: string;
  pool: WorkerPoolModule.WorkerPool;
  results: Processed[];
  workerMs: number;
  mainMs: number;
}

const variants: Variant[] = [];
for (let v = 0; v < variantCount; v++) {
  const src = resolve(values.src[v] ?? ownSrc);
  const { WorkerPool } = (await import(pathToFileURL(`${src}/pipeline/worker-pool.ts`).href)) as typeof WorkerPoolModule;
  variants.push({ name: src, pool: new WorkerPool(1), results: [], workerMs: 0, mainMs: 0 });
}

const docs = [...generateStream({ count: warmup + count })];
for (const variant of variants) await Promise.all(docs.slice(0, warmup).map((doc) => variant.pool.process(doc)));

const othersMs = (): number => {
  let ms = 0;
  for (const [tid, used] of threadsCpuMs()) if (tid !== process.pid) ms += used;
  return ms;
};
for (let from = warmup; from < docs.length; from += round) {
  const batch: RawDocument[] = docs.slice(from, from + round);
  for (const variant of variants) {
    const others = othersMs();
    const main = threadCpuMs();
    variant.results.push(...(await Promise.all(batch.map((doc) => variant.pool.process(doc)))));
    variant.mainMs += threadCpuMs() - main;
    variant.workerMs += othersMs() - others;
  }
}
await Promise.all(variants.map((variant) => variant.pool.close()));

function fingerprint(results: Processed[]): string {
  const hash = createHash('sha256');
  for (const r of results) {
    hash.update(JSON.stringify(r.ok ? { article: r.article, analysis: r.analysis, contentHash: r.contentHash, terms: r.features.terms.terms } : r));
    if (!r.ok) continue;
    const { shingles, terms } = r.features;
    for (const array of [terms.counts, shingles.hashes, shingles.lines, shingles.samples, shingles.sketch]) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}

console.log(`processDocument in one worker thread per variant: ${count} generated articles after ${warmup} warm-up, in turns of ${round}; CPU ms per article`);
for (const variant of variants) {
  console.log(`${(variant.workerMs / count).toFixed(3)} worker and helper threads, ${(variant.mainMs / count).toFixed(3)} main thread, fingerprint ${fingerprint(variant.results)}: ${variant.name}`);
}
