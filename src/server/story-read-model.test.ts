import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildStoryView } from '../views/story-view.js';
import { sqliteReadModel, storeReadModel } from './story-read-model.js';
import { addInventedStories } from './testdata/invented-story.js';

test('the SQLite read model answers as the store does (story views, lists, filters, coverage)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'storyline-read-'));
  const file = join(dir, 'store.db');
  const store = openSqliteStore(file);
  const fast = sqliteReadModel(file);
  const portable = storeReadModel(store);
  try {
    await addInventedStories(store);
    for (const id of [1, 2, 3]) {
      const a = await fast.getStory(id);
      const b = await portable.getStory(id);
      assert.deepEqual(buildStoryView(a!), buildStoryView(b!));
    }
    assert.equal(await fast.getStory(99), null);
    for (const options of [{}, { limit: 1, offset: 1 }, { entity: 'Norland' }, { outlet: 'Plains Herald' }, { from: '2025-02-21' }, { to: '2025-02-20' }, { from: '2025-03-01', to: '2025-03-31' }]) {
      assert.deepEqual(await fast.listStories(options), await portable.listStories(options), JSON.stringify(options));
    }
    assert.deepEqual(await fast.coverage([1, 2]), await portable.coverage([1, 2]));
    assert.deepEqual((await fast.coverage([1])).get(1), [
      { day: '2025-03-10', count: 4 },
      { day: '2025-03-12', count: 2 },
      { day: '2025-03-14', count: 1 },
    ]);
    assert.deepEqual(await fast.storyTitles([2, 42]), new Map([[2, 'Drought brings water limits to Plains county']]));

    await store.addArticle(
      {
        identity: 'late',
        contentHash: 'late',
        rawHash: 'late',
        article: { externalId: null, path: null, url: null, source: 'Valley Courier', author: null, title: 'Rain eases the drought', text: 'Rain fell.', published: '2025-02-25', modified: null, language: 'en' },
        analysis: { quotes: [], entities: [], figures: [], dates: [] },
        seenAt: '2025-02-25T10:00:00Z',
      },
      () => ({ duplicateOf: null, similarity: null, changes: null, event: { id: 4, storyId: 2, title: 'Water board sets limits', start: '2025-02-20', end: '2025-02-25' }, story: { id: 2, title: 'Drought brings water limits to Plains county', start: '2025-02-20', end: '2025-02-25' }, movedEvents: [], mergedStoryIds: [] }),
    );
    assert.equal((await fast.getStory(2))?.articles.length, 3, 'the read-only connection sees what the store wrote since');

    // An article without a publish date, read in months later, draws no bar months away.
    const before = (await fast.coverage([2])).get(2);
    await store.addArticle(
      {
        identity: 'undated',
        contentHash: 'undated',
        rawHash: 'undated',
        article: { externalId: null, path: null, url: null, source: null, author: null, title: 'Drought notes', text: 'Wells ran dry.', published: null, modified: null, language: 'en' },
        analysis: { quotes: [], entities: [], figures: [], dates: [] },
        seenAt: '2025-09-30T10:00:00Z',
      },
      () => ({ duplicateOf: null, similarity: null, changes: null, event: { id: 4, storyId: 2, title: 'Water board sets limits', start: '2025-02-20', end: '2025-02-25' }, story: { id: 2, title: 'Drought brings water limits to Plains county', start: '2025-02-20', end: '2025-02-25' }, movedEvents: [], mergedStoryIds: [] }),
    );
    assert.deepEqual((await fast.coverage([2])).get(2), before);
    assert.deepEqual(await fast.coverage([1, 2]), await portable.coverage([1, 2]));
  } finally {
    await fast.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});
