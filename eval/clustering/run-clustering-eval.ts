/**
 * @module Story clustering evaluation: the UCI News Aggregator headlines (4,340 titles from 62
 * Google News story clusters; a title and the URL a feed gives, no body, no date; ID order as arrival
 * order, and three shuffled orders besides, since the file is sorted by story) through the grouper,
 * scored by B-cubed precision, recall and F1 of its stories against STORY. Also reports the canonical
 * seeds when their folder exists. Exit code 1 under the floors in eval/baseline-grouping.json.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { bCubed } from './b-cubed.js';
import type { BCubed } from './b-cubed.js';
import { finalStories } from './final-stories.js';
import { checkSeeds } from './seed-stories.js';
import { demoCorpusOrders, scoreDemoArticleOrders, scoreDemoCorpus, type DemoCorpusScore } from './demo-corpus.js';
import { createGrouper } from '../../src/cluster/create-grouper.js';
import type { GrouperOptions } from '../../src/cluster/create-grouper.js';
import { emptyAnalysis } from '../../src/model/analysis.js';
import type { GroupingInput, Placement } from '../../src/model/grouping.js';

export interface ClusteringEvalOptions {
  dataFile?: string;
  seedsDir?: string;
  limit?: number;
  grouper?: GrouperOptions;
  baselineFile?: string;
  log?: (line: string) => void;
}

export const defaultHeadlinesFile = '/work/shared/data/clustering/uci-news-headlines.csv';
export const defaultSeedsDir = '/work/shared/seeds';

/** Parse RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

export interface Headline {
  id: number;
  title: string;
  /** The article's address, as a feed gives it. */
  url: string;
  publisher: string;
  story: string;
}

export async function readHeadlines(file: string): Promise<Headline[]> {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
  const col = (name: string): number => header!.indexOf(name);
  const [id, title, url, publisher, story] = [col('ID'), col('TITLE'), col('URL'), col('PUBLISHER'), col('STORY')];
  return rows
    .filter((r) => r.length >= header!.length)
    .map((r) => ({ id: Number(r[id]), title: r[title]!, url: r[url]!, publisher: r[publisher]!, story: r[story]! }))
    .sort((a, b) => a.id - b.id);
}

function headlineInput(h: Headline, index: number): GroupingInput {
  return {
    id: h.id,
    seenAt: new Date(Date.UTC(2014, 2, 10) + index * 1000).toISOString(),
    analysis: emptyAnalysis(),
    article: {
      externalId: String(h.id),
      path: null,
      url: h.url,
      source: h.publisher,
      author: null,
      title: h.title,
      text: '',
      published: null,
      modified: null,
      language: 'en',
    },
  };
}

export interface ClusteringResult extends BCubed {
  headlines: number;
  goldStories: number;
  predictedStories: number;
  articlesPerSecond: number;
}

/** Group the headlines and score the stories. */
export function scoreHeadlines(headlines: Headline[], options: GrouperOptions = {}): ClusteringResult & { predicted: number[] } {
  const grouper = createGrouper(options);
  const placements: Placement[] = [];
  const started = performance.now();
  headlines.forEach((h, i) => {
    const input = headlineInput(h, i);
    const placement = grouper.decide(input);
    grouper.apply(input, placement);
    placements.push(placement);
  });
  const seconds = (performance.now() - started) / 1000;
  const predicted = finalStories(placements);
  const score = bCubed(predicted, headlines.map((h) => h.story));
  return {
    ...score,
    predicted,
    headlines: headlines.length,
    goldStories: new Set(headlines.map((h) => h.story)).size,
    predictedStories: new Set(predicted).size,
    articlesPerSecond: headlines.length / Math.max(seconds, 1e-9),
  };
}

/** Seeds of the shuffled arrival orders the eval also scores. */
const shuffleSeeds = [1, 2, 3];

/** A copy of `items` in a pseudo-random order fixed by `seed` (Fisher-Yates over a linear congruential generator). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Gold stories numbered by first appearance in the file's order (even: tuned half; odd: held out). */
function storyOrder(headlines: Headline[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const h of [...headlines].sort((a, b) => a.id - b.id)) if (!order.has(h.story)) order.set(h.story, order.size);
  return order;
}

