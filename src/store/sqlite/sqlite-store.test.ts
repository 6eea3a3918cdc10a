import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createGrouper } from '../../cluster/create-grouper.js';
import type { EventRecord, Placement, StoryRecord } from '../../model/index.js';
import { createApp } from '../../server/create-app.js';
import { openSqliteStore } from './sqlite-store.js';

const harbour: StoryRecord = { id: 1, title: 'Cargo ships queue outside the harbour', start: '2025-06-02', end: '2025-06-03' };
const strike: StoryRecord = { id: 2, title: 'Valmora dockers strike over pay', start: '2025-06-02', end: '2025-06-02' };
const queueEvent: EventRecord = { id: 1, storyId: 1, title: 'Ships queue', start: '2025-06-02', end: '2025-06-02' };
const strikeEvent: EventRecord = { id: 2, storyId: 2, title: 'Dockers walk out', start: '2025-06-02', end: '2025-06-02' };

const placed = (event: EventRecord, story: StoryRecord, merge: Partial<Placement> = {}): Placement => ({
  duplicateOf: null,
  similarity: null,
  changes: null,
  event,
  story,
  movedEvents: [],
  mergedStoryIds: [],
  ...merge,
});

/** Stores report `n` with the placement given (a stand-in for the grouper's decision). */
const addReport = (store: ReturnType<typeof openSqliteStore>, n: number, title: string, placement: Placement, source = 'Harbour Times'): Promise<unknown> =>
  store.addArticle(
    {
      identity: `report:${n}`,
      contentHash: `hash-${n}`,
      rawHash: `raw-${n}`,
      article: { externalId: null, path: null, url: null, source, author: null, title, text: `${title}.`, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
      analysis: { quotes: [], entities: [], figures: [], dates: [] },
      seenAt: `2025-06-02T10:0${n}:00Z`,
    },
    () => placement,
  );

/** Two stories, the second (the newest id) merged into the first by a report that bridges them. */
async function storeWithMerge(): Promise<ReturnType<typeof openSqliteStore>> {
  const store = openSqliteStore(':memory:');
  await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
  await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
  await addReport(store, 3, 'Valmora strike leaves cargo ships queueing outside harbour', placed(queueEvent, harbour, { movedEvents: [{ ...strikeEvent, storyId: 1 }], mergedStoryIds: [2] }));
  return store;
}

test('an event merged into another hands it its articles, and its id is never given out again', async () => {
  const store = openSqliteStore(':memory:');
  try {
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
  } finally {
    await store.close();
  }
});

test("a followed story's news is what reached it since it was seen, with the events and outlets that are new to it; a merge keeps it followed", async () => {
  const store = openSqliteStore(':memory:');
  try {
    await addReport(store, 1, 'Cargo ships queue outside the harbour', placed(queueEvent, harbour));
    await addReport(store, 2, 'Valmora dockers strike over pay', placed(strikeEvent, strike));
    assert.equal(await store.followStory(2, '2025-06-02T11:00:00Z'), 2);
    assert.equal(await store.followStory(99, '2025-06-02T11:00:00Z'), null);
    assert.deepEqual(await store.storyArrivals(2, (await store.followedStories())[0]!.seenArticleId, 10), [], 'nothing new yet');

    // The next report bridges the two stories: the strike story is merged into the harbour story.
    await addReport(store, 3, 'Valmora strike leaves cargo ships queueing outside harbour', placed(queueEvent, harbour, { movedEvents: [{ ...strikeEvent, storyId: 1 }], mergedStoryIds: [2] }), 'Coastal Post');
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
  } finally {
    await store.close();
  }
});

test('a merged-away story is remembered: its id is never given out again and its link leads to the story it joined', async () => {
  const store = await storeWithMerge();
  try {
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
      analysis: { quotes: [], entities: [], figures: [], dates: [] },
      seenAt: '2025-06-03T09:00:00Z',
    });
    assert.equal(fresh.story.id, 3, 'a new story after a restart does not take the merged-away id');

    const { app } = createApp({ store });
    const page = await app.request('/stories/2', { redirect: 'manual' });
    assert.equal(page.status, 301);
    assert.equal(page.headers.get('location'), '/stories/1');
    const api = await app.request('/api/stories/2', { redirect: 'manual' });
    assert.equal(api.status, 301);
    assert.equal(api.headers.get('location'), '/api/stories/1');
    assert.equal((await app.request('/stories/9')).status, 404);
  } finally {
    await store.close();
  }
});

