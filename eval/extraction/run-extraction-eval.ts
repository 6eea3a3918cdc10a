/**
 * @module Extraction evaluation: our extractor beside plain Readability on the Scrapinghub and
 * WCXB article pages, publish-date day accuracy on WCXB, and the flattened-text cleaner on the
 * Scrapinghub and the WCXB pages (each flattened to visible text, scored by 4-gram F1). Prints a table, the same scores on the tuned and held-out halves of the pages
 * (eval/holdout-split.ts), the worst pages, and checks `eval/baseline.json` floors.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { halfOf } from '../holdout-split.js';
import type { BenchmarkPage } from './datasets.js';
import { loadScrapinghub, loadWcxb } from './datasets.js';
import type { Counts, Score } from './metrics.js';
import { averageScores, bagOfWordsScore, pageF1, scrapinghubScore, shingleCounts } from './metrics.js';
import { extractOurs, extractReadability, flattenAndClean, flattenOnly, readabilityArticle } from './systems.js';
import { metadataKey } from './metrics.js';

export interface ExtractionEvalOptions {
  dataDir: string;
  limit?: number;
  /** How many worst pages to list per benchmark (default 10). */
  worst?: number;
  /** Floors file (default eval/baseline.json beside this folder). */
  baselinePath?: string;
  /**
   * Benchmarks to run (default all): scrapinghub, wcxb, date, metadata (headline and author on
   * WCXB), flattened (the flattened-text cleaner on the Scrapinghub and the WCXB pages),
   * flattened-wcxb (on the WCXB pages only).
   */
  only?: string[];
}

interface Row {
  key: string;
  benchmark: string;
  system: string;
  pages: number;
  score: Score;
  msPerPage: number;
  worst: Array<{ id: string; value: number; note: string }>;
  /** The same score on the tuned half of the pages and on the held-out half (eval/holdout-split.ts). */
  halves: { tuned: Score; heldOut: Score };
}

function halvesOf<T extends { id: string }>(pages: T[], score: (subset: T[]) => Score): { tuned: Score; heldOut: Score } {
  return { tuned: score(pages.filter((p) => halfOf(p.id) === 'tuned')), heldOut: score(pages.filter((p) => halfOf(p.id) === 'heldOut')) };
}

const BASELINE = join(dirname(fileURLToPath(import.meta.url)), '..', 'baseline.json');

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function shingleRow(key: string, benchmark: string, system: string, pages: BenchmarkPage[], extract: (p: BenchmarkPage) => string, worst: number): Row {
  let ms = 0;
  const perPage = pages.map((page) => {
    const { value, ms: took } = timed(() => extract(page));
    ms += took;
    return { id: page.id, counts: shingleCounts(page.truth, value) as Counts };
  });
  return {
    key,
    benchmark,
    system,
    pages: pages.length,
    score: scrapinghubScore(perPage.map((p) => p.counts)),
    halves: halvesOf(perPage, (subset) => scrapinghubScore(subset.map((p) => p.counts))),
    msPerPage: ms / Math.max(1, pages.length),
    worst: perPage
      .map((p) => ({ id: p.id, value: pageF1(p.counts), note: `tp ${p.counts.tp.toFixed(2)} fp ${p.counts.fp.toFixed(2)} fn ${p.counts.fn.toFixed(2)}` }))
      .sort((a, b) => a.value - b.value)
      .filter((w) => halfOf(w.id) === 'tuned')
      .slice(0, worst),
  };
}

function bagRow(key: string, benchmark: string, system: string, pages: BenchmarkPage[], extract: (p: BenchmarkPage) => string, worst: number): Row {
  let ms = 0;
  const perPage = pages.map((page) => {
    const { value, ms: took } = timed(() => extract(page));
    ms += took;
    return { id: page.id, score: bagOfWordsScore(page.truth, value) };
  });
  return {
    key,
    benchmark,
    system,
    pages: pages.length,
    score: averageScores(perPage.map((p) => p.score)),
    halves: halvesOf(perPage, (subset) => averageScores(subset.map((p) => p.score))),
    msPerPage: ms / Math.max(1, pages.length),
    worst: perPage
      .map((p) => ({ id: p.id, value: p.score.f1, note: `P ${p.score.precision.toFixed(2)} R ${p.score.recall.toFixed(2)}` }))
      .sort((a, b) => a.value - b.value)
      .filter((w) => halfOf(w.id) === 'tuned')
      .slice(0, worst),
  };
}

