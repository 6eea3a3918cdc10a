import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createPipeline } from './create-pipeline.js';
import { fetchSubscriptions, type FeedOutcome } from './fetch-subscriptions.js';
import { findFeed } from '../sources/fetch-feeds.js';
import { PAGES, rss, startSite, summaryOf, type Site } from './testdata/news-site.js';

/** A fresh site and an empty store for one test, both closed after it. */
async function withSite(run: (site: Site, store: Store) => Promise<void>): Promise<void> {
  const site = await startSite();
  const store = openSqliteStore(':memory:');
  try {
    await run(site, store);
  } finally {
    await store.close();
    await site.close();
  }
}

async function fetchInto(store: Store, at: string, options: { all?: boolean } = {}): Promise<{ outcomes: FeedOutcome[]; summary: Awaited<ReturnType<typeof fetchSubscriptions>> }> {
  const outcomes: FeedOutcome[] = [];
  const now = () => new Date(at);
  const summary = await fetchSubscriptions(createPipeline(store, { now }), store, { now, all: options.all, timeoutMs: 5_000 }, { onFeed: (o) => outcomes.push(o) });
  return { outcomes, summary };
}

test('a site subscribed by its home page is fetched with its articles read from their pages, not the summaries', () =>
  withSite(async (site, store) => {
    const found = await findFeed(`${site.url}/`);
    assert.equal(found.kind, 'feed');
    if (found.kind !== 'feed') return;
    assert.equal(found.subscription.feedUrl, `${site.url}/feeds/europe.xml`, 'the feed the home page announces');
    assert.equal(found.subscription.siteUrl, `${site.url}/`);
    assert.equal(found.subscription.title, 'Northgate Post', 'the outlet, not the section');
    await store.addSubscriptions([found.subscription]);

    const { summary } = await fetchInto(store, '2026-04-30T08:00:00Z');
    assert.deepEqual([summary.feeds, summary.changed, summary.ingest.new], [1, 1, 2]);
    const articles = [];
    for await (const article of store.articles()) articles.push(article);
    const strike = articles.find((a) => a.url === `${site.url}/europe/brennmouth-port-strike`);
    assert.ok(strike, 'stored under the item link');
    assert.match(strike.text, /Marek Olsen/, 'the page has what the summary does not');
    assert.ok(strike.text.length > summaryOf(PAGES['/europe/brennmouth-port-strike']!).length * 3);
    assert.doesNotMatch(strike.text, /Subscribe|Copy link|Advertisement/, 'the page furniture is not kept');
    assert.equal(strike.published?.slice(0, 10), '2026-04-27');
    const strikeId = articles.find((a) => a === strike)!.id;
    const analysis = (await store.getArticle(strikeId))!.analysis;
    assert.ok(analysis.quotes.some((q) => q.speaker === 'Marek Olsen'), 'the page is analysed: who said what');

    const [feed] = await store.feeds();
    assert.equal(feed!.etag, '"v2"');
    assert.deepEqual([feed!.lastItems, feed!.lastNew, feed!.failures], [2, 2, 0]);
    assert.equal(feed!.nextFetchAt, '2026-04-30T08:30:00.000Z', 'due again after the interval');
  }));

test('a feed is not fetched before it is due, answers 304 when unchanged, and only new items have their pages fetched', () =>
  withSite(async (site, store) => {
    await store.addSubscriptions([{ feedUrl: `${site.url}/feeds/europe.xml`, title: null, siteUrl: null }]);
    await fetchInto(store, '2026-04-30T08:00:00Z');
    site.requests.length = 0;

    const early = await fetchInto(store, '2026-04-30T08:10:00Z');
    assert.equal(early.summary.feeds, 0, 'not due yet');
    assert.deepEqual(site.requests, []);

    const unchanged = await fetchInto(store, '2026-04-30T08:31:00Z');
    assert.deepEqual([unchanged.summary.unchanged, unchanged.summary.ingest.read], [1, 0]);
    assert.equal(site.validators.at(-1), '"v2"', 'asked with the last ETag');
    assert.deepEqual(site.requests, ['/feeds/europe.xml'], 'no article page fetched again');

    site.items.unshift('/europe/korvel-evacuation');
    site.requests.length = 0;
    const grown = await fetchInto(store, '2026-04-30T09:05:00Z');
    assert.deepEqual(site.requests, ['/feeds/europe.xml', '/europe/korvel-evacuation'], 'only the new item has its page fetched');
    assert.deepEqual([grown.summary.ingest.new, grown.outcomes[0]!.state.lastNew, grown.outcomes[0]!.state.lastItems], [1, 1, 3]);
    assert.equal((await store.counts()).articles, 3);
  }));

