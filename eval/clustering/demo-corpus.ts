/**
 * @module The demo corpus (demo/corpus, 49 invented articles with their ground truth in
 * demo/expected.json) ingested end to end, as `storyline demo` does, and its stories and events
 * scored by B-cubed against the ground truth. Full texts with publish dates: what the UCI headlines
 * cannot show (events, and stories joined through their articles' text).
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGrouper, type GrouperOptions } from '../../src/cluster/create-grouper.js';
import { Pipeline } from '../../src/pipeline/ingest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ArticleRecord, Store } from '../../src/store/store.js';
import { listInputs, readInput } from '../../src/sources/read-inputs.js';
import { identityOf } from '../../src/pipeline/identity.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { oldestFirst } from '../../src/sources/arrival-order.js';
import type { RawDocument } from '../../src/model/index.js';
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
 * (relative to demo/corpus) and its place in it (index from 0 in the file's order), and the
 * document at that place is found in the store by its identity, as a re-ingest would find it.
 */
export async function storedDemoArticles(store: Store, entries: ReadonlyArray<{ id: string; path: string; index: number }>): Promise<Map<string, ArticleRecord>> {
  const identities = await demoIdentities();
  const stored = new Map<string, ArticleRecord>();
  for (const entry of entries) {
    const identity = identities.get(`${entry.path}#${entry.index}`);
    const match = identity ? await store.findByIdentity(identity) : null;
    const article = match ? (await store.getArticle(match.id))?.article : undefined;
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
  return scoreIngest(options, (pipeline) => pipeline.ingestPaths(paths));
}

let identitiesRead: Promise<Map<string, string>> | null = null;

/** The identity of each document of the demo corpus, by "path#index" (read once per process). */
function demoIdentities(): Promise<Map<string, string>> {
  identitiesRead ??= (async () => {
    const { files } = await listInputs([demoCorpusDir]);
    const identities = new Map<string, string>();
    for (const file of files) {
      for await (const item of readInput(file)) {
        if (item.kind === 'document') identities.set(`${relative(demoCorpusDir, file.path)}#${item.document.index}`, identityOf(item.document));
      }
    }
    return identities;
  })();
  return identitiesRead;
}

/**
 * The demo's 49 articles as one batch handed on article by article, oldest first (by the date
 * each article gives; undated ones last) and newest first (as a feed or a news database lists
 * them): what the order inside a batch does to an online grouping.
 */
export async function scoreDemoArticleOrders(options: GrouperOptions = {}): Promise<Array<{ name: string; score: DemoCorpusScore }>> {
  const { files } = await listInputs([demoCorpusDir]);
  const documents: Array<{ document: RawDocument; published: string | null }> = [];
  for (const file of files) {
    for await (const item of readInput(file)) {
      if (item.kind !== 'document') continue;
      let published: string | null = null;
      try {
        published = extractArticle(item.document).published;
      } catch {
        // Unreadable: undated for the ordering; the ingest reports it.
      }
      documents.push({ document: item.document, published });
    }
  }
  const oldest = oldestFirst(documents, (d) => d.published);
  const dated = oldest.filter((d) => d.published !== null);
  const newest = [...dated.reverse(), ...oldest.filter((d) => d.published === null)];
  const orders = [
    { name: 'oldest first', documents: oldest },
    { name: 'newest first', documents: newest },
  ];
  const scores = [];
  for (const order of orders) {
    scores.push({
      name: order.name,
      score: await scoreIngest(options, async (pipeline) => {
        for (const { document } of order.documents) await pipeline.ingestDocument(document);
      }),
    });
  }
  return scores;
}

async function scoreIngest(options: GrouperOptions, ingest: (pipeline: Pipeline) => Promise<unknown>): Promise<DemoCorpusScore> {
  const expected = (JSON.parse(await readFile(new URL('../../demo/expected.json', import.meta.url), 'utf8')) as {
    articles: Array<{ id: string; path: string; index: number; story: string; event: string }>;
  }).articles;
  const store = openSqliteStore(':memory:');
  try {
    await ingest(new Pipeline({ store, createGrouper: () => createGrouper(options), now: () => new Date('2026-05-20T00:00:00Z') }));
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
