import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { buildStoryView } from '../views/story-view.js';
import { createApp } from './create-app.js';
import { startServer } from './start-server.js';
import { sqliteReadModel, type StoryReadModel } from './story-read-model.js';
import { addInventedStories } from './testdata/invented-story.js';
import { startSite } from '../pipeline/testdata/news-site.js';

describe('web app over invented stories', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let readModel: StoryReadModel;
  let ids: Map<string, number>;
  let app: ReturnType<typeof createApp>['app'];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'storyline-app-'));
    file = join(dir, 'store.db');
    store = openSqliteStore(file);
    ids = await addInventedStories(store);
    readModel = sqliteReadModel(file);
    app = createApp({ store, readModel }).app;
  });

  after(async () => {
    await readModel.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const json = async (path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test('every page carries a strict CSP and nosniff; no inline script or style anywhere', async () => {
    for (const path of ['/', '/stories/1', `/articles/${ids.get('Defence chiefs from 31 countries gather in Valmont')}`, '/ingest', '/?q=Valmont', '/api/stories']) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
      if (path.startsWith('/api/')) continue;
      const body = await response.text();
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc="\/static\/app\.js")[^>]*>/, `${path} has an inline script`);
      assert.doesNotMatch(body, /\sstyle=|<style/, `${path} has inline style`);
    }
  });

  test('hostile titles, outlets and text are escaped on every page and in search', async () => {
    const hostile = ids.get('<script>alert(1)</script> Harbour <b>news</b>');
    for (const path of ['/', '/stories/3', `/articles/${hostile}`, '/?q=Harbour', '/?entity=%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E']) {
      const body = await (await app.request(path)).text();
      assert.doesNotMatch(body, /<script>alert|<b>news|<img src=x|"><script/, path);
      assert.ok(body.includes('&lt;script&gt;alert(') || path.startsWith('/?entity'), `${path} shows the title as text`);
    }
    const article = await (await app.request(`/articles/${hostile}`)).text();
    assert.match(article, /Harbour <a class="hl entity organisation" href="\/\?entity=%3Cimg[^"]*"[^>]*>&lt;img src=x onerror=alert\(3\)&gt;<\/a> news &amp; &quot;quotes&quot; &lt;\/p&gt;&lt;script&gt;alert\(4\)&lt;\/script&gt;/);
  });

  test('/api/stories/:id has the shape of `storyline story --json`', async () => {
    const { status, body } = await json('/api/stories/1');
    assert.equal(status, 200);
    const detail = await store.getStory(1);
    assert.deepEqual(body, JSON.parse(JSON.stringify(buildStoryView(detail!))));
  });

  test('lists are paginated with limit, offset and nextOffset', async () => {
    const first = await json('/api/stories?limit=2');
    assert.deepEqual((first.body.items as Array<{ title: string }>).map((s) => s.title), ['Valmont summit on a reassurance force', 'Drought brings water limits to Plains county']);
    assert.equal(first.body.nextOffset, 2);
    const second = await json('/api/stories?limit=2&offset=2');
    assert.equal((second.body.items as unknown[]).length, 1);
    assert.equal(second.body.nextOffset, null);
    const filtered = await json('/api/stories?entity=Plains%20Water%20Board');
    assert.deepEqual((filtered.body.items as Array<{ id: number }>).map((s) => s.id), [2]);
    const byOutlet = await json('/api/stories?outlet=Metro%20Star');
    assert.deepEqual((byOutlet.body.items as Array<{ id: number }>).map((s) => s.id), [1]);
    const events = await json('/api/stories/1/events?limit=1&offset=1');
    assert.deepEqual((events.body.items as Array<{ title: string }>).map((e) => e.title), ['Talks end with a pledge of troops']);
    assert.equal(events.body.nextOffset, 2);
  });

  test('articles, quotes, entities and search answer from the store', async () => {
    const wire = ids.get('Defence chiefs from 31 countries gather in Valmont');
    const article = await json(`/api/articles/${wire}`);
    assert.equal(article.body.source, 'Wire Press');
    assert.deepEqual((article.body.copies as Array<{ source: string }>).map((c) => c.source), ['Harbour Times', 'Coastal Post']);
    const quotes = await json(`/api/articles/${wire}/quotes`);
    assert.deepEqual((quotes.body.items as Array<{ speaker: string }>).map((q) => q.speaker), ['Ana Lindqvist', 'Tomas Verga']);
    const storyQuotes = await json('/api/quotes?story=1&limit=1');
    const top = (storyQuotes.body.items as Array<{ speaker: string; sources: unknown[]; variants: string[] }>)[0];
    assert.equal(top?.speaker, 'Ana Lindqvist');
    assert.equal(top?.sources.length, 4);
    assert.equal(top?.variants.length, 2);
    const entities = await json('/api/entities?story=1');
    assert.equal((entities.body.items as Array<{ name: string }>)[0]?.name, 'Valmont');
    const search = await json('/api/search?q=soldiers');
    assert.deepEqual((search.body.items as Array<{ title: string }>).map((h) => h.title), ['Allies promise 4,000 soldiers after Valmont meeting']);
    assert.equal((await json('/api/search')).status, 400);
    assert.equal((await json('/api/quotes')).status, 400);
    assert.equal((await json('/api/stories/999')).status, 404);
    assert.equal((await json('/api/articles/abc')).status, 404);
    assert.equal((await json('/api/nothing-here')).status, 404);
  });

  test("a story's quotes, figures and entities download as CSV for a spreadsheet", async () => {
    const story = (await store.listStories()).find((s) => s.title.includes('Valmont'))!;
    const response = await app.request(`/stories/${story.id}/quotes.csv`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="story-${story.id}-quotes.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, so spreadsheets read UTF-8');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert.equal(lines[0], 'story_id,event_id,article_id,published,outlet,speaker,attribution,kind,quote,copy_of,article_title,url');
    const copy = lines.find((l) => l.includes('Coastal Post,Ana Lindqvist'));
    assert.match(copy ?? '', /,direct,We are ready to lead a reassurance force,\d+,Defence chiefs from 31 countries gather in Valmont,https:\/\/news\.example\/\d+$/, 'a copy names its original');
    const entities = await (await app.request(`/stories/${story.id}/entities.csv`)).text();
    assert.match(entities, /\r\nAna Lindqvist,person,[^\r]*,\d+,\d+\r\n/);
    assert.equal((await app.request(`/stories/${story.id}/secrets.csv`)).status, 404);
    assert.equal((await app.request('/stories/999/quotes.csv')).status, 404);
  });

  test('the OpenAPI document describes every API route', async () => {
    const { body } = await json('/api/openapi.json');
    assert.equal(body.openapi, '3.1.0');
    const paths = Object.keys(body.paths as object);
    for (const path of ['/api/stories', '/api/stories/{id}', '/api/stories/{id}/events', '/api/articles/{id}', '/api/articles/{id}/quotes', '/api/quotes', '/api/entities', '/api/search', '/api/ingest', '/api/ingest/{id}', '/api/feeds', '/api/feeds/fetch', '/api/following', '/api/stories/{id}/follow', '/api/stories/{id}/related', '/api/stories/{id}/merge', '/api/stories/{id}/unmerge', '/api/events/{id}/move']) {
      assert.ok(paths.includes(path), `${path} is described`);
    }
  });

  test("a headline-only article's page says its text is on the original page, not an empty column", async () => {
    const { createPipeline } = await import('../pipeline/create-pipeline.js');
    const done = await createPipeline(store, { now: () => new Date('2025-03-22T08:00:00Z') }).ingestDocument({
      path: 'search.rss',
      index: 0,
      format: 'text',
      content: '',
      hints: { title: 'Valmont harbour reopens to ferries', source: 'Coastal Post', url: 'https://coastalpost.example/valmont-harbour', published: '2025-03-21' },
    });
    assert.notEqual(done.kind, 'failed');
    const page = await (await app.request(`/articles/${'id' in done ? done.id : -1}`)).text();
    assert.match(page, /Only the headline came with this item: its text is on the <a href="https:\/\/coastalpost.example\/valmont-harbour"/);
    assert.doesNotMatch(page, /No quotes, entities, figures or dates found/);
  });

  test('pasted text is ingested through the pipeline; a cross-site form post is refused', async () => {
    const { app: ingestApp, queue } = createApp({ store, readModel });
    const response = await ingestApp.request('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'The coastal ferry resumed on Monday after repairs.', title: 'Ferry resumes', source: 'Harbour Times', published: '2025-03-21' }),
    });
    assert.equal(response.status, 202);
    const job = (await response.json()) as { id: string };
    await queue.idle();
    const status = (await (await ingestApp.request(`/api/ingest/${job.id}`)).json()) as { state: string; summary: { new: number }; articleIds: number[] };
    assert.equal(status.state, 'done');
    assert.equal(status.summary.new, 1);
    const stored = await store.getArticle(status.articleIds[0] ?? -1);
    assert.equal(stored?.article.title, 'Ferry resumes');
    assert.equal(stored?.article.source, 'Harbour Times');

    const form = new FormData();
    form.set('text', 'Forged article');
    const forged = await ingestApp.request('http://127.0.0.1/ingest', { method: 'POST', body: form, headers: { Origin: 'https://evil.example' } });
    assert.equal(forged.status, 403);
  });

  test("pasted from a news database, an export's entries are each an article of their own outlet", async () => {
    const { app: ingestApp, queue } = createApp({ store, readModel });
    const exported = readFileSync(new URL('../sources/testdata-exports/factiva-tagged-export.txt', import.meta.url), 'utf8');
    const response = await ingestApp.request('/api/ingest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: exported, title: 'One title for all' }),
    });
    const job = (await response.json()) as { id: string };
    await queue.idle();
    const status = (await (await ingestApp.request(`/api/ingest/${job.id}`)).json()) as { state: string; summary: { read: number; new: number }; articleIds: number[] };
    assert.equal(status.state, 'done');
    assert.deepEqual([status.summary.read, status.summary.new], [2, 2]);
    const titles = await Promise.all(status.articleIds.map(async (id) => (await store.getArticle(id))?.article));
    assert.deepEqual(titles.map((a) => [a?.title, a?.source]), [
      ['Norbank cuts mortgage rates after central bank move', 'Saltvik Observer'],
      ['Fjordbank holds its rates for now', 'Saltvik Observer'],
    ]);
  });

  test('an RTF download and a PDF uploaded together are read as their articles', async () => {
    const { app: ingestApp, queue } = createApp({ store, readModel });
    const before = await store.latestArticleId();
    const form = new FormData();
    const fixture = (path: string): Blob => new Blob([readFileSync(new URL(path, import.meta.url))]);
    form.append('files', fixture('../sources/testdata-exports/factiva-export.rtf'), 'Factiva-20260509.rtf');
    form.append('files', fixture('../sources/testdata-pdf/press-release.pdf'), 'quay-walls-release.pdf');
    const response = await ingestApp.request('http://127.0.0.1/api/ingest', { method: 'POST', body: form, headers: { Origin: 'http://127.0.0.1' } });
    const job = (await response.json()) as { id: string };
    await queue.idle();
    const status = (await (await ingestApp.request(`/api/ingest/${job.id}`)).json()) as { state: string; summary: { read: number; new: number }; articleIds: number[] };
    assert.equal(status.state, 'done');
    assert.deepEqual([status.summary.read, status.summary.new], [3, 3]);
    assert.deepEqual([...status.articleIds].sort((a, b) => a - b), [before + 1, before + 2, before + 3]);
    const articles = await Promise.all(status.articleIds.map(async (id) => (await store.getArticle(id))?.article));
    assert.deepEqual(articles.map((a) => a?.title).sort(), [
      'Hafen Brennmouth: Taucher prüfen die Kaimauern',
      'Outer basin reopens to night traffic after quay wall checks',
      'Quay walls to be checked before Brennmouth reopens fully',
    ]);
  });

  test('the Add articles page opened with ?address= (the bookmarklet it offers) has the address filled in, and fetches nothing until sent', async () => {
    const { app: ingestApp } = createApp({ store, readModel });
    const before = await store.latestArticleId();
    const page = await (await ingestApp.request('http://127.0.0.1:8080/ingest?address=https%3A%2F%2Fharbourtimes.example%2Fport%2F2026%2F05%2F15%2Fouter-basin')).text();
    assert.match(page, /<textarea name="addresses"[^>]*>https:\/\/harbourtimes\.example\/port\/2026\/05\/15\/outer-basin<\/textarea>/);
    assert.match(page, /class="bookmarklet" href="javascript:void\(open\(&#39;http:\/\/127\.0\.0\.1:8080\/ingest\?address=&#39;\+encodeURIComponent\(location\.href\)\)\)"/);
    assert.equal(await store.latestArticleId(), before);
  });

  test('web addresses sent to the API are fetched and stored, each under its address; one that fails is reported by its address', async () => {
    const site = await startSite();
    try {
      const { app: ingestApp, queue } = createApp({ store, readModel });
      const before = await store.latestArticleId();
      const good = `${site.url}/business/rate-cut`;
      const gone = `${site.url}/business/taken-down`;
      const response = await ingestApp.request('/api/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ addresses: [good, gone, 'not an address'] }),
      });
      const job = (await response.json()) as { id: string; inputs: string[] };
      assert.deepEqual(job.inputs, [good, gone]);
      await queue.idle();
      const status = (await (await ingestApp.request(`/api/ingest/${job.id}`)).json()) as { state: string; summary: { new: number; failed: number }; problems: Array<{ path: string; message: string }>; articleIds: number[] };
      assert.equal(status.state, 'done');
      assert.deepEqual([status.summary.new, status.summary.failed], [1, 1]);
      assert.equal(status.problems[0]?.path, gone);
      assert.match(status.problems[0]?.message ?? '', /404/);
      assert.deepEqual(status.articleIds, [before + 1], 'the job names the article it stored');
      const stored = await store.getArticle(before + 1);
      assert.equal(stored?.article.url, good);
      assert.equal(stored?.article.source, 'The Saltvik Observer');
    } finally {
      await site.close();
    }
  });

  test('uploads over the size limit are refused before they are read', async () => {
    const { app: small } = createApp({ store, readModel, maxUploadBytes: 1024 });
    const form = new FormData();
    form.set('files', new File(['x'.repeat(4096)], 'big.txt', { type: 'text/plain' }));
    const response = await small.request('http://127.0.0.1/api/ingest', { method: 'POST', body: form, headers: { Origin: 'http://127.0.0.1' } });
    assert.equal(response.status, 413);
  });
});

