/**
 * Several processes writing one store in turn (`serve` with `fetch` from cron, two machines on one
 * PostgreSQL database): each must group what the other stored as if it had read it itself.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { demoCorpusDir } from '../eval/clustering/demo-corpus.js';
import { createPipeline } from '../src/pipeline/create-pipeline.js';
import type { RawDocument } from '../src/model/index.js';
import { identityOf } from '../src/pipeline/identity.js';
import { listInputs, readInput } from '../src/sources/read-inputs.js';
import type { Store } from '../src/store/store.js';
import { useStoreKinds } from '../src/store/testdata/store-kinds.js';

const kinds = useStoreKinds();
const clock = () => new Date('2026-05-20T00:00:00Z');

/** Where each article went, by its file and place: the original it copies, its event and story. */
async function placements(store: Store): Promise<string[]> {
  const articles = [];
  for await (const a of store.articles()) articles.push(a);
  // A copy may be stored before its original (and re-pointed when the original came).
  const names = new Map(articles.map((a) => [a.id, `${(a.path ?? '').slice(demoCorpusDir.length + 1)}#${a.identity.slice(-12)}`]));
  return articles.map((a) => `${names.get(a.id)} copy of ${a.duplicateOf === null ? '-' : names.get(a.duplicateOf)} event ${a.eventId} story ${a.storyId}`);
}

for (const kind of kinds) {
  test(`${kind.name}: two processes taking turns on one store group the demo corpus as one process does`, { skip: kind.skip, timeout: 180_000 }, async () => {
    const { files } = await listInputs([demoCorpusDir]);
    const paths = files.map((f) => f.path);
    // A few files at a time, each turn by the other process.
    const turns: string[][] = [];
    for (let i = 0; i < paths.length; i += 3) turns.push(paths.slice(i, i + 3));

    const alone = await kind.create();
    const shared = await kind.create();
    const second = shared.connect();
    try {
      const one = createPipeline(alone.store, { now: clock });
      for (const turn of turns) await one.ingestPaths(turn);

      const writers = [createPipeline(shared.store, { now: clock }), createPipeline(second, { now: clock })];
      for (const [i, turn] of turns.entries()) await writers[i % 2]!.ingestPaths(turn);

      // Then a single document, as the server's ingest jobs store them, by the process that did not
      // write last: a copy of the last article stored.
      const last = (await alone.store.articlesAfter((await alone.store.latestArticleId()) - 1, 1))[0]!;
      const copy = { path: join(demoCorpusDir, 'late-copy.txt'), index: 0, format: 'text' as const, content: `${last.text}\n\nRead more on our website.`, hints: { source: 'Late Courier', title: 'A late copy' } };
      assert.equal((await one.ingestDocument(copy)).kind, 'duplicate');
      assert.equal((await writers[turns.length % 2]!.ingestDocument(copy)).kind, 'duplicate');

      const expected = await placements(alone.store);
      assert.ok(expected.filter((row) => !row.includes('copy of -')).length >= 5, 'the corpus has copies to fold');
      assert.deepEqual(await placements(shared.store), expected);
      assert.deepEqual(await shared.store.counts(), await alone.store.counts());
    } finally {
      await second.close();
      await shared.dispose();
      await alone.dispose();
    }
  });
}

const postgres = kinds.find((kind) => kind.name === 'PostgreSQL')!;

test('PostgreSQL: two processes writing at the same time, batch by batch, store every article once and group as one process reading them in that order', { skip: postgres.skip, timeout: 180_000 }, async () => {
  const { files } = await listInputs([demoCorpusDir]);
  const paths = files.map((f) => f.path);
  const raws = new Map<string, RawDocument>();
  for (const file of files) {
    for await (const item of readInput(file)) if (item.kind === 'document') raws.set(identityOf(item.document), item.document);
  }
  const shared = await postgres.create();
  const second = shared.connect();
  const alone = await postgres.create();
  try {
    // Two articles per batch, so that the two take turns many times while both run.
    const batch = { articles: 2, millis: 60_000 };
    const [a, b] = await Promise.all([
      createPipeline(shared.store, { now: clock, batch }).ingestPaths(paths.filter((_, i) => i % 2 === 0)),
      createPipeline(second, { now: clock, batch }).ingestPaths(paths.filter((_, i) => i % 2 === 1)),
    ]);
    assert.equal(a.failed + b.failed, 0);
    assert.equal((await shared.store.counts()).articles, raws.size, 'every article stored once');
    // The order they were stored in depends on how the two took turns: one process reads them in
    // that order, and must place each where the two did.
    const one = createPipeline(alone.store, { now: clock });
    for await (const article of shared.store.articles()) await one.ingestDocument(raws.get(article.identity)!);
    const expected = await placements(alone.store);
    assert.ok(expected.filter((row) => !row.includes('copy of -')).length >= 5, 'the corpus has copies to fold');
    assert.deepEqual(await placements(shared.store), expected);
  } finally {
    await second.close();
    await shared.dispose();
    await alone.dispose();
  }
});
