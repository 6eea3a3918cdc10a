import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';
import { sqliteReadModel } from './story-read-model.js';

/** One story whose single event has 40 original reports from invented outlets, one day apart by the hour. */
async function addLongEvent(store: Store, count = 40): Promise<void> {
  const story = { id: 1, title: 'Dockworkers strike at Port Aldine', start: '2025-04-01', end: '2025-04-02' };
  const event = { id: 1, storyId: 1, title: 'Strike closes the container terminal', start: '2025-04-01', end: '2025-04-02' };
  for (let i = 0; i < count; i++) {
    const published = `2025-04-0${1 + Math.floor(i / 24)}T${String(i % 24).padStart(2, '0')}:00:00Z`;
    const text = `Dockworkers at Port Aldine kept the terminal closed, report number ${i + 1} said.`;
    await store.addArticle(
      {
        identity: `long:${i}`,
        contentHash: `long-hash-${i}`,
        rawHash: `long-raw-${i}`,
        article: { externalId: null, path: null, url: `https://aldine.example/${i}`, source: `Outlet ${String.fromCharCode(65 + (i % 26))}`, author: null, title: `Strike report ${i + 1}`, text, published, modified: null, language: 'en' },
        analysis: { quotes: [], entities: [], figures: [], dates: [] },
        seenAt: published,
      },
      () => ({ duplicateOf: null, similarity: null, changes: null, event, story, movedEvents: [], mergedStoryIds: [] }),
    );
  }
}

describe('a story with a long event', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  before(async () => {
    store = openSqliteStore(':memory:');
    await addLongEvent(store);
    app = createApp({ store }).app;
  });
  after(() => store.close());

  const rows = (body: string): string[] => [...body.matchAll(/<a href="\/articles\/\d+">(Strike report \d+)<\/a>/g)].map((m) => m[1]!);

  test('the story page lists the first 15 articles of the event and links to the rest', async () => {
    const body = await (await app.request('/stories/1')).text();
    assert.deepEqual(rows(body), Array.from({ length: 15 }, (_, i) => `Strike report ${i + 1}`));
    assert.match(body, /<a href="\/stories\/1\/events\/1\?offset=15">25 more original articles in this event →<\/a>/);
  });

  test("the event's own page lists every article, in pages of 100 from an offset", async () => {
    const rest = await app.request('/stories/1/events/1?offset=15');
    assert.equal(rest.status, 200);
    const body = await rest.text();
    assert.deepEqual(rows(body), Array.from({ length: 25 }, (_, i) => `Strike report ${i + 16}`));
    assert.match(body, /Articles 16–40 of 40/);
    assert.match(body, /← Earlier articles/);
    assert.doesNotMatch(body, /Later articles/);
    assert.equal(rows(await (await app.request('/stories/1/events/1')).text()).length, 40);
  });

  test('an event that is not in the story is not found', async () => {
    assert.equal((await app.request('/stories/1/events/99')).status, 404);
    assert.equal((await app.request('/stories/2/events/1')).status, 404);
  });
});

