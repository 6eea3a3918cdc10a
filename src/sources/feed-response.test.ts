import assert from 'node:assert/strict';
import { test } from 'node:test';
import { announcedFeeds, mayFetchFromFeed, readFeedResponse, wantsArticlePage } from './feed-response.js';
import type { RawDocument } from '../model/index.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

test('a home page announces its feeds; the first is the site feed, addresses made absolute', () => {
  const html = `<!DOCTYPE html><html><head><title>The Harbour Times</title>
    <link rel="stylesheet" href="/site.css">
    <link rel="alternate" type="application/rss+xml" title="All stories" href="/feeds/all.rss">
    <link rel="alternate" type="application/atom+xml" title="Brennmouth" href="https://harbourtimes.example/brennmouth.atom">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="/feeds/all.rss"></head><body></body></html>`;
  assert.deepEqual(announcedFeeds(html, 'https://harbourtimes.example/news/'), [
    { url: 'https://harbourtimes.example/feeds/all.rss', title: 'All stories' },
    { url: 'https://harbourtimes.example/brennmouth.atom', title: 'Brennmouth' },
  ]);
  const read = readFeedResponse('https://harbourtimes.example/', bytes(html), 'text/html; charset=utf-8');
  assert.equal(read.kind, 'page');
});

test('a fetched feed is told by its content whatever its label, and its item links are resolved against its address', () => {
  const rss = `<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel><title>Coastline FM News</title><link>https://coastlinefm.example/</link>
    <item><title>Ferry resumes</title><link>/news/ferry-resumes</link><description>The Ostwick ferry ran again on Friday.</description></item>
    <item><title>No link</title><description>A bulletin item without a link or a guid.</description></item></channel></rss>`;
  for (const type of ['application/rss+xml', 'text/html', 'text/plain', null]) {
    const read = readFeedResponse('https://coastlinefm.example/feed', bytes(rss), type);
    assert.equal(read.kind, 'feed', String(type));
    if (read.kind !== 'feed') continue;
    assert.equal(read.documents[0]!.hints.url, 'https://coastlinefm.example/news/ferry-resumes');
    assert.match(read.documents[1]!.hints.externalId ?? '', /^https:\/\/coastlinefm\.example\/feed#[0-9a-f]{24}$/, 'known again by its words, not its position');
  }
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Coastline FM', items: [{ id: '7', url: 'ferry', content_text: 'The ferry ran again.' }] });
  const read = readFeedResponse('https://coastlinefm.example/feed.json', bytes(json), 'application/json');
  assert.equal(read.kind === 'feed' && read.documents[0]!.hints.url, 'https://coastlinefm.example/ferry');
});

test('a fetched feed is decoded with the encoding its XML declaration names when the server does not say', () => {
  // "Докеры вышли на забастовку в понедельник", in windows-1251: the bytes of one Cyrillic letter each.
  const words = [0xc4, 0xee, 0xea, 0xe5, 0xf0, 0xfb, 0x20, 0xe2, 0xfb, 0xf8, 0xeb, 0xe8, 0x20, 0xed, 0xe0, 0x20, 0xe7, 0xe0, 0xe1, 0xe0, 0xf1, 0xf2, 0xee, 0xe2, 0xea, 0xf3];
  const feed = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Vesti</title><item><link>https://vesti.example/a</link><description>'),
    Buffer.from(words),
    Buffer.from('</description></item></channel></rss>'),
  ]);
  const read = readFeedResponse('https://vesti.example/rss', feed, 'application/rss+xml');
  assert.equal(read.kind === 'feed' && read.documents[0]!.content, 'Докеры вышли на забастовку');
});

test('what is neither a feed nor a page is refused with what it is', () => {
  assert.throws(() => readFeedResponse('https://x.example/f', bytes('%PDF-1.7 ...'), 'application/pdf'), /not a feed or a web page \(application\/pdf\)/);
  assert.throws(() => readFeedResponse('https://x.example/f', bytes('{"items": []}'), 'application/json'), /not a JSON Feed/);
  assert.throws(() => readFeedResponse('https://x.example/f', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'), /not an RSS or Atom feed/);
  const bomb = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>';
  assert.throws(() => readFeedResponse('https://x.example/f', bytes(bomb), 'application/rss+xml'), /entit/i);
});

const item = (content: string, url: string | null = 'https://harbourtimes.example/a'): RawDocument => ({ path: 'feed', index: 0, format: 'html', content, hints: { url } });

test('an item is read from its page when it holds a summary, not when it holds the article', () => {
  const summary = '<p>The port of Brennmouth reopened on Monday after a ten-day strike.</p>';
  const article = `<p>${'The port of Brennmouth reopened on Monday after a ten-day strike. '.repeat(20)}</p>`;
  assert.ok(wantsArticlePage(item(summary), 'auto'));
  assert.ok(!wantsArticlePage(item(article), 'auto'));
  assert.ok(wantsArticlePage(item(article), 'always'));
  assert.ok(!wantsArticlePage(item(summary), 'never'));
  assert.ok(!wantsArticlePage(item(summary, null), 'always'), 'no link, no page');
  assert.ok(!wantsArticlePage(item(summary, 'mailto:desk@harbourtimes.example'), 'always'));
});

test('a feed on the web may not send the fetcher to this machine or its network; a local feed may', () => {
  for (const local of ['http://localhost:8080/x', 'http://127.0.0.1/x', 'http://10.1.2.3/', 'http://192.168.0.1/', 'http://172.20.0.5/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://printer.local/']) {
    assert.ok(!mayFetchFromFeed(local, 'https://feeds.example/rss'), local);
    assert.ok(mayFetchFromFeed(local, 'http://127.0.0.1:9000/rss'), local);
  }
  assert.ok(mayFetchFromFeed('https://harbourtimes.example/a', 'https://feeds.example/rss'));
  assert.ok(mayFetchFromFeed('http://172.32.0.1/', 'https://feeds.example/rss'), '172.32 is public');
});