test('a failing feed waits twice as long after each failure, and the other feeds are fetched', () =>
  withSite(async (site, store) => {
    site.routes['/feeds/broken.xml'] = (_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
    };
    site.routes['/feeds/not-a-feed'] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    };
    await store.addSubscriptions([
      { feedUrl: `${site.url}/feeds/broken.xml`, title: 'Broken', siteUrl: null },
      { feedUrl: `${site.url}/feeds/europe.xml`, title: 'Europe', siteUrl: null },
      { feedUrl: `${site.url}/feeds/not-a-feed`, title: 'Not a feed', siteUrl: null },
    ]);
    const first = await fetchInto(store, '2026-04-30T08:00:00Z');
    assert.deepEqual([first.summary.changed, first.summary.failed, first.summary.ingest.new], [1, 2, 2]);
    const broken = first.outcomes.find((o) => o.feed.title === 'Broken')!;
    assert.match(broken.fetched.answer.kind === 'failed' ? broken.fetched.answer.message : '', /HTTP 503/);
    assert.deepEqual([broken.state.failures, broken.state.nextFetchAt], [1, '2026-04-30T08:30:00.000Z']);
    const notFeed = first.outcomes.find((o) => o.feed.title === 'Not a feed')!;
    assert.match(notFeed.state.lastError ?? '', /not a feed/);

    const second = await fetchInto(store, '2026-04-30T08:31:00Z');
    const again = second.outcomes.find((o) => o.feed.title === 'Broken')!;
    assert.deepEqual([again.state.failures, again.state.nextFetchAt], [2, '2026-04-30T09:31:00.000Z'], 'an hour after the second failure');
    // It comes back: the count starts again.
    site.routes['/feeds/broken.xml'] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(['/europe/korvel-evacuation']));
    };
    const third = await fetchInto(store, '2026-04-30T09:32:00Z');
    const healed = third.outcomes.find((o) => o.feed.title === 'Broken')!;
    assert.deepEqual([healed.state.failures, healed.state.lastError, healed.own.new], [0, null, 1]);
  }));

test('a feed moved permanently is subscribed at its new address; an article page that fails leaves the summary stored', () =>
  withSite(async (site, store) => {
    site.routes['/rss'] = (_req, res) => {
      res.writeHead(301, { location: '/feeds/europe.xml' });
      res.end();
    };
    site.items.push('/europe/gone');
    await store.addSubscriptions([{ feedUrl: `${site.url}/rss`, title: 'Europe', siteUrl: null }]);
    const { outcomes, summary } = await fetchInto(store, '2026-04-30T08:00:00Z');
    assert.equal(outcomes[0]!.fetched.movedTo, `${site.url}/feeds/europe.xml`);
    assert.deepEqual((await store.subscriptions()).map((s) => s.feedUrl), [`${site.url}/feeds/europe.xml`]);
    assert.deepEqual(outcomes[0]!.own, { ...outcomes[0]!.own, failed: 0 });
    assert.equal(summary.ingest.new, 3, 'the two pages that answered, and the summary of the one that did not');
    assert.ok(outcomes[0]!.fetched.warnings.some((w) => w.includes('/europe/gone') && /HTTP 404/.test(w)));
  }));

test('a feed on the web cannot send Storyline to a local address for an article page', async () => {
  const store = openSqliteStore(':memory:');
  const asked: string[] = [];
  const feed = `<rss version="2.0"><channel><title>Elsewhere</title><item><title>Local</title><link>http://127.0.0.1:9/admin</link><description>Short.</description></item></channel></rss>`;
  try {
    await store.addSubscriptions([{ feedUrl: 'https://feeds.example/news.xml', title: 'Elsewhere', siteUrl: null }]);
    const outcomes: FeedOutcome[] = [];
    await fetchSubscriptions(createPipeline(store), store, {
      get: async (url) => {
        asked.push(url);
        return { kind: 'ok', url, movedTo: null, contentType: 'application/rss+xml', bytes: Buffer.from(feed), etag: null, lastModified: null, maxAgeSeconds: null };
      },
    }, { onFeed: (o) => outcomes.push(o) });
    assert.deepEqual(asked, ['https://feeds.example/news.xml']);
    assert.match(outcomes[0]!.fetched.warnings.join('\n'), /local address/);
  } finally {
    await store.close();
  }
});

test('a fetch whose articles are not committed leaves its feed unmarked, so the next fetch brings them', () =>
  withSite(async (site, store) => {
    await store.addSubscriptions([{ feedUrl: `${site.url}/feeds/europe.xml`, title: 'Europe', siteUrl: null }]);
    // The disk fills as the batch holding the feed's items and its new state commits.
    const failing: Store = Object.create(store) as Store;
    failing.commitBatch = async () => {
      await store.rollbackBatch();
      throw new Error('database or disk is full');
    };
    await assert.rejects(fetchInto(failing, '2026-04-30T08:00:00Z'), /disk is full/);
    const [unmarked] = await store.feeds();
    assert.deepEqual([unmarked!.fetchedAt, unmarked!.etag, (await store.counts()).articles], [null, null, 0]);

    const { summary } = await fetchInto(store, '2026-04-30T08:01:00Z');
    assert.deepEqual([summary.changed, summary.ingest.new], [1, 2]);
    assert.equal((await store.feeds())[0]!.etag, '"v2"');
  }));
