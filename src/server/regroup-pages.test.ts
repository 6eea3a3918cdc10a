import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';

const corpus = (folder: string): string => fileURLToPath(new URL(`../../demo/corpus/${folder}`, import.meta.url));
const ORIGIN = 'http://127.0.0.1';
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const form = (fields: Record<string, string>, origin = ORIGIN): RequestInit => ({
  method: 'POST',
  headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('regrouping by hand', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>['app'];
  let flood = 0;
  let strike = 0;
  const request = (path: string, init?: RequestInit) => app.request(`${ORIGIN}${path}`, init);

  before(async () => {
    store = openSqliteStore(':memory:');
    await createPipeline(store).ingestPaths([corpus('html')]);
    const stories = await store.listStories();
    flood = stories.find((s) => /Korvel|storm/i.test(s.title))!.id;
    strike = stories.find((s) => /Brennmouth/.test(s.title))!.id;
    app = createApp({ store, pageCache: 8 }).app;
  });
  after(() => store.close());

  test('the story page links to its regroup page, which offers the stories that mention the same names and every event', async () => {
    assert.match(await (await request(`/stories/${strike}`)).text(), new RegExp(`href="/stories/${strike}/regroup"`));
    const page = await (await request(`/stories/${strike}/regroup`)).text();
    assert.match(page, /Merge with another story/);
    assert.match(page, /Both mention [^<]*(Vessland|Tarrholm)/);
    const events = (await store.getStory(strike))!.events;
    for (const e of events) assert.ok(page.includes(`/stories/${strike}/events/${e.id}/move`), `event ${e.id} can be moved`);
    const related = (await (await request(`/api/stories/${strike}/related`)).json()) as { related: Array<{ story: { id: number }; shared: string[] }> };
    assert.ok(related.related.length > 0 && related.related.every((r) => r.story.id !== strike && r.shared.length > 0));
    assert.equal((await request('/stories/999/regroup')).status, 404);
  });

  test('a cross-site form cannot merge stories; a request with nothing to merge or a missing story is refused with why', async () => {
    assert.equal((await request(`/stories/${strike}/merge`, form({ with: String(flood) }, 'https://elsewhere.example'))).status, 403);
    assert.equal((await request(`/api/stories/${strike}/merge`, json({ stories: [] }))).status, 400);
    assert.equal((await request(`/api/stories/${strike}/merge`, json({ stories: ['two'] }))).status, 400);
    const missing = await request(`/api/stories/${strike}/merge`, json({ stories: [9999] }));
    assert.deepEqual([missing.status, ((await missing.json()) as { message: string }).message], [404, 'no story 9999']);
    assert.equal((await request('/api/events/9999/move', json({ story: null }))).status, 404);
    assert.equal((await request('/api/events/1/move', json({ story: 'new' }))).status, 400);
    assert.equal((await store.listStories()).length > 1, true, 'nothing was merged');
  });

  test('merging from the page keeps the larger story, and a link to the other leads to it; moving an event out makes a story of its own', async () => {
    const before = await store.listStories();
    const [a, b] = [before.find((s) => s.id === strike)!, before.find((s) => s.id === flood)!];
    const [kept, gone] = a.articleCount >= b.articleCount ? [a, b] : [b, a];
    const merged = await request(`/stories/${gone.id}/merge`, form({ with: `#${kept.id}` }));
    assert.deepEqual([merged.status, merged.headers.get('location')], [303, `/stories/${kept.id}`]);
    const story = (await store.getStory(kept.id))!;
    assert.equal(story.story.articleCount, a.articleCount + b.articleCount);
    const link = await request(`/stories/${gone.id}`, { redirect: 'manual' });
    assert.deepEqual([link.status, link.headers.get('location')], [301, `/stories/${kept.id}`]);
    assert.match(await (await request(`/stories/${kept.id}`)).text(), new RegExp(gone.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 30)), 'the page shows the merged story at once');

    assert.match(await (await request(`/stories/${kept.id}`)).text(), /Merged in by hand: “[^”]+” \(\d+ \w+ \d{4}\)\. <a href="\/stories\/\d+\/regroup">Undo or regroup<\/a>/, 'the story page says it was regrouped by hand');
    const regroup = await (await request(`/stories/${kept.id}/regroup`)).text();
    assert.match(regroup, /Merged here by hand/);
    assert.ok(regroup.includes(`name="story" value="${gone.id}"`), 'the merge can be undone from the page');
    const undone = await request(`/stories/${kept.id}/unmerge`, form({ story: String(gone.id) }));
    assert.deepEqual([undone.status, undone.headers.get('location')], [303, `/stories/${gone.id}`]);
    assert.equal((await store.getStory(gone.id))?.story.articleCount, gone.articleCount, 'back with the articles it had');
    assert.equal((await request(`/api/stories/${gone.id}/unmerge`, json({}))).status, 404, 'undone once');
    assert.doesNotMatch(await (await request(`/stories/${kept.id}`)).text(), /Merged in by hand/);
    await request(`/api/stories/${kept.id}/merge`, json({ stories: [gone.id] }));

    const event = (await store.getStory(kept.id))!.events[0]!;
    const moved = await request(`/api/events/${event.id}/move`, json({ story: null }));
    const body = (await moved.json()) as { eventId: number; storyId: number };
    assert.equal(moved.status, 200);
    assert.ok(body.storyId > Math.max(...before.map((s) => s.id)), 'a new story number');
    assert.deepEqual((await store.getStory(body.storyId))!.events.map((e) => e.id), [event.id]);
    // A story typed in by its number goes before the list's choice.
    const back = await request(`/stories/${body.storyId}/events/${event.id}/move`, form({ to: 'new', number: `#${kept.id}` }));
    assert.deepEqual([back.status, back.headers.get('location')], [303, `/stories/${kept.id}#event-${event.id}`]);
    assert.equal((await store.mergedInto(body.storyId)), kept.id, 'the story it left empty leads back');
  });
});