test('a cached story page is rendered again as soon as the store changes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'storyline-page-cache-'));
  const file = join(dir, 'store.db');
  const store = openSqliteStore(file);
  await addLongEvent(store, 3);
  const readModel = sqliteReadModel(file);
  const { app } = createApp({ store, readModel });
  try {
    const first = await (await app.request('/stories/1')).text();
    assert.match(first, /3 articles/);
    assert.equal(await (await app.request('/stories/1')).text(), first, 'unchanged store: the same page');
    await store.addArticle(
      {
        identity: 'late',
        contentHash: 'late-hash',
        rawHash: 'late-raw',
        article: { externalId: null, path: null, url: null, source: 'Late Outlet', author: null, title: 'Terminal reopens after talks', text: 'The terminal reopened.', published: '2025-04-03T08:00:00Z', modified: null, language: 'en' },
        analysis: { quotes: [], entities: [], figures: [], dates: [] },
        seenAt: '2025-04-03T08:00:00Z',
      },
      () => ({ duplicateOf: null, similarity: null, changes: null, event: { id: 1, storyId: 1, title: 'Strike closes the container terminal', start: '2025-04-01', end: '2025-04-03' }, story: { id: 1, title: 'Dockworkers strike at Port Aldine', start: '2025-04-01', end: '2025-04-03' }, movedEvents: [], mergedStoryIds: [] }),
    );
    const after = await (await app.request('/stories/1')).text();
    assert.match(after, /Terminal reopens after talks/);
    assert.match(after, /4 articles/);
  } finally {
    await readModel.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("a quote's sources name each outlet once, with its first day and how many of its articles carried it", async () => {
  const store = openSqliteStore(':memory:');
  const story = { id: 1, title: 'Ferry strike', start: '2025-05-01', end: '2025-05-04' };
  const event = { id: 1, storyId: 1, title: 'Ferry crews walk out', start: '2025-05-01', end: '2025-05-04' };
  const said = '“We will not sail until the rota is fixed,” said Ines Dahl, the crews’ representative.';
  const quote = { text: 'We will not sail until the rota is fixed,', start: 1, end: 42, direct: true, speaker: 'Ines Dahl', speakerStart: 49, speakerEnd: 58 };
  const reports = [
    ['Harbour Times', '2025-05-02T08:00:00Z'],
    ['Coastal Post', '2025-05-01T18:00:00Z'],
    ['Harbour Times', '2025-05-03T08:00:00Z'],
    ['Harbour Times', '2025-05-04T08:00:00Z'],
  ] as const;
  try {
    for (const [i, [source, published]] of reports.entries()) {
      await store.addArticle(
        {
          identity: `ferry:${i}`,
          contentHash: `ferry-hash-${i}`,
          rawHash: `ferry-raw-${i}`,
          article: { externalId: null, path: null, url: null, source, author: null, title: `Ferry crews strike, day ${i + 1}`, text: said, published, modified: null, language: 'en' },
          analysis: { quotes: [quote], entities: [], figures: [], dates: [] },
          seenAt: published,
        },
        () => ({ duplicateOf: null, similarity: null, changes: null, event, story, movedEvents: [], mergedStoryIds: [] }),
      );
    }
    const body = await (await createApp({ store }).app.request('/stories/1')).text();
    const caption = /<figcaption>Carried by 2 outlets: <span class="sources">(.*?)<\/span><\/figcaption>/s.exec(body)?.[1] ?? '';
    const links = [...caption.matchAll(/<a class="source" href="\/articles\/\d+">(.*?)<\/a>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual(links, ['Coastal Post 1 May', 'Harbour Times 2 May ×3'], 'first carrier first; one link per outlet');
  } finally {
    await store.close();
  }
});

test('an undated original is drawn on the timeline at its earliest copy’s date, as a dashed ring, and said so', async () => {
  const store = openSqliteStore(':memory:');
  try {
    const story = { id: 1, title: 'Ferry pier shut after collision', start: '2025-04-01', end: '2025-04-03' };
    const event = { id: 1, storyId: 1, title: 'Pier shut', start: '2025-04-01', end: '2025-04-03' };
    const add = (n: number, source: string, published: string | null, duplicateOf: number | null) =>
      store.addArticle(
        {
          identity: `pier:${n}`,
          contentHash: `pier-hash-${n}`,
          rawHash: `pier-raw-${n}`,
          article: { externalId: null, path: null, url: `https://pier.example/${n}`, source, author: null, title: `Pier report ${n}`, text: 'The Saltmere ferry pier is shut after a cargo ship struck it.', published, modified: null, language: 'en' },
          analysis: { quotes: [], entities: [], figures: [], dates: [] },
          seenAt: '2025-04-05T10:00:00Z',
        },
        () => ({ duplicateOf, similarity: duplicateOf ? 0.95 : null, changes: null, event, story, movedEvents: [], mergedStoryIds: [] }),
      );
    await add(1, 'Nordwire', null, null);
    await add(2, 'Harbour Times', '2025-04-03T09:00:00Z', 1);
    await add(3, 'Bay Herald', '2025-04-01T09:00:00Z', 1);
    const body = await (await createApp({ store }).app.request('/stories/1')).text();
    assert.match(body, /<title>Nordwire: Pier report 1 \(1 Apr 2025[^<]*undated: drawn at its earliest copy’s date<\/title><circle class="dot c\d date-from-copy"/);
    assert.match(body, /A dashed ring: an original without a publish date, drawn at its earliest copy’s date\./);
    assert.doesNotMatch(body, /without a publish date (is|are) listed under Events/);
  } finally {
    await store.close();
  }
});

describe('a story with a report in another language', () => {
  test('marks the report with its language, and English reports with none', async () => {
    const store = openSqliteStore(':memory:');
    try {
      await addLongEvent(store, 2);
      const story = { id: 1, title: 'Dockworkers strike at Port Aldine', start: '2025-04-01', end: '2025-04-02' };
      const event = { id: 1, storyId: 1, title: 'Strike closes the container terminal', start: '2025-04-01', end: '2025-04-02' };
      await store.addArticle(
        {
          identity: 'de:1',
          contentHash: 'de-hash',
          rawHash: 'de-raw',
          article: { externalId: null, path: null, url: 'https://hafenblatt.example/aldine', source: 'Hafenblatt', author: null, title: 'Streik im Hafen von Aldine', text: '„Wir bleiben draußen, bis das Angebot besser wird“, sagte Ilse Marrow.', published: '2025-04-01T12:00:00Z', modified: null, language: 'de' },
          analysis: {
            quotes: [{ text: 'Wir bleiben draußen, bis das Angebot besser wird', start: 1, end: 49, direct: true, speaker: 'Ilse Marrow', speakerStart: 58, speakerEnd: 69 }],
            entities: [],
            figures: [],
            dates: [],
          },
          seenAt: '2025-04-01T12:00:00Z',
        },
        () => ({ duplicateOf: null, similarity: null, changes: null, event, story, movedEvents: [], mergedStoryIds: [] }),
      );
      const body = await (await createApp({ store }).app.request('/stories/1')).text();
      assert.match(body, /<span class="outlet">Hafenblatt<\/span> <span class="language" title="in German">DE<\/span> <a href="\/articles\/3">Streik im Hafen von Aldine<\/a>/);
      // Its quote, under its speaker, carries the badge too.
      assert.match(body, /“Wir bleiben draußen, bis das Angebot besser wird”<\/blockquote>\s*<figcaption> <span class="language" title="in German">DE<\/span> Carried by 1 outlet/);
      assert.equal([...body.matchAll(/class="language"/g)].length, 2);
    } finally {
      store.close();
    }
  });
});
