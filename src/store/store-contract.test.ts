/**
 * The store contract, run on both stores: what the pipeline, the CLI and the server rely on must
 * read back the same from SQLite and from PostgreSQL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGrouper } from '../cluster/create-grouper.js';
import type { Analysis, EventRecord, Placement } from '../model/index.js';
import { createApp } from '../server/create-app.js';
import type { ReaderItemQuery, Store } from './store.js';
import { harbour, placed, queueEvent, strike, strikeEvent } from './testdata/placements.js';
import { useStoreKinds, type TestStore } from './testdata/store-kinds.js';

const kinds = useStoreKinds();

/** Runs `body` on a new store of each kind, as a test of its own. */
function contract(name: string, body: (t: TestStore) => Promise<void>): void {
  for (const kind of kinds) {
    test(`${kind.name}: ${name}`, { skip: kind.skip }, async () => {
      const made = await kind.create();
      try {
        await body(made);
      } finally {
        await made.dispose();
      }
    });
  }
}

const noAnalysis = (): Analysis => ({ quotes: [], entities: [], figures: [], dates: [] });

interface Report {
  title: string;
  text?: string;
  source?: string;
  published?: string | null;
  analysis?: Analysis;
}

/** Stores report `n` with the placement given (a stand-in for the grouper's decision). */
const addReport = (store: Store, n: number, report: Report | string, placement: Placement): Promise<{ id: number; placement: Placement }> => {
  const { title, text, source = 'Harbour Times', published = '2025-06-02T10:00:00Z', analysis = noAnalysis() } = typeof report === 'string' ? { title: report } : report;
  return store.addArticle(
    {
      identity: `report:${n}`,
      contentHash: `hash-${n}`,
      rawHash: `raw-${n}`,
      article: { externalId: null, path: null, url: null, source, author: null, title, text: text ?? `${title}.`, published, modified: null, language: 'en' },
      analysis,
      seenAt: `2025-06-02T10:${String(n % 60).padStart(2, '0')}:00Z`,
    },
    () => placement,
  );
};

const titlesOf = async (store: Store): Promise<string[]> => {
  const titles = [];
  for await (const a of store.articles()) titles.push(a.title);
  return titles;
};

contract('an event merged into another hands it its articles, and its id is never given out again', async ({ store }) => {
  const wire: EventRecord = { id: 3, storyId: 1, title: 'Ships queue', start: '2025-06-02', end: '2025-06-02' };
  const feature: EventRecord = { id: 4, storyId: 1, title: 'A night on the quay', start: '2025-06-02', end: '2025-06-02' };
  await addReport(store, 1, 'A night on the quay with the queueing crews', placed(feature, harbour));
  await addReport(store, 2, 'Cargo ships queue outside the harbour', placed(wire, harbour));
  // The same day's third report is near both: the feature's event is merged into the wire's.
  await addReport(store, 3, 'Queue of cargo ships grows outside the harbour overnight', { ...placed(wire, harbour), mergedEventIds: [4] });
  assert.deepEqual((await store.events()).map((e) => e.id), [3]);
  const articles = [];
  for await (const a of store.articles()) articles.push([a.id, a.eventId]);
  assert.deepEqual(articles, [[1, 3], [2, 3], [3, 3]]);
  assert.equal((await store.highestIds()).event, 4, 'the merged-away id stays taken');
  assert.deepEqual(await store.eventMergedInto(4), { eventId: 3, storyId: 1 });
  assert.equal(await store.eventMergedInto(3), null);
  const page = await createApp({ store }).app.request('/stories/1/events/4', { redirect: 'manual' });
  assert.deepEqual([page.status, page.headers.get('location')], [301, '/stories/1/events/3'], 'a link to the merged event leads to the one it joined');
});

