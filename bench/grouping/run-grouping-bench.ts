/**
 * @module Grouping benchmark: the grouper alone (decide + apply) on a synthetic stream, printing
 * throughput and memory every `--every` articles and the peak at the end.
 * Run: node --expose-gc --import tsx bench/grouping/run-grouping-bench.ts [--count 1000000] [--every 100000]
 */
import { parseArgs } from 'node:util';
import { syntheticStream } from './synthetic-stream.js';
import { createGrouper } from '../../src/cluster/create-grouper.js';

const { values } = parseArgs({ options: { count: { type: 'string' }, every: { type: 'string' }, 'per-day': { type: 'string' } } });
const count = Number(values.count ?? 1_000_000);
const every = Number(values.every ?? 100_000);
const perDay = Number(values['per-day'] ?? 20_000);

const grouper = createGrouper();
const mb = (n: number): string => (n / 1_048_576).toFixed(0);
let peakHeap = 0;
let peakRss = 0;
let windowStart = performance.now();
let windowTime = 0; // wall time inside the grouper only
let windowCpu = 0; // CPU time (user + system) inside the grouper: what the grouper costs on a shared machine
let folded = 0;
const events = new Set<number>();
const stories = new Set<number>();
console.log(`grouper alone, ${count} synthetic 600-word articles, ${perDay} a day`);
console.log('| articles | articles/s (wall, window) | articles per CPU-second (window) | folded | events | stories | heapUsed MB | RSS MB |');
console.log('|---|---|---|---|---|---|---|---|');
let n = 0;
for (const input of syntheticStream(count, { seed: 7, perDay, wordsPerArticle: 600, copyShare: 0.2 })) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const placement = grouper.decide(input);
  grouper.apply(input, placement);
  const c1 = process.cpuUsage(c0);
  windowTime += performance.now() - t0;
  windowCpu += (c1.user + c1.system) / 1000;
  if (placement.duplicateOf !== null) folded++;
  events.add(placement.event.id);
  stories.add(placement.story.id);
  n++;
  if (n % every === 0 || n === count) {
    // With --expose-gc, collect first so heapUsed is what the grouper retains, not garbage awaiting GC.
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    peakRss = Math.max(peakRss, mem.rss);
    const size = n % every === 0 ? every : n % every;
    console.log(`| ${n} | ${(size / (windowTime / 1000)).toFixed(0)} | ${(size / (windowCpu / 1000)).toFixed(0)} | ${folded} | ${events.size} | ${stories.size} | ${mb(mem.heapUsed)} | ${mb(mem.rss)} |`);
    windowTime = 0;
    windowCpu = 0;
    windowStart = performance.now();
  }
}
void windowStart;
console.log(`peak heapUsed ${mb(peakHeap)} MB, peak RSS ${mb(peakRss)} MB`);
