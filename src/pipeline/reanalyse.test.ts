import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGrouper } from '../cluster/create-grouper.js';
import { emptyAnalysis, type RawDocument } from '../model/index.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createDefaultAnalyse } from './default-analyse.js';
import { Pipeline } from './ingest.js';
import { reanalyseStore } from './reanalyse.js';

const clock = () => new Date('2026-04-20T12:00:00Z');
const doc = (path: string, content: string, hints: RawDocument['hints'] = {}): RawDocument => ({ path, index: 0, format: 'text', content, hints });

const REPORT =
  'Dara Quinn, the harbour master, ordered the lower sluice gates at Marrow Bay shut on Tuesday as the river rose for a third day.\n\n' +
  '"We will keep them shut until the tide turns," the harbour master told reporters, adding that 40 homes had been evacuated.';
const OTHER = 'The Lindqvist ferry company cancelled its evening crossings to Sandholm on Wednesday after two engines failed inspection.';

/** A store as an older Storyline left it: the same articles, folded and grouped, with analyses that found nothing. */
async function storeFromAnOlderVersion() {
  const store = openSqliteStore(':memory:');
  const pipeline = new Pipeline({ store, createGrouper, now: clock, analyse: () => emptyAnalysis() });
  await pipeline.ingestDocument(doc('report.txt', REPORT, { title: 'Sluice gates shut at Marrow Bay', published: '2026-04-16T09:00:00Z', source: 'Bay Courier' }));
  // An undated copy of the report: its "Tuesday" counts from the original's date.
  await pipeline.ingestDocument(doc('copy.txt', `${REPORT}\n\nRead more on our website.`, { title: 'Marrow Bay gates closed', source: 'Coast Daily' }));
  await pipeline.ingestDocument(doc('ferry.txt', OTHER, { title: 'Ferries cancelled', published: '2026-04-16T10:00:00Z', source: 'Bay Courier' }));
  return store;
}

test('re-analysing a store gives its stored articles what the current analysis finds, and keeps their folding and grouping', async () => {
  const store = await storeFromAnOlderVersion();
  const placements = async () => (await store.articlesAfter(0, 10)).map((a) => [a.id, a.duplicateOf, a.eventId, a.storyId]);
  const before = await placements();
  const [report, copy] = await store.articlesAfter(0, 2);
  assert.equal(copy?.duplicateOf, report?.id, 'the copy is folded under the report');
  assert.deepEqual((await store.getArticle(report!.id))?.analysis.quotes, []);

  const progress: number[] = [];
  const summary = await reanalyseStore(store, createDefaultAnalyse(), { onProgress: (done) => progress.push(done) });
  assert.equal(summary.articles, 3);
  assert.deepEqual(progress, [3]);

  const reanalysed = await store.getArticle(report!.id);
  assert.deepEqual(reanalysed?.analysis.quotes.filter((q) => q.direct).map((q) => q.speaker), ['Dara Quinn']);
  assert.ok(reanalysed?.analysis.figures.some((f) => f.value === 40 && f.unit === 'homes'));
  // The undated copy's "on Tuesday" is the Tuesday before its original's publish date.
  const copyDates = (await store.getArticle(copy!.id))?.analysis.dates.map((d) => d.value);
  assert.ok(copyDates?.some((value) => value?.startsWith('2026-04-14')), JSON.stringify(copyDates));
  assert.deepEqual(await placements(), before);
  await store.close();
});

test('an analysis that fails halfway leaves every article with a whole analysis, old or new', async () => {
  const store = await storeFromAnOlderVersion();
  const analyse = createDefaultAnalyse();
  let calls = 0;
  const failing = (article: Parameters<typeof analyse>[0]) => {
    if (++calls === 3) throw new Error('analysis crashed');
    return analyse(article);
  };
  await assert.rejects(reanalyseStore(store, failing), /analysis crashed/);
  for (const article of await store.articlesAfter(0, 10)) {
    // Nothing of the page was written: the first two are as the older version stored them.
    assert.deepEqual((await store.getArticle(article.id))?.analysis.quotes, []);
  }
  const summary = await reanalyseStore(store, analyse);
  assert.equal(summary.articles, 3);
  assert.ok(summary.namedSpeakers >= 1);
  await store.close();
});