function dateRow(pages: BenchmarkPage[], worst: number): Row {
  const dated = pages.filter((p) => p.published && /^\d{4}-\d{2}-\d{2}$/.test(p.published));
  let ms = 0;
  const results = dated.map((page) => {
    const { value, ms: took } = timed(() => extractOurs(page.html, page.url)?.published ?? null);
    ms += took;
    return { id: page.id, truth: page.published as string, found: value };
  });
  const correct = results.filter((r) => r.found?.slice(0, 10) === r.truth).length;
  const accuracy = correct / Math.max(1, results.length);
  return {
    key: 'date',
    benchmark: 'wcxb publish date',
    system: 'ours',
    pages: results.length,
    score: { precision: accuracy, recall: accuracy, f1: accuracy },
    halves: halvesOf(results, (subset) => {
      const share = subset.filter((r) => r.found?.slice(0, 10) === r.truth).length / Math.max(1, subset.length);
      return { precision: share, recall: share, f1: share };
    }),
    msPerPage: ms / Math.max(1, results.length),
    worst: results
      .filter((r) => r.found?.slice(0, 10) !== r.truth && halfOf(r.id) === 'tuned')
      .slice(0, worst)
      .map((r) => ({ id: r.id, value: 0, note: `truth ${r.truth} found ${r.found ?? '-'}` })),
  };
}

/** Headline and author as one system reads them from each WCXB page. */
interface MetadataGuess {
  id: string;
  title: string | null;
  author: string | null;
  truthTitle: string;
  truthAuthor: string | null;
}

/**
 * Headline accuracy: the headline found is the ground truth's once case, punctuation and spacing
 * are set aside (WCXB gives a title for every page).
 */
function titleScore(guesses: MetadataGuess[]): Score {
  const right = guesses.filter((g) => metadataKey(g.title) === metadataKey(g.truthTitle)).length / Math.max(1, guesses.length);
  return { precision: right, recall: right, f1: right };
}

/**
 * Author(s), compared the same way: precision over the pages where an author was given (a name
 * on a page whose truth names none is wrong), recall over the pages whose truth names one.
 */