contract("a followed story's news is what reached it since it was seen, with the events and outlets that are new to it; a merge keeps it followed", async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  assert.equal(await store.followStory(2, '2025-06-02T11:00:00Z'), 2);
  assert.equal(await store.followStory(99, '2025-06-02T11:00:00Z'), null);
  assert.deepEqual(await store.storyArrivals(2, (await store.followedStories())[0]!.seenArticleId, 10), [], 'nothing new yet');

  // The next report bridges the two stories: the strike story is merged into the harbour story.
  await addReport(store, 3, { title: 'Valmora strike leaves cargo ships queueing outside harbour', source: 'Coastal Post' }, placed(queueEvent, harbour, { movedEvents: [{ ...strikeEvent, storyId: 1 }], mergedStoryIds: [2] }));
  const [followed] = await store.followedStories();
  assert.deepEqual([followed!.storyId, followed!.title], [1, harbour.title], 'followed under the story it was merged into');
  const arrivals = await store.storyArrivals(1, followed!.seenArticleId, 10);
  // The queue event came with the story it joined (its first report arrived before the strike was
  // followed), so it is not new; Coastal Post is.
  assert.deepEqual(arrivals.map((a) => [a.id, a.eventId, a.newEvent, a.newOutlet]), [[3, 1, false, true]]);

  await store.markStorySeen(1, '2025-06-02T12:00:00Z');
  const seen = await store.followedStories();
  assert.deepEqual(seen.map((f) => [f.storyId, f.seenAt, f.seenArticleId, f.sinceArticleId]), [[1, '2025-06-02T12:00:00Z', 3, 2]]);
  assert.ok(await store.unfollowStory(1));
  assert.deepEqual(await store.followedStories(), []);
});

contract('a merged-away story is remembered: its id is never given out again and its link leads to the story it joined', async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await addReport(store, 3, 'Valmora strike leaves cargo ships queueing outside harbour', placed(queueEvent, harbour, { movedEvents: [{ ...strikeEvent, storyId: 1 }], mergedStoryIds: [2] }));
  assert.equal(await store.mergedInto(2), 1);
  assert.equal(await store.mergedInto(1), null);
  assert.deepEqual(await store.highestIds(), { event: 2, story: 2 }, 'story 2 is gone from the stories but its id stays taken');
  assert.deepEqual((await store.listStories()).map((s) => s.id), [1]);

  const grouper = createGrouper();
  for await (const stored of store.placements()) grouper.restore(stored);
  grouper.reserveIds?.(await store.highestIds());
  const fresh = grouper.decide({
    id: 4,
    article: { externalId: null, path: null, url: null, source: 'Coastal Post', author: null, title: 'Astronomers find a brown dwarf beside a red star', text: 'Astronomers found a brown dwarf beside a red star.', published: '2025-06-03T09:00:00Z', modified: null, language: 'en' },
    analysis: noAnalysis(),
    seenAt: '2025-06-03T09:00:00Z',
  });
  assert.equal(fresh.story.id, 3, 'a new story after a restart does not take the merged-away id');

  const { app } = createApp({ store });
  const page = await app.request('/stories/2', { redirect: 'manual' });
  assert.deepEqual([page.status, page.headers.get('location')], [301, '/stories/1']);
  const api = await app.request('/api/stories/2', { redirect: 'manual' });
  assert.deepEqual([api.status, api.headers.get('location')], [301, '/api/stories/1']);
  assert.equal((await app.request('/stories/9')).status, 404);
});

