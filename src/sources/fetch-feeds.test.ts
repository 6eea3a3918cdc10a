import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractArticle } from '../extract/extract-article.js';
import { emptyFeedState, type Feed } from './feed-schedule.js';
import { fetchFeeds, findFeed, politeGet } from './fetch-feeds.js';
import type { HttpGetResult } from './http-get.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rss = (title: string, links: string[]) =>
  `<rss version="2.0"><channel><title>${title}</title>${links.map((l) => `<item><title>${l}</title><link>${l}</link><description>A short summary of the report.</description></item>`).join('')}</channel></rss>`;
const ok = (url: string, body: string, contentType: string): HttpGetResult => ({ kind: 'ok', url, movedTo: null, contentType, bytes: Buffer.from(body), etag: null, lastModified: null, maxAgeSeconds: null });
const feed = (feedUrl: string): Feed => ({ feedUrl, title: null, siteUrl: null, ...emptyFeedState() });

test('no more than two requests at once go to one host, whichever feed asks; other hosts are not held up', async () => {
  const active = new Map<string, number>();
  const most = new Map<string, number>();
  const get = politeGet(async (url) => {
    const host = new URL(url).host;
    active.set(host, (active.get(host) ?? 0) + 1);
    most.set(host, Math.max(most.get(host) ?? 0, active.get(host)!));
    await pause(5);
    active.set(host, active.get(host)! - 1);
    return ok(url, '', 'text/html');
  }, 2);
  await Promise.all([...Array(12).keys()].map((i) => get(`https://${i % 3 === 0 ? 'other' : 'harbourtimes'}.example/${i}`, {})));
  assert.deepEqual(Object.fromEntries(most), { 'other.example': 2, 'harbourtimes.example': 2 });
});

test('feeds fetched together are handed on in the order given, each with its article pages in place of summaries', async () => {
  const asked: string[] = [];
  const get = async (url: string): Promise<HttpGetResult> => {
    asked.push(url);
    await pause(url.includes('slow') ? 30 : 1);
    if (url.endsWith('.xml')) return ok(url, rss(url, [`${url.replace('.xml', '')}/a`, `${url.replace('.xml', '')}/b`]), 'application/rss+xml');
    return ok(url, `<html><head><title>${url}</title></head><body><article><p>${'Full article text from the page. '.repeat(40)}</p></article></body></html>`, 'text/html');
  };
  const feeds = ['https://slow.example/news.xml', 'https://fast.example/news.xml', 'https://fast.example/sport.xml'].map(feed);
  const stored = new Set(['https://fast.example/sport/a']);
  const handed: string[] = [];
  for await (const one of fetchFeeds(feeds, { get, isStored: async (d) => stored.has(d.hints.url ?? '') })) {
    handed.push(one.feed.feedUrl);
    const documents = one.items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
    assert.ok(documents.every((d) => d.format === 'html' && d.content.includes('Full article text')), 'pages, not summaries');
    if (one.feed.feedUrl.includes('sport')) assert.deepEqual([one.alreadyStored, documents.length], [1, 1]);
  }
  assert.deepEqual(handed, feeds.map((f) => f.feedUrl));
  assert.ok(!asked.includes('https://fast.example/sport/a'), 'a stored item has no page fetched');
});

test("a press office's feed item linking its release as a PDF is stored with the release's text; an unreadable PDF leaves the summary", async () => {
  const release = readFileSync(new URL('testdata-pdf/press-release.pdf', import.meta.url));
  const feedXml = `<rss version="2.0"><channel><title>Harbour Authority of Brennmouth: press releases</title><link>https://harbour.example/</link>
    <item><title>Outer basin reopens to night traffic</title><link>https://harbour.example/releases/2026-05-15.pdf</link><pubDate>Fri, 15 May 2026 10:20:00 +0200</pubDate><description>Press release (PDF)</description></item>
    <item><title>Pilot boarding times</title><link>https://harbour.example/releases/broken.pdf</link><description>Press release (PDF)</description></item>
  </channel></rss>`;
  const get = async (url: string): Promise<HttpGetResult> => {
    if (url.endsWith('.xml')) return ok(url, feedXml, 'application/rss+xml');
    if (url.endsWith('broken.pdf')) return ok(url, '%PDF-1.7 cut short', 'application/pdf');
    return { kind: 'ok', url, movedTo: null, contentType: 'application/pdf', bytes: release, etag: null, lastModified: null, maxAgeSeconds: null };
  };
  const fetched = [];
  for await (const one of fetchFeeds([feed('https://harbour.example/releases.xml')], { get, isStored: async () => false })) fetched.push(one);
  const [one] = fetched;
  const documents = one!.items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
  const read = documents.find((d) => d.hints.url?.endsWith('2026-05-15.pdf'));
  assert.equal(read?.format, 'text');
  const article = extractArticle(read!);
  assert.equal(article.title, 'Outer basin reopens to night traffic');
  assert.equal(article.published, '2026-05-15T08:20:00Z', "the feed's date");
  assert.match(article.text, /Divers from the authority and from a contractor in Kerrbridge/);
  assert.equal(documents.find((d) => d.hints.url?.endsWith('broken.pdf'))?.content, 'Press release (PDF)');
  assert.ok(one!.warnings.some((w) => /broken\.pdf: the article link gave no article \(not a readable PDF/.test(w)), one!.warnings.join('\n'));
});

test("subscribing to an aggregator's feed names the feed, not the outlet of its first item", async () => {
  const search = `<rss version="2.0"><channel><title>Port news search</title><link>https://search.example/</link>
    <item><title>Council backs port expansion - The Harbour Times</title><link>https://search.example/r/1</link><description>Council backs port expansion</description><source url="https://harbourtimes.example/">The Harbour Times</source></item>
  </channel></rss>`;
  const found = await findFeed('https://search.example/rss', async (url) => ok(url, search, 'application/rss+xml'));
  assert.equal(found.kind, 'feed');
  assert.equal(found.kind === 'feed' ? found.subscription.title : null, 'Port news search');
});
