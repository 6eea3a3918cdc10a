/**
 * @module Throughput of our article extraction beside plain Readability (linkedom), in the same
 * run on the same Scrapinghub pages: pages per second and the ratio of time per page. Pages are
 * decoded beforehand, so only extraction is timed. The two run interleaved, page by page, over
 * several rounds, so machine load hits both alike.
 *
 * Usage: node --import tsx bench/extraction/run-extraction-bench.ts [dataDir] [--rounds N] [--limit N]
 */
import { parseArgs } from 'node:util';
import { loadScrapinghub } from '../../eval/extraction/datasets.js';
import { extractOurs, extractReadability } from '../../eval/extraction/systems.js';

/** Our time per page may be at most this multiple of Readability's. */
const MAX_RATIO = 1.5;

/** CPU milliseconds used by this process so far: per-page costs that other jobs on the machine do not inflate. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function runExtractionBench(options: { dataDir: string; rounds: number; limit?: number }): number {
  const pages = loadScrapinghub(options.dataDir, options.limit);
  // Warm up both (JIT, lazy module state) on a few pages before timing.
  for (const page of pages.slice(0, 5)) {
    extractOurs(page.html, page.url);
    extractReadability(page.html);
  }
  let ours = 0;
  let readability = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const page of pages) {
      let start = cpuMs();
      extractReadability(page.html);
      readability += cpuMs() - start;
      start = cpuMs();
      extractOurs(page.html, page.url);
      ours += cpuMs() - start;
    }
  }
  const n = pages.length * options.rounds;
  const ratio = ours / readability;
  console.log(`pages: ${pages.length} x ${options.rounds} rounds`);
  console.log(`${'system'.padEnd(12)} ${'pages/s'.padStart(8)} ${'ms/page'.padStart(8)}`);
  console.log(`${'ours'.padEnd(12)} ${((1000 * n) / ours).toFixed(1).padStart(8)} ${(ours / n).toFixed(1).padStart(8)}`);
  console.log(`${'readability'.padEnd(12)} ${((1000 * n) / readability).toFixed(1).padStart(8)} ${(readability / n).toFixed(1).padStart(8)}`);
  console.log(`time per page, ours / readability: ${ratio.toFixed(2)} (limit ${MAX_RATIO})`);
  return ratio <= MAX_RATIO ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string' }, limit: { type: 'string' } },
  });
  process.exitCode = runExtractionBench({
    dataDir: positionals[0] ?? '/work/shared/data/extraction',
    rounds: Number(values.rounds ?? 2),
    limit: values.limit === undefined ? undefined : Number(values.limit),
  });
}