test('an article whose writes fail halfway inside a batch fails alone: the rest of its batch, before and after it, is stored whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-store-'));
  const file = join(dir, 'store.db');
  const store = openSqliteStore(file);
  // A figure the disk refuses (as a full disk would): by then the article's event, story and row are written.
  const other = new Database(file);
  other.exec(`CREATE TRIGGER refuse BEFORE INSERT ON figures WHEN NEW.value = 12000000 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  other.close();
  const report = (n: number, title: string, budget: number, event: EventRecord) =>
    store.addArticle(
      {
        identity: `report:${n}`,
        contentHash: `hash-${n}`,
        rawHash: `raw-${n}`,
        article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: null, title, text: `${title}, at EUR ${budget} million.`, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
        analysis: { quotes: [], entities: [{ text: 'Valmora', name: 'Valmora', type: 'place', start: 0, end: 7 }], figures: [{ text: `EUR ${budget} million`, value: budget * 1e6, unit: 'EUR', start: 0, end: 10, precision: 'exact', low: budget * 1e6, high: budget * 1e6 }], dates: [] },
        seenAt: `2025-06-02T10:0${n}:00Z`,
      },
      () => placed(event, event.storyId === 1 ? harbour : strike),
    );
  try {
    await store.beginBatch();
    await report(1, 'Cargo ships queue outside the harbour', 3, queueEvent);
    await assert.rejects(report(2, 'Valmora dockers strike over pay', 12, strikeEvent), /disk full/);
    await report(3, 'Harbour dredging budget approved', 8, queueEvent);
    await store.commitBatch();

    const stored = [];
    for await (const a of store.articles()) stored.push(a.title);
    assert.deepEqual(stored, ['Cargo ships queue outside the harbour', 'Harbour dredging budget approved']);
    assert.deepEqual(await store.counts(), { articles: 2, events: 1, stories: 1 }, 'the failed article left no event or story behind');
    const first = await store.getArticle(1);
    assert.deepEqual(first?.analysis.figures.map((f) => f.value), [3e6], 'what was written before the failure is kept whole');
    assert.equal((await store.getArticle(2))?.article.title, 'Harbour dredging budget approved', 'the next article takes the free id');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a figure keeps its precision and range, a quote the description of its unnamed source; rows stored before they were kept read as they were analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-figures-'));
  try {
    const path = join(dir, 'store.db');
    const store = openSqliteStore(path);
    const text = 'Several thousand troops and 31 ships sailed, a source close to the admiral said.';
    await store.addArticle(
      {
        identity: 'report:1',
        contentHash: 'hash-1',
        rawHash: 'raw-1',
        article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: null, title: 'Fleet sails', text, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
        analysis: {
          quotes: [{ text: 'Several thousand troops and 31 ships sailed', start: 0, end: 43, direct: false, speaker: null, speakerStart: null, speakerEnd: null, attribution: 'a source close to the admiral' }],
          entities: [],
          figures: [
            { text: 'Several thousand troops', start: 0, end: 23, value: 3000, unit: 'troops', precision: 'vague', low: 3000, high: 9000 },
            { text: '31 ships', start: 28, end: 36, value: 31, unit: 'ships', precision: 'at-least', low: 31, high: null },
          ],
          dates: [],
        },
        seenAt: '2025-06-02T10:01:00Z',
      },
      () => placed(queueEvent, harbour),
    );
    const stored = await store.getArticle(1);
    assert.deepEqual(stored?.analysis.figures.map((f) => [f.precision, f.low, f.high]), [['vague', 3000, 9000], ['at-least', 31, null]]);
    assert.equal(stored?.analysis.quotes[0]?.attribution, 'a source close to the admiral');
    await store.close();

    // As a store written before migration 6 holds it: no precision, no range.
    const raw = new Database(path);
    raw.prepare('UPDATE figures SET precision = NULL, low = NULL, high = NULL').run();
    raw.prepare('UPDATE quotes SET attribution = NULL').run();
    raw.close();
    const reopened = openSqliteStore(path);
    const old = await reopened.getArticle(1);
    assert.deepEqual(old?.analysis.figures.map((f) => [f.precision, f.low, f.high]), [['exact', 3000, 3000], ['exact', 31, 31]]);
    assert.equal(old?.analysis.quotes[0] && 'attribution' in old.analysis.quotes[0], false);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the entity filter finds a place under any of its spellings: "Kyiv" finds the story that says "Kiev"', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const add = (n: number, title: string, place: string, placement: Placement): Promise<unknown> =>
      store.addArticle(
        {
          identity: `report:${n}`,
          contentHash: `hash-${n}`,
          rawHash: `raw-${n}`,
          article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: null, title, text: `${title} in ${place}.`, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
          analysis: { quotes: [], entities: [{ text: place, name: place, type: 'place', start: title.length + 4, end: title.length + 4 + place.length }], figures: [], dates: [] },
          seenAt: `2025-06-02T10:0${n}:00Z`,
        },
        () => placement,
      );
    await add(1, 'Cargo ships queue outside the harbour', 'Kiev', placed(queueEvent, harbour));
    await add(2, 'Valmora dockers strike over pay', 'Valmora', placed(strikeEvent, strike));
    assert.deepEqual((await store.listStories({ entity: 'Kyiv' })).map((s) => s.id), [1]);
    assert.deepEqual((await store.listStories({ entity: 'Kiev' })).map((s) => s.id), [1]);
    assert.deepEqual((await store.listStories({ entity: 'Valmora' })).map((s) => s.id), [2]);
    assert.deepEqual((await store.listStories({ entity: 'Odesa' })).map((s) => s.id), []);
  } finally {
    await store.close();
  }
});
