import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';
import { publicOrigin } from './public-origin.js';

const corpus = fileURLToPath(new URL('../../demo/corpus/html', import.meta.url));
const PUBLIC = 'https://news.example.org';
// What a reverse proxy that ends TLS passes on: the server's own address, the browser's Origin.
const INNER = 'http://127.0.0.1:8080';
const follow = { method: 'POST', headers: { Origin: PUBLIC, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' };

test('a public address is an http or https origin; a path, a login or another scheme is refused with why', () => {
  assert.deepEqual(publicOrigin('https://news.example.org/'), { origin: PUBLIC });
  assert.deepEqual(publicOrigin('https://news.example.org:8443'), { origin: 'https://news.example.org:8443' });
  assert.match((publicOrigin('https://example.org/storyline/') as { error: string }).error, /has a path: .*host \(or subdomain\) of its own/);
  assert.match((publicOrigin('ftp://example.org') as { error: string }).error, /not an http or https address/);
  assert.match((publicOrigin('https://me:secret@example.org') as { error: string }).error, /user name or password/);
  assert.match((publicOrigin('news.example.org') as { error: string }).error, /not a web address/);
});

describe('behind a reverse proxy', () => {
  let store: Store;
  let storyId = 0;
  before(async () => {
    store = openSqliteStore(':memory:');
    await createPipeline(store).ingestPaths([corpus]);
    storyId = (await store.listStories())[0]!.id;
  });
  after(() => store.close());

  test("the browser's forms are not taken for cross-site ones, and the addresses written out are the public ones", async () => {
    const inner = createApp({ store }).app;
    assert.equal((await inner.request(`${INNER}/stories/${storyId}/follow`, follow)).status, 403, 'without the public address, the proxied form is refused');
    const { app } = createApp({ store, publicOrigin: PUBLIC });
    const followed = await app.request(`${INNER}/stories/${storyId}/follow`, follow);
    assert.deepEqual([followed.status, followed.headers.get('location')], [303, `/stories/${storyId}`]);
    const atom = await (await app.request(`${INNER}/following.atom`)).text();
    assert.match(atom, new RegExp(`rel="self" type="application/atom\\+xml" href="${PUBLIC}/following.atom"`), 'a feed reader is given the public address');
    assert.doesNotMatch(atom, /127\.0\.0\.1/);
    assert.match(await (await app.request(`${INNER}/ingest`)).text(), new RegExp(`open\\(&#39;${PUBLIC}/ingest\\?address=`), 'the bookmarklet opens the public address');
    // A request with a body goes through whole.
    const pasted = await app.request(`${INNER}/api/ingest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'Divers checked the quay walls of Brennmouth on Friday.\n\nThe port reopens on Monday, the harbour authority said.', title: 'Quay walls checked', source: 'Port Letter' }) });
    assert.equal(pasted.status, 202, await pasted.clone().text());
  });

  test('the access cookie is marked Secure when readers reach the server over https', async () => {
    const { app } = createApp({ store, token: 'sesame-sesame-sesame', publicOrigin: PUBLIC });
    const opened = await app.request(`${INNER}/?token=sesame-sesame-sesame`);
    assert.equal(opened.status, 303);
    assert.match(opened.headers.get('set-cookie') ?? '', /storyline_token=sesame-sesame-sesame;.*Secure/);
    const plain = await createApp({ store, token: 'sesame-sesame-sesame' }).app.request(`${INNER}/?token=sesame-sesame-sesame`);
    assert.doesNotMatch(plain.headers.get('set-cookie') ?? '', /Secure/);
  });
});