/** B-cubed over the headlines of one half of the gold stories. */
function scoreHalf(headlines: Headline[], predicted: number[], order: Map<string, number>, parity: number): BCubed & { headlines: number; predictedStories: number } {
  const idx = headlines.map((h, i) => (order.get(h.story)! % 2 === parity ? i : -1)).filter((i) => i >= 0);
  const score = bCubed(idx.map((i) => predicted[i]!), idx.map((i) => headlines[i]!.story));
  return { ...score, headlines: idx.length, predictedStories: new Set(idx.map((i) => predicted[i])).size };
}

export async function runClusteringEval(options: ClusteringEvalOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const file = options.dataFile ?? defaultHeadlinesFile;
  let headlines = await readHeadlines(file);
  if (options.limit !== undefined) headlines = headlines.slice(0, options.limit);
  const result = scoreHeadlines(headlines, options.grouper);

  log(`Story clustering, UCI News Aggregator headlines (${file})`);
  log('| headlines | gold stories | predicted stories | B3 precision | B3 recall | B3 F1 | articles/s |');
  log('|---|---|---|---|---|---|---|');
  log(
    `| ${result.headlines} | ${result.goldStories} | ${result.predictedStories} | ${result.precision.toFixed(3)} | ${result.recall.toFixed(3)} | ${result.f1.toFixed(3)} | ${result.articlesPerSecond.toFixed(0)} |`,
  );

  // The two halves of the gold stories (alternating by first appearance): even ones were used while
  // tuning the grouper's thresholds, odd ones were not. Each half is scored over its own headlines.
  const order = storyOrder(headlines);
  for (const [name, parity] of [['tuned (even stories)', 0], ['held out (odd stories)', 1]] as const) {
    const half = scoreHalf(headlines, result.predicted, order, parity);
    log(`| ${name}: ${half.headlines} | ${Math.ceil(order.size / 2 - parity / 2)} | ${half.predictedStories} | ${half.precision.toFixed(3)} | ${half.recall.toFixed(3)} | ${half.f1.toFixed(3)} | |`);
  }

  // The file is sorted by story, so its order favours any grouper that links recent arrivals. The
  // same headlines in shuffled orders show how much of the score that order gives.
  const shuffled = shuffleSeeds.map((seed) => {
    const mixed = shuffle(headlines, seed);
    const r = scoreHeadlines(mixed, options.grouper);
    return { all: r, tuned: scoreHalf(mixed, r.predicted, order, 0), held: scoreHalf(mixed, r.predicted, order, 1) };
  });
  const mean = (f: (s: (typeof shuffled)[number]) => number): string => (shuffled.reduce((a, s) => a + f(s), 0) / shuffled.length).toFixed(3);
  log(
    `| shuffled arrival (mean of ${shuffled.length} orders) | | | ${mean((s) => s.all.precision)} | ${mean((s) => s.all.recall)} | ${mean((s) => s.all.f1)} (${shuffled.map((s) => s.all.f1.toFixed(3)).join(', ')}) | |`,
  );
  log(`| shuffled: tuned / held out | | | | | ${mean((s) => s.tuned.f1)} / ${mean((s) => s.held.f1)} | |`);

  // Worst gold stories: those split across the most predicted stories, and predicted stories mixing the most gold ones.
  const splits = new Map<string, Map<number, number>>();
  headlines.forEach((h, i) => {
    const m = splits.get(h.story) ?? new Map<number, number>();
    m.set(result.predicted[i]!, (m.get(result.predicted[i]!) ?? 0) + 1);
    splits.set(h.story, m);
  });
  const worst = [...splits]
    .map(([story, m]) => ({ story, parts: m.size, largest: Math.max(...m.values()), size: [...m.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => a.largest / a.size - b.largest / b.size)
    .slice(0, 5);
  log('Worst-split gold stories (largest predicted share):');
  for (const w of worst) {
    const example = headlines.find((h) => h.story === w.story)?.title ?? '';
    log(`  ${w.largest}/${w.size} in ${w.parts} predicted stories, e.g. "${example}"`);
  }

  let seedsOk = true;
  const seedsDir = options.seedsDir ?? defaultSeedsDir;
  if (existsSync(seedsDir)) {
    const seeds = await checkSeeds(seedsDir, options.grouper);
    seedsOk = seeds.oneStory && seeds.folded && seeds.othersUnfolded && seeds.summitApart;
    log(`Seeds (${seedsDir}): story "${seeds.storyTitle}"`);
    log('| file | duplicateOf | event | story |');
    log('|---|---|---|---|');
    for (const r of seeds.rows) log(`| ${r.file} | ${r.duplicateOf ?? '-'} | ${r.event} | ${r.story} |`);
    log(
      `one story: ${seeds.oneStory}; 000/001 folded: ${seeds.folded}; 002-004 unfolded: ${seeds.othersUnfolded}; 004 apart from 000/001 event: ${seeds.summitApart}`,
    );
  }

  const demo = await scoreDemoCorpus(options.grouper);
  log(`Demo corpus (demo/corpus, ${demo.articles} articles, full texts with dates)`);
  log('| grouping | gold | predicted | B3 precision | B3 recall | B3 F1 |');
  log('|---|---|---|---|---|---|');
  for (const [name, s] of [['stories', demo.stories], ['events', demo.events]] as const) {
    log(`| ${name} | ${s.gold} | ${s.predicted} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
  }
  // The same files in other orders: what arrival order does to an online grouping.
  log('Demo corpus in other arrival orders (files reversed, and shuffled)');
  log('| order | stories | story B3 P / R / F1 | events | event B3 P / R / F1 |');
  log('|---|---|---|---|---|');
  const orderScores: DemoCorpusScore[] = [];
  const three = (b: DemoCorpusScore['stories']): string => `${b.precision.toFixed(3)} / ${b.recall.toFixed(3)} / ${b.f1.toFixed(3)}`;
  for (const order of await demoCorpusOrders(8)) {
    const s = await scoreDemoCorpus(options.grouper, order.paths);
    orderScores.push(s);
    log(`| ${order.name} | ${s.stories.predicted} | ${three(s.stories)} | ${s.events.predicted} | ${three(s.events)} |`);
  }
  const meanOf = (pick: (s: DemoCorpusScore) => number): string => (orderScores.reduce((sum, s) => sum + pick(s), 0) / orderScores.length).toFixed(3);
  const least = (pick: (s: DemoCorpusScore) => number): string => Math.min(...orderScores.map(pick)).toFixed(3);
  log(`| mean (least) | | F1 ${meanOf((s) => s.stories.f1)} (${least((s) => s.stories.f1)}) | | F1 ${meanOf((s) => s.events.f1)} (${least((s) => s.events.f1)}) |`);
  // One batch article by article: why a feed's or an export's entries are handed on oldest first.
  log('Demo corpus as one batch, article by article (a feed or an export lists newest first)');
  log('| order | stories | story B3 P / R / F1 | events | event B3 P / R / F1 |');
  log('|---|---|---|---|---|');
  for (const { name, score: s } of await scoreDemoArticleOrders(options.grouper)) {
    log(`| ${name} | ${s.stories.predicted} | ${three(s.stories)} | ${s.events.predicted} | ${three(s.events)} |`);
  }

  const baseline = JSON.parse(
    await readFile(options.baselineFile ?? new URL('../baseline-grouping.json', import.meta.url), 'utf8'),
  ) as { clustering: { bcubedF1: number } };
  const full = options.limit === undefined;
  if (full && result.f1 < baseline.clustering.bcubedF1) {
    log(`FAIL: B3 F1 ${result.f1.toFixed(3)} under the floor ${baseline.clustering.bcubedF1}`);
    return 1;
  }
  if (!seedsOk) {
    log('FAIL: the seeds are not grouped as expected');
    return 1;
  }
  return 0;
}
