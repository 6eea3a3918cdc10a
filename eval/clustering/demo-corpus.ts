/**
 * @module The demo corpus (demo/corpus, 49 invented articles with their ground truth in
 * demo/expected.json) ingested end to end, as `storyline demo` does, and its stories and events
 * scored by B-cubed against the ground truth. Full texts with publish dates: what the UCI headlines
 * cannot show (events, and stories joined through their articles' text).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createGrouper, type GrouperOptions } from '../../src/cluster/create-grouper.js';
import { Pipeline } from '../../src/pipeline/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ArticleRecord, Store } from '../../src/store/store.js';
import { listInputs } from '../../src/sources/read-inputs.js';
import { seededRandom } from '../seeded-random.js';
import { bCubed, type BCubed } from './b-cubed.js';

export const demoCorpusDir = fileURLToPath(new URL('../../demo/corpus', import.meta.url));

export interface DemoCorpusScore {
  articles: number;
  stories: BCubed & { predicted: number; gold: number };
  events: BCubed & { predicted: number; gold: number };
}

/**
 * The stored article of each ground-truth entry, by the entry's id: an entry names its file
 * (relative to demo/corpus) and its place in it, and the articles of one file are stored in file
 * order, so the n-th stored is the n-th item.
 */
export async function storedDemoArticles(store: Store, entries: ReadonlyArray<{ id: string; path: string; index: number }>): Promise<Map<string, ArticleRecord>> {
  const byPath = new Map<string, ArticleRecord[]>();
  for await (const article of store.articles()) {
    const relative = (article.path ?? '').slice(demoCorpusDir.length + 1);
    byPath.set(relative, [...(byPath.get(relative) ?? []), article]);
  }
  const stored = new Map<string, ArticleRecord>();
  for (const entry of entries) {
    const article = byPath.get(entry.path)?.[entry.index];
    if (article) stored.set(entry.id, article);
  }
  return stored;
}

/**
 * The demo's files in other arrival orders: reversed, then shuffled with seeds 1, 2, ... (a file's
 * own articles keep their order). Online grouping sees articles once, in the order they come.
 */
export async function demoCorpusOrders(shuffles: number): Promise<Array<{ name: string; paths: string[] }>> {
  const { files } = await listInputs([demoCorpusDir]);
  const paths = files.map((f) => f.path);
  const orders = [{ name: 'reversed', paths: [...paths].reverse() }];
  for (let seed = 1; seed <= shuffles; seed++) {
    const random = seededRandom(seed);
    const order = [...paths];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    orders.push({ name: `shuffled (seed ${seed})`, paths: order });
  }
  return orders;
}

export async function scoreDemoCorpus(options: GrouperOptions = {}, paths: string[] = [demoCorpusDir]): Promise<DemoCorpusScore> {
  const expected = (JSON.parse(await readFile(new URL('../../demo/expected.json', import.meta.url), 'utf8')) as {
    articles: Array<{ id: string; path: string; index: number; story: string; event: string }>;
  }).articles;
  const store = openSqliteStore(':memory:');
  try {
    await new Pipeline({ store, createGrouper: () => createGrouper(options), now: () => new Date('2026-05-20T00:00:00Z') }).ingestPaths(paths);
    const stored = await storedDemoArticles(store, expected);
    const rows = expected.flatMap((e) => {
      const article = stored.get(e.id);
      return article ? [{ e, article }] : [];
    });
    const score = (predicted: number[], gold: string[]) => ({ ...bCubed(predicted, gold), predicted: new Set(predicted).size, gold: new Set(gold).size });
    return {
      articles: rows.length,
      stories: score(rows.map((r) => r.article.storyId ?? -r.article.id), rows.map((r) => r.e.story)),
      events: score(rows.map((r) => r.article.eventId ?? -r.article.id), rows.map((r) => r.e.event)),
    };
  } finally {
    await store.close();
  }
}
