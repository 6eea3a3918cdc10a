import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createGrouper } from '../cluster/create-grouper.js';
import { createPipeline } from './create-pipeline.js';
import { Pipeline } from './ingest.js';

const clock = () => new Date('2026-04-20T12:00:00Z');
const doc = (path: string, text: string, hints: RawDocument['hints']): RawDocument => ({ path, index: 0, format: 'text', content: text, hints });

// A gate failure reported by two outlets, and a resident's account from the flooded quarter that
// shares few of their words: the grouper keeps the account apart, the reader knows it is the same story.
const FAILURE = [
  doc('wire.txt', 'A gate of the Korvel flood barrier failed to close on Monday night as a storm surge pushed into the estuary, flooding the harbour quarter of Ostwick.\n\n"The north gate stopped halfway," said Lene Vik, who runs the barrier for the river authority. Some 3,000 people left their homes before dawn.', { source: 'Nordwire', published: '2026-04-13T08:00:00Z', title: 'Korvel barrier gate fails as surge floods Ostwick' }),
  doc('herald.txt', 'Engineers were inspecting the Korvel flood barrier on Tuesday after its north gate jammed during Monday night\'s storm surge, letting the sea into Ostwick.\n\nThe river authority said Lene Vik\'s team would report by Friday. About 3,000 residents spent the night in schools and sports halls.', { source: 'The Vessland Herald', published: '2026-04-14T07:00:00Z', title: 'Engineers inspect jammed Korvel gate' }),
];
const ACCOUNT = doc('account.txt', 'Marta Holm keeps a photograph of her grandmother\'s kitchen on the fridge door. On the wallpaper beside it, a brown tide line runs at the height of her shoulders.\n\n"We carried the dog and the photo albums up the stairs and waited," she said, sitting on a borrowed chair in the empty front room on Quay Lane.', { source: 'Marren Courier', published: '2026-04-15T09:00:00Z', title: 'A tide line on the wallpaper of Quay Lane' });
const LATER_ACCOUNT = doc('account-2.txt', 'Marta Holm has taken the photograph of her grandmother\'s kitchen off the fridge door. The tide line on the wallpaper is painted over now.\n\n"We carried the dog and the albums up the stairs once; we would do it again," she said on Quay Lane, in a front room with new chairs.', { source: 'Marren Courier', published: '2026-04-16T09:00:00Z', title: 'Quay Lane paints over the tide line' });

async function storyOf(store: Store, id: number): Promise<number | null> {
  return (await store.getArticle(id))?.article.storyId ?? null;
}
const idOf = (outcome: { kind: string }): number => ('id' in outcome ? (outcome.id as number) : -1);

async function twoStories(store: Store): Promise<{ failure: number; account: number; accountId: number }> {
  const pipeline = createPipeline(store, { now: clock });
  const ids: number[] = [];
  for (const d of [...FAILURE, ACCOUNT]) ids.push(idOf(await pipeline.ingestDocument(d)));
  await pipeline.saveState();
  const failure = (await storyOf(store, ids[0]!))!;
  const account = (await storyOf(store, ids[2]!))!;
  assert.equal(await storyOf(store, ids[1]!), failure, 'the two reports of the failure are one story');
  assert.notEqual(account, failure, 'the account is a story of its own before the reader merges it');
  return { failure, account, accountId: ids[2]! };
}

test('stories merged by hand are one story in the store: its events, its articles, its title, and a link to the merged story leads to it', async () => {
  const store = openSqliteStore(':memory:');
  const { failure, account, accountId } = await twoStories(store);
  const pipeline = createPipeline(store, { now: clock });
  const result = await pipeline.mergeStories([account], failure);
  assert.ok('regrouping' in result);
  assert.equal(await storyOf(store, accountId), failure);
  assert.equal(await store.mergedInto(account), failure);
  const story = await store.getStory(failure);
  assert.equal(story?.story.articleCount, 3);
  assert.deepEqual([story?.story.start, story?.story.end], ['2026-04-13', '2026-04-15']);
  assert.equal(story?.events.length, 2, 'the account keeps its own event, now in the failure story');
  assert.equal((await store.listStories()).length, 1);
  assert.equal(await store.regroupingsMade(), 1);
  // Merging a story merged away already, or a story into itself, changes nothing more.
  assert.deepEqual(await pipeline.mergeStories([account, failure], failure), { regrouping: { stories: [{ ...(result.regrouping.stories[0]!) }], movedEvents: [], merged: [] } });
  assert.deepEqual(await pipeline.mergeStories([999], failure), { missing: 999 });
  assert.deepEqual(await pipeline.mergeStories([account], 998), { missing: 998 });
  await store.close();
});

