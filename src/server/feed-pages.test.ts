import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startSite } from '../pipeline/testdata/news-site.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { createApp } from './create-app.js';
import { startFeedPoller } from './feed-poller.js';

const form = (fields: Record<string, string>): { method: string; body: URLSearchParams; headers: Record<string, string> } => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: { Origin: 'http://127.0.0.1', 'Content-Type': 'application/x-www-form-urlencoded' },
});

test('the feeds page subscribes by a site address, fetches on demand, shows what each fetch brought, and unsubscribes', async () => {
  const site = await startSite();
  const store = openSqliteStore(':memory:');
  const { app, queue } = createApp({ store, polling: true, feedIntervalMs: 15 * 60_000 });
  const at = (path: string, init?: RequestInit) => app.request(`http://127.0.0.1${path}`, init);
  try {
    const empty = await (await at('/feeds')).text();
    assert.match(empty, /No feeds yet/);
    assert.match(empty, /fetched every 15 minutes/);

    const added = await at('/feeds', form({ url: `${site.url}/` }));
    assert.equal(added.status, 200);
    const listed = await added.text();
    assert.match(listed, new RegExp(`Subscribed to Northgate Post \\(${site.url}/feeds/europe.xml\\)`));
    assert.match(listed, /not fetched yet/);

    const fetched = await at('/feeds/fetch', form({ all: '0' }));
    assert.equal(fetched.status, 303);
    assert.match(fetched.headers.get('location') ?? '', /^\/ingest\/jobs\//);
    await queue.idle();
    const job = await (await at(`/api/ingest/${fetched.headers.get('location')!.split('/').pop()}`)).json() as { unit: string; files: number; summary: { new: number } };
    assert.deepEqual([job.unit, job.files, job.summary.new], ['feed', 1, 2]);
    const jobPage = await (await at(fetched.headers.get('location')!)).text();
    assert.match(jobPage, /Fetch finished/);
    assert.match(jobPage, /1 feed of 1 done/);

    const after = await (await at('/feeds')).text();
    assert.match(after, /fetched just now<\/span> <span class="muted">2 new articles of 2 items/);
    const api = await (await at('/api/feeds')).json() as { feeds: Array<{ feedUrl: string; lastNew: number; etag: string }> };
    assert.deepEqual(api.feeds.map((f) => [f.feedUrl, f.lastNew, f.etag]), [[`${site.url}/feeds/europe.xml`, 2, '"v2"']]);
    assert.match(await (await at('/')).text(), /dockers strike/, 'the fetched articles are in the story list');

    const opml = await at('/feeds.opml');
    assert.match(opml.headers.get('content-type') ?? '', /opml/);
    assert.match(await opml.text(), /xmlUrl="http:\/\/127\.0\.0\.1:\d+\/feeds\/europe\.xml"/);

    const bad = await at('/feeds', form({ url: `${site.url}/no-such-page` }));
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Not subscribed: .*HTTP 404/);
    const forged = await at('/feeds', { ...form({ url: `${site.url}/` }), headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(forged.status, 403);

    const removed = await (await at('/feeds/remove', form({ url: `${site.url}/feeds/europe.xml` }))).text();
    assert.match(removed, /Unsubscribed from .*; its articles stay/);
    assert.equal((await store.counts()).articles, 2);
  } finally {
    await queue.idle();
    await store.close();
    await site.close();
  }
});

test('while the server polls, a fetch is queued only when a feed is due and none is under way', async () => {
  const site = await startSite();
  const store = openSqliteStore(':memory:');
  const { queue } = createApp({ store });
  let clock = new Date('2026-04-30T08:00:00Z');
  const poller = startFeedPoller({ store, queue, checkEveryMs: 3_600_000, now: () => clock });
  try {
    await queue.idle();
    assert.equal(await poller.check(), null, 'nothing subscribed, nothing to do');
    await store.addSubscriptions([{ feedUrl: `${site.url}/feeds/europe.xml`, title: 'Europe', siteUrl: null }]);
    const first = await poller.check();
    assert.ok(first);
    assert.equal(await poller.check(), null, 'one fetch at a time');
    await queue.idle();
    assert.equal(queue.get(first)?.summary.new, 2);
    // The fetch runs on the real clock; the poller's clock says when the feed is due again.
    clock = new Date(Date.now() + 10 * 60_000);
    assert.equal(await poller.check(), null, 'not due for half an hour');
    clock = new Date(Date.now() + 31 * 60_000);
    assert.ok(await poller.check());
    await queue.idle();
  } finally {
    poller.stop();
    await store.close();
    await site.close();
  }
});

test('the same through the JSON API: subscribe, fetch as a job, list, unsubscribe', async () => {
  const site = await startSite();
  const store = openSqliteStore(':memory:');
  const { app, queue } = createApp({ store });
  const call = (path: string, method: string, body?: unknown) =>
    app.request(`http://127.0.0.1${path}`, { method, headers: { Origin: 'http://127.0.0.1', 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  try {
    const added = await call('/api/feeds', 'POST', { url: `${site.url}/` });
    assert.equal(added.status, 201);
    assert.equal(((await added.json()) as { feed: { feedUrl: string } }).feed.feedUrl, `${site.url}/feeds/europe.xml`);
    assert.equal((await call('/api/feeds', 'POST', { url: 'ftp://example.org/feed' })).status, 422);
    assert.equal((await call('/api/feeds', 'POST', {})).status, 400);

    const started = await call('/api/feeds/fetch', 'POST', { all: true });
    assert.equal(started.status, 202);
    const job = (await started.json()) as { id: string; unit: string };
    const again = (await (await call('/api/feeds/fetch', 'POST', {})).json()) as { id: string };
    assert.equal(again.id, job.id, 'a fetch under way is not queued twice');
    await queue.idle();
    const done = (await (await call(`/api/ingest/${job.id}`, 'GET')).json()) as { state: string; feeds: object; summary: { new: number } };
    assert.deepEqual([done.state, done.feeds, done.summary.new], ['done', { answered: 1, unchanged: 0, failed: 0 }, 2]);

    assert.equal((await call(`/api/feeds?url=${encodeURIComponent(`${site.url}/feeds/europe.xml`)}`, 'DELETE')).status, 200);
    assert.equal((await call(`/api/feeds?url=${encodeURIComponent(`${site.url}/feeds/europe.xml`)}`, 'DELETE')).status, 404);
    assert.deepEqual(((await (await call('/api/feeds', 'GET')).json()) as { feeds: unknown[] }).feeds, []);
  } finally {
    await queue.idle();
    await store.close();
    await site.close();
  }
});