function authorScore(guesses: MetadataGuess[]): Score {
  const given = guesses.filter((g) => metadataKey(g.author) !== '');
  const named = guesses.filter((g) => metadataKey(g.truthAuthor) !== '');
  const right = given.filter((g) => metadataKey(g.author) === metadataKey(g.truthAuthor)).length;
  const precision = right / Math.max(1, given.length);
  const recall = right / Math.max(1, named.length);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function metadataRows(pages: BenchmarkPage[], worst: number): Row[] {
  const systems: Array<[string, (page: BenchmarkPage) => { title: string | null; author: string | null }]> = [
    ['ours', (page) => {
      const article = extractOurs(page.html, page.url);
      return { title: article?.title ?? null, author: article?.author ?? null };
    }],
    ['readability', (page) => {
      const article = readabilityArticle(page.html);
      return { title: article?.title ?? null, author: article?.byline ?? null };
    }],
  ];
  const rows: Row[] = [];
  for (const [system, read] of systems) {
    let ms = 0;
    const guesses: MetadataGuess[] = pages
      .filter((page) => page.title)
      .map((page) => {
        const { value, ms: took } = timed(() => read(page));
        ms += took;
        return { id: page.id, ...value, truthTitle: page.title!, truthAuthor: page.author ?? null };
      });
    const suffix = system === 'ours' ? '' : `-${system}`;
    for (const [key, benchmark, score, wrong] of [
      ['title', 'wcxb headline (exact)', titleScore, (g: MetadataGuess) => metadataKey(g.title) !== metadataKey(g.truthTitle)],
      ['author', 'wcxb author (exact)', authorScore, (g: MetadataGuess) => metadataKey(g.author) !== metadataKey(g.truthAuthor)],
    ] as const) {
      rows.push({
        key: `${key}${suffix}`,
        benchmark,
        system,
        pages: guesses.length,
        score: score(guesses),
        halves: halvesOf(guesses, score),
        msPerPage: ms / Math.max(1, guesses.length),
        worst: guesses
          .filter((g) => wrong(g) && halfOf(g.id) === 'tuned')
          .slice(0, worst)
          .map((g) => ({
            id: g.id,
            value: 0,
            note: key === 'title' ? `truth "${g.truthTitle}" found "${g.title ?? '-'}"` : `truth "${g.truthAuthor ?? '-'}" found "${g.author ?? '-'}"`,
          })),
      });
    }
  }
  return rows;
}

const f3 = (n: number): string => n.toFixed(3);

export async function runExtractionEval(options: ExtractionEvalOptions): Promise<number> {
  const worst = options.worst ?? 10;
  const wants = (name: string): boolean => !options.only || options.only.includes(name);
  const rows: Row[] = [];

  // `flattened` runs the cleaner on both data sets; `flattened-wcxb` on the WCXB pages alone.
  const flattenedWcxb = wants('flattened') || wants('flattened-wcxb');
  if (wants('scrapinghub') || wants('flattened')) {
    const pages = loadScrapinghub(options.dataDir, options.limit);
    if (wants('scrapinghub')) {
      rows.push(shingleRow('scrapinghub', 'scrapinghub (4-gram)', 'ours', pages, (p) => extractOurs(p.html, p.url)?.text ?? '', worst));
      rows.push(shingleRow('scrapinghub-readability', 'scrapinghub (4-gram)', 'readability', pages, (p) => extractReadability(p.html), worst));
    }
    if (wants('flattened')) {
      rows.push(shingleRow('flattened', 'flattened text (4-gram)', 'flatten+clean', pages, (p) => flattenAndClean(p.html), worst));
      rows.push(shingleRow('flattened-raw', 'flattened text (4-gram)', 'no cleaning', pages, (p) => flattenOnly(p.html), worst));
    }
  }
  if (wants('wcxb') || wants('date') || wants('metadata') || flattenedWcxb) {
    const pages = loadWcxb(options.dataDir, options.limit);
    if (flattenedWcxb) {
      rows.push(shingleRow('flattened-wcxb', 'wcxb flattened (4-gram)', 'flatten+clean', pages, (p) => flattenAndClean(p.html), worst));
      rows.push(shingleRow('flattened-wcxb-raw', 'wcxb flattened (4-gram)', 'no cleaning', pages, (p) => flattenOnly(p.html), worst));
    }
    if (wants('wcxb')) {
      rows.push(bagRow('wcxb', 'wcxb articles (bag of words)', 'ours', pages, (p) => extractOurs(p.html, p.url)?.text ?? '', worst));
      rows.push(bagRow('wcxb-readability', 'wcxb articles (bag of words)', 'readability', pages, (p) => extractReadability(p.html), worst));
    }
    if (wants('date')) rows.push(dateRow(pages, worst));
    if (wants('metadata')) rows.push(...metadataRows(pages, worst));
  }

  const floors = readFloors(options.baselinePath ?? BASELINE);
  console.log('');
  console.log(`${'benchmark'.padEnd(30)} ${'system'.padEnd(14)} ${'pages'.padStart(5)} ${'F1/acc'.padStart(7)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'ms/page'.padStart(8)} ${'floor'.padStart(6)}`);
  let failed = 0;
  for (const row of rows) {
    const floor = floors[row.key];
    const heldFloor = floors[`${row.key}-held`];
    const below = (floor !== undefined && row.score.f1 < floor) || (heldFloor !== undefined && row.halves.heldOut.f1 < heldFloor);
    if (below) failed++;
    console.log(
      `${row.benchmark.padEnd(30)} ${row.system.padEnd(14)} ${String(row.pages).padStart(5)} ${f3(row.score.f1).padStart(7)} ${f3(row.score.precision).padStart(6)} ${f3(row.score.recall).padStart(6)} ${row.msPerPage.toFixed(1).padStart(8)} ${(floor === undefined ? '' : f3(floor)).padStart(6)}${below ? '  BELOW FLOOR' : ''}`,
    );
  }
  console.log('\nhalves (tune on the tuned half, confirm on the held-out half; a `<key>-held` floor checks the latter):');
  for (const row of rows) {
    const half = (s: Score): string => `${f3(s.f1)} (P ${f3(s.precision)} R ${f3(s.recall)})`;
    console.log(`${row.benchmark.padEnd(30)} ${row.system.padEnd(14)} tuned ${half(row.halves.tuned)}  held out ${half(row.halves.heldOut)}`);
  }
  for (const row of rows.filter((r) => r.system === 'ours' || r.system === 'flatten+clean')) {
    if (row.worst.length === 0) continue;
    console.log(`\nworst pages of the tuned half (held-out pages are never listed): ${row.benchmark}, ${row.system}`);
    for (const w of row.worst) console.log(`  ${w.id.slice(0, 16).padEnd(16)} ${f3(w.value)}  ${w.note}`);
  }
  if (options.limit !== undefined) {
    console.log('\n(--limit given: floors are informative only on a subset)');
    return 0;
  }
  if (failed) console.log(`\n${failed} score(s) below the floor in ${options.baselinePath ?? BASELINE}`);
  return failed ? 1 : 0;
}

function readFloors(path: string): Record<string, number> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { extraction?: Record<string, number> };
    return parsed.extraction ?? {};
  } catch {
    return {};
  }
}
