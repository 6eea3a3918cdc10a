/**
 * @module Throughput of our article extraction beside plain Readability (linkedom), in the same
 * run on the same Scrapinghub pages: pages per second and the ratio of time per page. Pages are
 * decoded beforehand, so only extraction is timed. The two run interleaved, page by page, over
 * several rounds, so machine load hits both alike.
 *
 * `--src DIR` (repeatable) times another checkout's `src/` as well (its `extract/extract-article.ts`),
 * interleaved with this one and Readability page by page, so a change is measured beside the
 * version before in the same run; the exit code follows this checkout's ratio.
 *
 * Usage: node --import tsx bench/extraction/run-extraction-bench.ts [dataDir] [--rounds N] [--limit N] [--src DIR]...
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScrapinghub } from '../../eval/extraction/datasets.js';
import { extractOurs, extractReadability } from '../../eval/extraction/systems.js';
import type * as ExtractModule from '../../src/extract/extract-article.js';

/** Our time per page may be at most this multiple of Readability's. */
const MAX_RATIO = 1.5;

/** CPU milliseconds used by this process so far: per-page costs that other jobs on the machine do not inflate. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** An extractor under test: this checkout's, or another checkout's `extractArticle` on the same page. */
export interface ExtractVariant {
  name: string;
  extract: (html: string, url: string | null) => unknown;
}

/** Another checkout's extractor, loaded from its `src/`. */
export async function variantFrom(src: string): Promise<ExtractVariant> {
  const dir = resolve(src);
  const { extractArticle } = (await import(pathToFileURL(`${dir}/extract/extract-article.ts`).href)) as typeof ExtractModule;
  return { name: dir, extract: (html, url) => extractOurs(html, url, extractArticle) };
}

export function runExtractionBench(options: { dataDir: string; rounds: number; limit?: number; others?: ExtractVariant[] }): number {
  const pages = loadScrapinghub(options.dataDir, options.limit);
  const variants: ExtractVariant[] = [{ name: 'ours', extract: extractOurs }, ...(options.others ?? [])];
  // Warm up every extractor (JIT, lazy module state) on a few pages before timing.
  for (const page of pages.slice(0, 5)) {
    for (const variant of variants) variant.extract(page.html, page.url);
    extractReadability(page.html);
  }
  const spent = variants.map(() => 0);
  let readability = 0;
  for (let round = 0; round < options.rounds; round++) {
    for (const page of pages) {
      let start = cpuMs();
      extractReadability(page.html);
      readability += cpuMs() - start;
      variants.forEach((variant, i) => {
        start = cpuMs();
        variant.extract(page.html, page.url);
        spent[i]! += cpuMs() - start;
      });
    }
  }
  const n = pages.length * options.rounds;
  const ratio = spent[0]! / readability;
  console.log(`pages: ${pages.length} x ${options.rounds} rounds`);
  console.log(`${'system'.padEnd(12)} ${'pages/s'.padStart(8)} ${'ms/page'.padStart(8)}  ratio to Readability`);
  variants.forEach((variant, i) => {
    const ms = spent[i]!;
    console.log(`${variant.name.padEnd(12)} ${((1000 * n) / ms).toFixed(1).padStart(8)} ${(ms / n).toFixed(1).padStart(8)}  ${(ms / readability).toFixed(2)}`);
  });
  console.log(`${'readability'.padEnd(12)} ${((1000 * n) / readability).toFixed(1).padStart(8)} ${(readability / n).toFixed(1).padStart(8)}`);
  console.log(`time per page, ours / readability: ${ratio.toFixed(2)} (limit ${MAX_RATIO})`);
  return ratio <= MAX_RATIO ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string' }, limit: { type: 'string' }, src: { type: 'string', multiple: true, default: [] } },
  });
  process.exitCode = runExtractionBench({
    dataDir: positionals[0] ?? '/work/shared/data/extraction',
    rounds: Number(values.rounds ?? 2),
    limit: values.limit === undefined ? undefined : Number(values.limit),
    others: await Promise.all(values.src.map(variantFrom)),
  });
}
