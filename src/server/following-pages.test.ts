import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';

const corpus = (folder: string): string => fileURLToPath(new URL(`../../demo/corpus/${folder}`, import.meta.url));
const post = { method: 'POST', headers: { Origin: 'http://127.0.0.1' } };

describe('following a story', () => {
  let store: Store;
  let strikeId = 0;
  const app = () => createApp({ store, pageCache: 8 }).app;
  const text = async (path: string, init?: RequestInit): Promise<string> => (await app().request(`http://127.0.0.1${path}`, init)).text();

  before(async () => {
    store = openSqliteStore(':memory:');
    // The web pages first; the wire reports and the feeds come in after the reader follows the strike.
    await createPipeline(store).ingestPaths([corpus('html')]);
    strikeId = (await store.listStories()).find((s) => /Brennmouth/.test(s.title))!.id;
  });
  after(() => store.close());

  test('the story page follows it; what comes in after is news on Following, in the feed and on the story page once', async () => {
    const before = await text(`/stories/${strikeId}`);
    assert.match(before, /Follow this story/);
    const followed = await app().request(`http://127.0.0.1/stories/${strikeId}/follow`, post);
    assert.equal(followed.status, 303);
    assert.match(await text(`/stories/${strikeId}`), /Following ✓ · Unfollow/);
    assert.match(await text('/following'), /nothing new/);

    await createPipeline(store).ingestPaths([corpus('text'), corpus('feeds')]);
    const following = await text('/following');
    assert.match(following, /1 followed story, 1 with news/);
    assert.match(following, /\d+ new articles \(\d+ of them copies\), \d+ new outlets, 2 new events/);
    assert.match(following, /Carriers divert ships as Brennmouth strike enters second day/);

    const atom = await text('/following.atom');
    assert.match(atom, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const entries = atom.match(/<entry>/g)?.length ?? 0;
    assert.ok(entries >= 5, `${entries} entries`);
    assert.match(atom, /<link rel="alternate" type="text\/html" href="http:\/\/127\.0\.0\.1\/articles\/\d+"\/>/);
    assert.doesNotMatch(atom, /&(?!amp;|lt;|gt;|quot;|apos;)/, 'every ampersand escaped');
    assert.match(atom, /<title>[^<]*Brennmouth[^<]*: Dockers back deal by 68% as Brennmouth prepares to reopen<\/title>/, 'titled by story and report');

    const story = await text(`/stories/${strikeId}`);
    assert.match(story, /Since you last looked/);
    assert.match(story, /Dockers back deal by 68%/);
    assert.doesNotMatch(await text(`/stories/${strikeId}`), /Since you last looked/, 'seen once shown');
    assert.match(await text('/following'), /nothing new/);
    assert.ok(((await text('/following.atom')).match(/<entry>/g)?.length ?? 0) === entries, 'the feed keeps its developments once they are seen');
  });

  test('Following says where alerts are pushed, by host only, and why one failed', async () => {
    assert.match(await text('/following'), /can also be pushed to a chat channel or a phone[^<]*<code>storyline alerts add &lt;webhook URL&gt;<\/code>/);
    const secret = 'https://hooks.slack.example/services/T0001/B0002/s3cr3t';
    await store.addAlertTarget({ url: secret, format: 'json', linkBase: null }, '2026-05-01T10:00:00Z');
    await store.addAlertTarget({ url: 'https://ntfy.example/strike', format: 'text', linkBase: null }, '2026-05-01T10:00:00Z');
    const [target] = await store.alertTargets();
    await store.recordAlertSending('https://ntfy.example/strike', { from: target!.throughArticleId, to: target!.throughArticleId }, '2026-05-01T11:00:00Z', 'HTTP 429: too many requests');
    const following = await text('/following');
    assert.match(following, /Developments are pushed to hooks\.slack\.example, ntfy\.example as they arrive\./);
    assert.match(following, /ntfy\.example failed 1 May 2026, 11:00: HTTP 429: too many requests; tried again after the next fetch\./);
    assert.doesNotMatch(following, /s3cr3t/, 'a webhook address is its secret');
    await store.removeAlertTarget(secret);
    await store.removeAlertTarget('https://ntfy.example/strike');
  });

  test('the same through the JSON API, and unfollowing', async () => {
    const api = (path: string, method = 'GET') => app().request(`http://127.0.0.1${path}`, { method, headers: { Origin: 'http://127.0.0.1' } });
    const { following } = (await (await api('/api/following')).json()) as { following: Array<{ storyId: number; articles: number }> };
    assert.deepEqual(following.map((f) => [f.storyId, f.articles]), [[strikeId, 0]]);
    assert.equal((await api('/api/stories/9999/follow', 'POST')).status, 404);
    assert.equal((await api(`/api/stories/${strikeId}/follow`, 'DELETE')).status, 200);
    assert.equal((await api(`/api/stories/${strikeId}/follow`, 'DELETE')).status, 404);
    assert.match(await text(`/stories/${strikeId}`), /Follow this story/);
    const forged = await app().request(`http://127.0.0.1/stories/${strikeId}/follow`, { method: 'POST', headers: { Origin: 'https://evil.example' } });
    assert.equal(forged.status, 403);
  });
});