const REFUSE_FIGURE = {
  SQLite: `CREATE TRIGGER refuse BEFORE INSERT ON figures WHEN NEW.value = 12000000 BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
  PostgreSQL: `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.value = 12000000 THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;
    CREATE TRIGGER refuse BEFORE INSERT ON figures FOR EACH ROW EXECUTE FUNCTION refuse();`,
};

for (const kind of kinds) {
  test(`${kind.name}: an article whose writes fail halfway inside a batch fails alone: the rest of its batch, before and after it, is stored whole`, { skip: kind.skip }, async () => {
    const { store, sql, dispose } = await kind.create();
    // A figure the disk refuses (as a full disk would): by then the article's event, story and row are written.
    await sql(REFUSE_FIGURE[kind.name]);
    const report = (n: number, title: string, budget: number, event: EventRecord) =>
      addReport(
        store,
        n,
        {
          title,
          text: `${title}, at EUR ${budget} million.`,
          analysis: { quotes: [], entities: [{ text: 'Valmora', name: 'Valmora', type: 'place', start: 0, end: 7 }], figures: [{ text: `EUR ${budget} million`, value: budget * 1e6, unit: 'EUR', start: 0, end: 10, precision: 'exact', low: budget * 1e6, high: budget * 1e6 }], dates: [] },
        },
        placed(event, event.storyId === 1 ? harbour : strike),
      );
    try {
      await store.beginBatch();
      await report(1, 'Cargo ships queue outside the harbour', 3, queueEvent);
      await assert.rejects(report(2, 'Valmora dockers strike over pay', 12, strikeEvent), /disk full/);
      await report(3, 'Harbour dredging budget approved', 8, queueEvent);
      await store.commitBatch();

      assert.deepEqual(await titlesOf(store), ['Cargo ships queue outside the harbour', 'Harbour dredging budget approved']);
      assert.deepEqual(await store.counts(), { articles: 2, events: 1, stories: 1 }, 'the failed article left no event or story behind');
      const first = await store.getArticle(1);
      assert.deepEqual(first?.analysis.figures.map((f) => f.value), [3e6], 'what was written before the failure is kept whole');
      assert.equal((await store.getArticle(2))?.article.title, 'Harbour dredging budget approved', 'the next article takes the free id');
    } finally {
      await dispose();
    }
  });
}

contract('stories merged by hand: the events and articles move, the story is named after the largest event and spans them all, the merge is recorded, a followed story stays followed', async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await addReport(store, 3, { title: 'Dockers stay out', source: 'Coastal Post' }, placed(strikeEvent, strike));
  await store.followStory(2, '2025-06-02T11:00:00Z');
  assert.equal(await store.regroupingsMade(), 0);
  const merged = await store.mergeStories([2], 1, '2025-06-03T08:00:00Z');
  assert.deepEqual(merged, {
    regrouping: {
      stories: [{ id: 1, title: strikeEvent.title, start: '2025-06-02', end: '2025-06-03' }],
      movedEvents: [{ ...strikeEvent, storyId: 1 }],
      merged: [{ id: 2, into: 1 }],
    },
  });
  const story = await store.getStory(1);
  assert.deepEqual([story?.story.articleCount, story?.story.title, story?.events.map((e) => [e.id, e.storyId])], [3, strikeEvent.title, [[1, 1], [2, 1]]]);
  assert.equal(await store.mergedInto(2), 1);
  assert.equal(await store.regroupingsMade(), 1);
  assert.deepEqual((await store.followedStories()).map((f) => f.storyId), [1]);
  assert.deepEqual(await store.mergeStories([7], 1, '2025-06-03T08:00:00Z'), { missing: 7 });
  assert.equal(await store.regroupingsMade(), 1, 'nothing is recorded when a story is missing');
  assert.deepEqual(await store.mergedByHand(1), [{ storyId: 2, title: strike.title, madeAt: '2025-06-03T08:00:00Z' }]);

  // Undone: story 2 is back under its number, with its event, and kept apart from story 1.
  const undone = await store.undoMerge(2, '2025-06-03T09:00:00Z');
  assert.ok('regrouping' in undone);
  assert.deepEqual((await store.getStory(2))?.events.map((e) => e.id), [2]);
  assert.deepEqual([(await store.getStory(2))?.story.title, (await store.getStory(1))?.story.title], [strikeEvent.title, queueEvent.title]);
  assert.equal(await store.mergedInto(2), null);
  assert.deepEqual(await store.mergedByHand(1), []);
  assert.deepEqual(await store.storiesKeptApart(), [[1, 2]]);
  assert.deepEqual(await store.undoMerge(2, '2025-06-03T09:00:00Z'), { notMerged: 2 });
  assert.equal(await store.regroupingsMade(), 2);
});

contract('an event moved by hand: to a new story of its own, numbered after every story there was, the two kept apart; a story it leaves empty leads to where it went', async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, { title: 'Dockers walk out', published: '2025-06-03T09:00:00Z' }, placed({ ...strikeEvent, storyId: 1, start: '2025-06-03', end: '2025-06-03' }, harbour));
  await addReport(store, 3, { title: 'Dockers stay out', published: '2025-06-03T10:00:00Z' }, placed({ ...strikeEvent, storyId: 1, start: '2025-06-03', end: '2025-06-03' }, harbour));
  const moved = await store.moveEvent(2, null, '2025-06-04T08:00:00Z');
  assert.ok('regrouping' in moved);
  const own = moved.regrouping.movedEvents[0]!.storyId;
  assert.equal(own, 2, 'the next story number');
  const story = await store.getStory(own);
  assert.deepEqual([story?.story.title, story?.story.start, story?.story.articleCount], [strikeEvent.title, '2025-06-03', 2]);
  const left = await store.getStory(1);
  assert.deepEqual([left?.story.title, left?.story.start, left?.story.end, left?.story.articleCount], [queueEvent.title, '2025-06-02', '2025-06-02', 1], 'the story it left is named and spanned by what it holds now');
  assert.deepEqual(await store.storiesKeptApart(), [[1, 2]]);
  // Back where it was: the story it leaves holds nothing now, so its link leads to story 1.
  const back = await store.moveEvent(2, 1, '2025-06-04T09:00:00Z');
  assert.ok('regrouping' in back);
  assert.deepEqual(back.regrouping.merged, [{ id: 2, into: 1 }]);
  assert.equal(await store.mergedInto(2), 1);
  assert.deepEqual((await store.getStory(1))?.events.map((e) => e.id), [1, 2]);
  assert.deepEqual(await store.storiesKeptApart(), [], 'one story again: nothing is kept apart');
  assert.deepEqual(await store.moveEvent(9, null, '2025-06-04T09:00:00Z'), { missingEvent: 9 });
  assert.deepEqual(await store.moveEvent(2, 8, '2025-06-04T09:00:00Z'), { missingStory: 8 });
  assert.equal(await store.regroupingsMade(), 2);
});

contract('related stories are those naming the same people, bodies and places, most names shared first', async ({ store }) => {
  const mention = (name: string, type: 'person' | 'organisation' | 'place' = 'place') => ({ text: name, name, type, start: 0, end: name.length });
  const named = (...names: string[]): Analysis => ({ ...noAnalysis(), entities: names.map((n) => mention(n)) });
  const story = (id: number, title: string) => ({ id, title, start: '2025-06-02', end: '2025-06-02' });
  const event = (id: number, storyId: number) => ({ id, storyId, title: `event ${id}`, start: '2025-06-02', end: '2025-06-02' });
  await addReport(store, 1, { title: 'Strike at Valmora', analysis: named('Valmora', 'Ines Halvorsen', 'Dock Union') }, placed(event(1, 1), story(1, 'Strike at Valmora')));
  await addReport(store, 2, { title: 'Ships wait at Valmora', analysis: named('Valmora', 'Dock Union') }, placed(event(2, 2), story(2, 'Ships wait')));
  await addReport(store, 3, { title: 'Valmora museum', analysis: named('Valmora') }, placed(event(3, 3), story(3, 'Museum')));
  await addReport(store, 4, { title: 'Brown dwarf found', analysis: named('Kepler Observatory') }, placed(event(4, 4), story(4, 'Brown dwarf')));
  const related = await store.relatedStories(1, 5);
  assert.deepEqual(related.map((r) => [r.story.id, r.shared.sort()]), [[2, ['Dock Union', 'Valmora']], [3, ['Valmora']]]);
  assert.equal(related[0]!.story.articleCount, 1);
});

contract('a rolled-back batch leaves nothing; a committed one is read back whole by another connection', async ({ store, connect }) => {
  await store.beginBatch();
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  assert.equal(await store.latestArticleId(), 1, 'the batch reads its own writes');
  await store.rollbackBatch();
  assert.deepEqual(await store.counts(), { articles: 0, events: 0, stories: 0 });
  assert.equal(await store.latestArticleId(), 0);

  await store.beginBatch();
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await store.commitBatch();
  const other = connect();
  try {
    assert.deepEqual(await titlesOf(other), ['Cargo ships queue outside the harbour', 'Valmora dockers strike over pay']);
    assert.equal(await other.latestArticleId(), 2);
  } finally {
    await other.close();
  }
});

contract('an analysis reads back as it was written: every kind of row, in its order, a figure with its precision and range, an unnamed source', async ({ store }) => {
  const text = 'Several thousand troops and 31 ships sailed from Valmora on Tuesday, a source close to the admiral said.';
  const analysis: Analysis = {
    quotes: [{ text: 'Several thousand troops and 31 ships sailed', start: 0, end: 43, direct: false, speaker: null, speakerStart: null, speakerEnd: null, attribution: 'a source close to the admiral' }],
    // Two readings that open at the same place keep the order they were found in.
    entities: [
      { text: 'Valmora', name: 'Valmora', type: 'place', start: 49, end: 56 },
      { text: 'Valmora on', name: 'Valmora', type: 'organisation', start: 49, end: 59 },
    ],
    figures: [
      { text: 'Several thousand troops', start: 0, end: 23, value: 3000, unit: 'troops', precision: 'vague', low: 3000, high: 9000 },
      { text: '31 ships', start: 28, end: 36, value: 31, unit: 'ships', precision: 'at-least', low: 31, high: null },
    ],
    dates: [{ text: 'on Tuesday', value: '2025-06-03', start: 57, end: 67 }],
  };
  await addReport(store, 1, { title: 'Fleet sails', text, analysis }, placed(queueEvent, harbour));
  const stored = await store.getArticle(1);
  assert.deepEqual(stored?.analysis, analysis);
  assert.equal(stored?.article.text, text);
  const [fromStory] = (await store.getStory(1))!.analyses;
  assert.deepEqual(fromStory, { articleId: 1, ...analysis });
  const streamed = [];
  for await (const rows of store.analyses()) streamed.push(rows);
  assert.deepEqual(streamed, [{ articleId: 1, ...analysis }]);
  // The page's read leaves out what story pages never show: the text and the date mentions.
  const page = (await store.storyPage(1))!;
  assert.deepEqual([page.articles[0]?.text, page.articles[0]?.title, page.story.articleCount], ['', 'Fleet sails', 1]);
  assert.deepEqual(page.analyses, [{ articleId: 1, ...analysis, dates: [] }]);
  assert.equal(await store.storyPage(9), null);
});

contract('a revised article keeps its id and takes its new text and analysis; replacing an analysis drops the old rows', async ({ store }) => {
  await addReport(store, 1, { title: 'Gates shut at Marrow Bay', text: 'The gates were shut.' }, placed(queueEvent, harbour));
  await store.reviseArticle(1, {
    identity: 'report:1',
    contentHash: 'hash-1b',
    rawHash: 'raw-1b',
    article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: 'Ada Brenn', title: 'Gates shut at Marrow Bay, reopened at dawn', text: 'The gates were shut. They reopened at dawn.', published: '2025-06-02T10:00:00Z', modified: '2025-06-03T06:00:00Z', language: 'en' },
    analysis: { ...noAnalysis(), dates: [{ text: 'at dawn', value: '2025-06-03', start: 33, end: 40 }] },
    seenAt: '2025-06-03T07:00:00Z',
  });
  const revised = await store.getArticle(1);
  assert.deepEqual([revised?.article.title, revised?.article.revision, revised?.article.author, revised?.article.contentHash], ['Gates shut at Marrow Bay, reopened at dawn', 2, 'Ada Brenn', 'hash-1b']);
  assert.deepEqual(revised?.analysis.dates.map((d) => d.text), ['at dawn']);
  assert.deepEqual(await store.findByIdentity('report:1'), { id: 1, contentHash: 'hash-1b', rawHash: 'raw-1b' });
  await store.replaceAnalysis(1, noAnalysis());
  assert.deepEqual((await store.getArticle(1))?.analysis, noAnalysis());
});

contract('search finds the articles holding every word, title included, and marks the words in a snippet', async ({ store }) => {
  await addReport(store, 1, { title: 'Korvel barrier fails', text: 'A gate of the tidal barrier failed overnight and seawater reached the old harbour quarter of Ostwick.' }, placed(queueEvent, harbour));
  await addReport(store, 2, { title: 'Dockers walk out', text: 'Dockers at Valmora walked out over pay, leaving ships waiting at the barrier.' }, placed(strikeEvent, strike));
  const hits = await store.search('Korvel barrier');
  assert.deepEqual(hits.map((h) => [h.articleId, h.storyId]), [[1, 1]], '"Korvel" is only in the first title');
  assert.match(hits[0]!.snippet, /\[barrier\]/);
  assert.deepEqual((await store.search('barrier')).map((h) => h.articleId).sort(), [1, 2]);
  assert.deepEqual(await store.search('lighthouse'), []);
  assert.deepEqual(await store.search('  ;; '), [], 'no words, no search');
});

contract('stories are listed newest first with their counts, filtered by outlet, entity and dates; coverage counts articles per day', async ({ store }) => {
  await addReport(store, 1, { title: 'Cargo ships queue outside the harbour', published: '2025-06-02T10:00:00Z', analysis: { ...noAnalysis(), entities: [{ text: 'Kiev', name: 'Kiev', type: 'place', start: 0, end: 4 }] } }, placed(queueEvent, harbour));
  await addReport(store, 2, { title: 'Queue grows', source: 'Coastal Post', published: '2025-06-03T08:00:00Z' }, placed(queueEvent, { ...harbour, end: '2025-06-03' }));
  await addReport(store, 3, { title: 'Valmora dockers strike over pay', published: null, analysis: { ...noAnalysis(), entities: [{ text: 'Valmora', name: 'Valmora', type: 'place', start: 0, end: 7 }] } }, placed(strikeEvent, { ...strike, start: '2025-06-01', end: '2025-06-01' }));
  const listed = await store.listStories();
  assert.deepEqual(listed.map((s) => [s.id, s.articleCount, s.outletCount, s.eventCount]), [[1, 2, 2, 1], [2, 1, 1, 1]]);
  assert.deepEqual((await store.listStories({ outlet: 'Coastal Post' })).map((s) => s.id), [1]);
  // A place under any of its spellings: "Kyiv" finds the story that says "Kiev".
  assert.deepEqual((await store.listStories({ entity: 'Kyiv' })).map((s) => s.id), [1]);
  assert.deepEqual((await store.listStories({ entity: 'Valmora' })).map((s) => s.id), [2]);
  assert.deepEqual((await store.listStories({ entity: 'Odesa' })).map((s) => s.id), []);
  assert.deepEqual((await store.listStories({ from: '2025-06-02' })).map((s) => s.id), [1]);
  assert.deepEqual((await store.listStories({ to: '2025-06-01' })).map((s) => s.id), [2]);
  assert.deepEqual((await store.listStories({ limit: 1, offset: 1 })).map((s) => s.id), [2]);
  const coverage = await store.coverage([1, 2]);
  assert.deepEqual(coverage.get(1), [{ day: '2025-06-02', count: 1 }, { day: '2025-06-03', count: 1 }]);
  assert.deepEqual(coverage.get(2), [{ day: '2025-06-02', count: 1 }], 'an undated story is counted on the day it was seen');
  assert.deepEqual([...(await store.storyTitles([2, 7]))], [[2, strike.title]]);
});

contract('stored articles are read back page by page in arrival order, and placements from any article on', async ({ store }) => {
  await store.beginBatch();
  for (let n = 1; n <= 1_100; n++) await addReport(store, n, `Harbour report ${n}`, placed(queueEvent, harbour));
  await store.commitBatch();
  const ids = [];
  for await (const a of store.articles()) ids.push(a.id);
  assert.deepEqual(ids, Array.from({ length: 1_100 }, (_, i) => i + 1));
  let analyses = 0;
  for await (const rows of store.analyses()) analyses += rows.articleId > 0 ? 1 : 0;
  assert.equal(analyses, 1_100);
  const after = [];
  for await (const stored of store.placements(1_050)) after.push([stored.id, stored.event.id, stored.story.id]);
  assert.deepEqual(after.map(([id]) => id), Array.from({ length: 50 }, (_, i) => 1_051 + i));
  assert.deepEqual(after[0]?.slice(1), [1, 1]);
  assert.deepEqual((await store.articlesAfter(1_098, 5)).map((a) => a.id), [1_099, 1_100]);
  assert.equal(await store.latestArticleId(), 1_100);
});

contract("the grouper's state is saved and read back byte for byte", async ({ store }) => {
  assert.equal(await store.grouperState(), null);
  const data = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
  await store.saveGrouperState({ lastArticleId: 12, data }, '2025-06-02T10:00:00Z');
  await store.saveGrouperState({ lastArticleId: 14, data }, '2025-06-02T11:00:00Z');
  const saved = await store.grouperState();
  assert.equal(saved?.lastArticleId, 14);
  assert.deepEqual(Uint8Array.from(saved!.data), data);
});

contract('subscriptions keep their fetch state; a feed moved for good is filed under its new address; removing one keeps its articles', async ({ store }) => {
  await store.addSubscriptions([
    { feedUrl: 'https://harbour.example/rss', title: 'Harbour Times', siteUrl: 'https://harbour.example/' },
    { feedUrl: 'https://coast.example/feed', title: 'Coastal Post', siteUrl: null },
  ]);
  await store.recordFeedFetch('https://coast.example/feed', { etag: '"v1"', lastModified: null, fetchedAt: '2025-06-02T10:00:00Z', nextFetchAt: '2025-06-02T10:30:00Z', failures: 0, lastError: null, lastItems: 20, lastNew: 3 }, 'https://coast.example/news.xml');
  const feeds = await store.feeds();
  assert.deepEqual(feeds.map((f) => [f.title, f.feedUrl, f.etag, f.lastNew]), [['Coastal Post', 'https://coast.example/news.xml', '"v1"', 3], ['Harbour Times', 'https://harbour.example/rss', null, null]]);
  // Subscribing again keeps the fetch state.
  await store.addSubscriptions([{ feedUrl: 'https://coast.example/news.xml', title: 'The Coastal Post', siteUrl: 'https://coast.example/' }]);
  assert.deepEqual((await store.feeds()).map((f) => [f.title, f.etag]), [['Harbour Times', null], ['The Coastal Post', '"v1"']]);
  assert.equal(await store.removeSubscriptions(['https://harbour.example/rss', 'https://nowhere.example/']), 1);
  assert.deepEqual((await store.subscriptions()).map((s) => s.feedUrl), ['https://coast.example/news.xml']);
});

contract('reader apps see originals with their copies, story and marks; outlets keep the order they came in', async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, { title: 'Ships queue off Valmora', source: 'Coastal Post' }, placed(queueEvent, harbour, { duplicateOf: 1, similarity: 0.97 }));
  await addReport(store, 3, { title: 'Valmora dockers strike over pay', source: 'Coastal Post' }, placed(strikeEvent, strike));
  await addReport(store, 4, { title: 'Strike notice posted at the gates', source: null as unknown as string }, placed(strikeEvent, strike));
  const outlets = await store.readerOutlets();
  assert.deepEqual(outlets.map((o) => [o.source, o.firstArticleId]), [['Harbour Times', 1], ['Coastal Post', 2], [null, 4]]);
  assert.deepEqual((await store.readerOutlets(2)).map((o) => [o.source, o.firstArticleId]), [['Coastal Post', 3], [null, 4]], 'those of the articles after 2');

  assert.equal(await store.readerItemCount(), 3, 'the copy is no item of its own');
  const items = await store.readerItems({ sinceId: 0, limit: 50 });
  assert.deepEqual(items.map((i) => [i.article.id, i.read, i.saved, i.storyTitle]), [[1, false, false, harbour.title], [3, false, false, strike.title], [4, false, false, strike.title]]);
  assert.deepEqual(items[0]!.copies, [{ source: 'Coastal Post', title: 'Ships queue off Valmora', url: null }]);
  assert.ok(items[0]!.article.text.length > 0, 'with its text');
  assert.deepEqual((await store.readerItems({ maxId: 4, limit: 1 })).map((i) => i.article.id), [3], 'from the newest down');
  assert.deepEqual((await store.readerItems({ ids: [4, 2, 1], limit: 50 })).map((i) => i.article.id), [1, 4], 'a copy asked for by id is no item');

  await store.markArticles([1, 3], { read: true }, '2025-06-02T12:00:00Z');
  await store.markArticles([3], { saved: true }, '2025-06-02T12:01:00Z');
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 100 }), [4]);
  assert.deepEqual(await store.readerItemIds({ saved: true, oldestFirst: true, limit: 100 }), [3]);
  await store.markArticles([3], { read: false }, '2025-06-02T12:02:00Z');
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 100 }), [4, 3], 'unread again, newest first; still saved');
  assert.deepEqual(await store.readerItemIds({ saved: true, oldestFirst: true, limit: 100 }), [3]);
  await store.markArticles([3], { saved: false }, '2025-06-02T12:03:00Z');
  assert.deepEqual(await store.readerItemIds({ saved: true, oldestFirst: true, limit: 100 }), []);

  // Marking an outlet read up to a time: only its originals that had arrived by then.
  assert.equal(await store.markReadBefore('2025-06-02T10:03:59Z', '2025-06-02T13:00:00Z', 'Coastal Post'), 1);
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 100 }), [4]);
  assert.equal(await store.markReadBefore('2025-06-02T10:03:59Z', '2025-06-02T13:00:00Z', null), 0, 'report 4 arrived at 10:04');
  assert.equal(await store.markReadBefore('2025-06-02T23:00:00Z', '2025-06-02T13:00:00Z'), 1);
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 100 }), []);
  assert.equal((await store.readerItems({ ids: [1], limit: 1 }))[0]?.read, true);
});

contract('a reader app pages through the unread, the saved, one outlet or a span of arrival, either way round; unread counted by outlet', async ({ store }) => {
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, { title: 'Ships queue off Valmora', source: 'Coastal Post' }, placed(queueEvent, harbour, { duplicateOf: 1, similarity: 0.97 }));
  await addReport(store, 3, { title: 'Valmora dockers strike over pay', source: 'Coastal Post' }, placed(strikeEvent, strike));
  await addReport(store, 4, 'Strike notice posted at the gates', placed(strikeEvent, strike));
  await addReport(store, 5, { title: 'Dockers and port agree to talks', source: 'Coastal Post' }, placed(strikeEvent, strike));
  await addReport(store, 6, 'Harbour queue clears overnight', placed(queueEvent, harbour));
  const ids = (query: Omit<ReaderItemQuery, 'limit'> & { limit?: number }) => store.readerItemIds({ limit: 100, ...query });

  assert.deepEqual(await ids({}), [6, 5, 4, 3, 1], 'newest first, the copy left out');
  assert.deepEqual(await ids({ oldestFirst: true }), [1, 3, 4, 5, 6]);
  // Pages: each continues past the last id of the one before, in the order asked for.
  assert.deepEqual(await ids({ limit: 2 }), [6, 5]);
  assert.deepEqual(await ids({ limit: 2, pastId: 5 }), [4, 3]);
  assert.deepEqual(await ids({ limit: 2, pastId: 3, oldestFirst: true }), [4, 5]);
  assert.deepEqual(await ids({ outlet: 'Coastal Post' }), [5, 3]);
  assert.deepEqual(await ids({ outlet: null }), []);
  assert.deepEqual(await ids({ arrivedAfter: '2025-06-02T10:03:00Z', arrivedBefore: '2025-06-02T10:06:00Z' }), [5, 4], 'both ends left out');

  await store.markArticles([3, 6], { read: true }, '2025-06-02T12:00:00Z');
  await store.markArticles([4], { saved: true }, '2025-06-02T12:00:00Z');
  assert.deepEqual(await ids({ read: false }), [5, 4, 1]);
  assert.deepEqual(await ids({ read: true, oldestFirst: true }), [3, 6]);
  assert.deepEqual(await ids({ saved: true }), [4]);
  assert.deepEqual(await ids({ saved: false, read: false, outlet: 'Harbour Times' }), [1]);

  const counts = (await store.readerUnreadCounts(100)).sort((a, b) => String(a.source).localeCompare(String(b.source)));
  assert.deepEqual(counts.map((c) => [c.source, c.unread, c.lastSeenAt]), [['Coastal Post', 1, '2025-06-02T10:05:00Z'], ['Harbour Times', 2, '2025-06-02T10:04:00Z']]);
  assert.deepEqual((await store.readerUnreadCounts(1)).map((c) => [c.source, c.unread]), [['Coastal Post', 1]], 'only the newest unread are counted');
});

contract('an alert target starts after the latest article; a span is taken by one process only, and given back when sending fails', async ({ store }) => {
  const url = 'https://hooks.example/services/T1/B2';
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await store.addAlertTarget({ url, format: 'json', linkBase: 'https://news.example' }, '2025-06-02T11:00:00Z');
  const target = async () => (await store.alertTargets()).find((t) => t.url === url);
  assert.deepEqual(await store.alertTargets(), [{ url, format: 'json', linkBase: 'https://news.example', addedAt: '2025-06-02T11:00:00Z', throughArticleId: 1, sentAt: null, failedAt: null, lastError: null }]);

  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await addReport(store, 3, 'Strike notice posted at the gates', placed(strikeEvent, strike));
  assert.equal(await store.claimAlerts(url, 1, 3), true);
  assert.equal(await store.claimAlerts(url, 1, 3), false, 'another process took it first');
  await store.recordAlertSending(url, { from: 1, to: 3 }, '2025-06-02T11:05:00Z', 'HTTP 502 from hooks.example');
  assert.deepEqual([(await target())?.throughArticleId, (await target())?.lastError, (await target())?.failedAt], [1, 'HTTP 502 from hooks.example', '2025-06-02T11:05:00Z'], 'given back');

  assert.equal(await store.claimAlerts(url, 1, 3), true);
  await store.recordAlertSending(url, { from: 1, to: 3 }, '2025-06-02T11:10:00Z');
  assert.deepEqual([(await target())?.throughArticleId, (await target())?.sentAt, (await target())?.lastError], [3, '2025-06-02T11:10:00Z', null]);

  await store.addAlertTarget({ url, format: 'text', linkBase: null }, '2025-06-02T12:00:00Z');
  assert.deepEqual([(await target())?.format, (await target())?.linkBase, (await target())?.throughArticleId, (await target())?.addedAt], ['text', null, 3, '2025-06-02T11:00:00Z'], 'changed, not started again');
  assert.equal(await store.removeAlertTarget(url), true);
  assert.equal(await store.removeAlertTarget(url), false);
  assert.deepEqual(await store.alertTargets(), []);
});

contract("an item read or saved that turns out to be a copy (its original came after it) hands those marks to the original", async ({ store }) => {
  await addReport(store, 1, { title: 'Ships queue off Valmora', source: 'Coastal Post' }, placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await store.markArticles([1], { read: true, saved: true }, '2025-06-02T11:00:00Z');
  // The wire's own report arrives: the Coastal Post article is re-pointed at it as its copy.
  await addReport(store, 3, { title: 'Cargo ships queue outside the harbour', source: 'Nordwire' }, placed(queueEvent, harbour, { refolded: [{ id: 1, duplicateOf: 3, similarity: 0.98, changes: null }] }));
  assert.deepEqual(await store.readerItemIds({ read: false, limit: 10 }), [2], 'the dispatch read as Coastal Post’s is not news again as Nordwire’s');
  assert.deepEqual(await store.readerItemIds({ saved: true, oldestFirst: true, limit: 10 }), [3], 'and the saved item stays saved');
  assert.deepEqual((await store.readerItems({ ids: [3], limit: 1 })).map((i) => [i.read, i.saved, i.copies.map((c) => c.source)]), [[true, true, ['Coastal Post']]]);
});