describe('access token', () => {
  test('with a token, requests without it are refused; ?token= sets an HttpOnly cookie that lets the browser in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-token-'));
    const store = openSqliteStore(join(dir, 'store.db'));
    try {
      const { app } = createApp({ store, token: 's3cret-token' });
      assert.equal((await app.request('/api/stories')).status, 401);
      assert.equal((await app.request('/', { headers: { Accept: 'text/html' } })).status, 401);
      assert.equal((await app.request('/api/stories', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
      assert.equal((await app.request('/api/stories', { headers: { Authorization: 'Bearer s3cret-token' } })).status, 200);
      const login = await app.request('/stories/1?token=s3cret-token');
      assert.equal(login.status, 303);
      assert.equal(login.headers.get('Location'), '/stories/1');
      const cookie = login.headers.get('Set-Cookie') ?? '';
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      const again = await app.request('/api/stories', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
      assert.equal(again.status, 200);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('off loopback the server makes up a token when none is given; on loopback none is needed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storyline-token-'));
    const store = openSqliteStore(join(dir, 'store.db'));
    const open = await startServer({ store, port: 0 });
    const exposed = await startServer({ store, port: 0, host: '0.0.0.0' });
    try {
      assert.equal(open.token, null);
      assert.match(open.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${open.url}/api/stories`)).status, 200);
      assert.ok(exposed.token && exposed.token.length >= 24);
      const port = new URL(exposed.url).port;
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/stories`)).status, 401);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/stories`, { headers: { Authorization: `Bearer ${exposed.token}` } })).status, 200);
    } finally {
      await open.close();
      await exposed.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