test('what arrives after a merge by hand joins the merged story: in the same process, after a restart, and in another process that was running', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-merge-'));
  for (const where of ['same process', 'after a restart', 'another process'] as const) {
    const path = join(dir, `${where.replace(/ /g, '-')}.db`);
    let store = openSqliteStore(path);
    const { failure, account } = await twoStories(store);
    // The other process has read the store before the merge and holds its grouper in memory.
    const otherStore = where === 'another process' ? openSqliteStore(path) : null;
    const other = otherStore ? createPipeline(otherStore, { now: clock }) : null;
    if (other) await other.ingestDocument(FAILURE[0]!);

    const merging = createPipeline(store, { now: clock });
    // In the same process the grouper is in memory already (brought up to date by an ingest); in
    // the others the merging process changes the saved state without reading anything back.
    if (where === 'same process') await merging.ingestDocument(FAILURE[0]!);
    await merging.mergeStories([account], failure);
    assert.equal((await store.grouperState())?.lastArticleId, 3, `${where}: the grouper's state is saved with the merge`);
    let later = merging;
    if (where === 'after a restart') {
      await store.close();
      store = openSqliteStore(path);
      later = createPipeline(store, { now: clock });
    }
    const outcome = await (other ?? later).ingestDocument(LATER_ACCOUNT);
    assert.equal(outcome.kind, 'new', where);
    assert.equal(await storyOf(store, idOf(outcome)), failure, `${where}: the later account joins the merged story`);
    assert.equal((await store.listStories()).length, 1, `${where}: the merged-away story does not come back`);
    await otherStore?.close();
    await store.close();
  }
});

test('an event moved by hand to a story of its own takes its later reports along, and stays apart: in the same process, and after a restart that reads every article back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-move-'));
  for (const restart of [false, true]) {
    const path = join(dir, `${restart}.db`);
    let store = openSqliteStore(path);
    const { failure, account, accountId } = await twoStories(store);
    let pipeline: Pipeline = createPipeline(store, { now: clock });
    const toldApart: Array<[number, number]> = [];
    await pipeline.mergeStories([account], failure);
    const event = (await store.getArticle(accountId))!.article.eventId!;
    const moved = await pipeline.moveEvent(event, null);
    assert.ok('regrouping' in moved);
    const own = (await storyOf(store, accountId))!;
    assert.notEqual(own, failure);
    assert.ok(own > account, 'a new story number, not the merged-away one');
    if (restart) {
      await store.close();
      // Saved by another version: the restart reads every stored article back.
      const db = new Database(path);
      db.prepare('DELETE FROM grouper_state').run();
      db.close();
      store = openSqliteStore(path);
      pipeline = new Pipeline({ store, now: clock, createGrouper: () => {
        const grouper = createGrouper();
        const regroup = grouper.regroup!.bind(grouper);
        grouper.regroup = (change) => { toldApart.push(...(change.apart ?? [])); regroup(change); };
        return grouper;
      } });
    }
    const later = await pipeline.ingestDocument(LATER_ACCOUNT);
    if (restart) assert.deepEqual(toldApart, [[failure, own]], 'the stories told apart are read back too');
    assert.equal(await storyOf(store, idOf(later)), own, `${restart ? 'after a restart' : 'same process'}: the later account follows its event`);
    assert.deepEqual((await store.listStories()).map((s) => s.id).sort((a, b) => a - b), [failure, own].sort((a, b) => a - b));
    await store.close();
  }
});

test('a merge by hand is undone: the story is back under its number with its events, what arrives next joins it, and the two are not merged again', async () => {
  const store = openSqliteStore(':memory:');
  const { failure, account, accountId } = await twoStories(store);
  const pipeline = createPipeline(store, { now: clock });
  await pipeline.mergeStories([account], failure);
  assert.deepEqual((await store.mergedByHand(failure)).map((m) => m.storyId), [account]);
  const undone = await pipeline.undoMerge(account);
  assert.ok('regrouping' in undone);
  assert.equal(await storyOf(store, accountId), account, 'back under its own number');
  assert.equal(await store.mergedInto(account), null, 'its link is its own again');
  assert.deepEqual(await store.mergedByHand(failure), []);
  assert.deepEqual(await store.storiesKeptApart(), [[failure, account]]);
  const later = await pipeline.ingestDocument(LATER_ACCOUNT);
  assert.equal(await storyOf(store, idOf(later)), account);
  assert.deepEqual(await pipeline.undoMerge(account), { notMerged: account }, 'undone once');
  assert.deepEqual(await pipeline.undoMerge(failure), { notMerged: failure }, 'never merged');
  await store.close();
});
