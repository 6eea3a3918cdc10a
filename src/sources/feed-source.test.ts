import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readJsonFeed, readXmlFeed } from './feed-source.js';
import { readOpml } from './opml-source.js';

const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

test('RSS 2.0: one document per item, with guid, link, date, author and the full content', () => {
  const documents = readXmlFeed('feed.rss', fixture('feed.rss'));
  assert.equal(documents.length, 2);
  const [first, second] = documents;
  assert.equal(first?.format, 'html');
  assert.match(first?.content ?? '', /Cranes moved again/);
  assert.deepEqual(first?.hints, {
    externalId: 'ht-2026-0415-01',
    url: 'https://harbourtimes.example/news/dockers-back',
    title: 'Dockers back at work after nine-day strike',
    source: 'Harbour Times',
    author: 'Jonas Berg',
    published: '2026-04-15T08:30:00.000Z',
    language: 'en',
  });
  assert.equal(second?.format, 'text', 'a plain description is text');
  assert.match(second?.content ?? '', /operator said & apologised/);
});

test('Atom: entries with their alternate link, author and language', () => {
  const [entry] = readXmlFeed('feed.atom', fixture('feed.atom'));
  assert.equal(entry?.hints.url, 'https://nordwire.example/bank-holds-rates');
  assert.equal(entry?.hints.author, 'Elin Sand');
  assert.equal(entry?.hints.source, 'Nordwire');
  assert.equal(entry?.hints.language, 'en');
  assert.equal(entry?.hints.published, '2026-04-16T09:15:00.000Z');
  assert.match(entry?.content ?? '', /<p>The central bank kept its main rate/);
});

test('JSON Feed: content_text as text, content_html as html', () => {
  const documents = readJsonFeed('feed.json', JSON.parse(fixture('feed.json')) as Record<string, unknown>);
  assert.equal(documents.length, 2);
  assert.equal(documents[0]?.format, 'text');
  assert.equal(documents[0]?.hints.author, 'Priya Raman');
  assert.equal(documents[1]?.format, 'html');
  assert.equal(documents[1]?.hints.published, null);
});

test('a feed titled by section as well as outlet files its items under the outlet', () => {
  const rss = fixture('feed.rss').replace(/<title>Harbour Times<\/title>/, '<title>Harbour Times - Port and shipping</title>');
  assert.ok(rss.includes('Port and shipping'));
  assert.equal(readXmlFeed('feed.rss', rss)[0]?.hints.source, 'Harbour Times');
  // No link of the feed's own: the first entry's address names the site.
  const atom = fixture('feed.atom').replace('<title>Nordwire</title>', '<title>Markets | Nordwire</title>');
  assert.equal(readXmlFeed('feed.atom', atom)[0]?.hints.source, 'Nordwire');
  const json = JSON.parse(fixture('feed.json')) as Record<string, unknown>;
  const titled = { ...json, title: 'Politics: Coastline Daily', home_page_url: 'https://www.coastlinedaily.example/' };
  assert.equal(readJsonFeed('feed.json', titled)[0]?.hints.source, 'Coastline Daily');
});

test("an aggregator's feed (a news search, a planet) files each item under the outlet it names, not under the aggregator", () => {
  const search = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>"veldhaven port" - News search</title><link>https://search.example/news?q=veldhaven+port</link>
    <item><title>Council backs port expansion despite protests - The Harbour Times</title><link>https://search.example/r/1</link><pubDate>Thu, 10 Apr 2025 17:40:00 GMT</pubDate>
      <description>&lt;a href="https://search.example/r/1"&gt;Council backs port expansion despite protests&lt;/a&gt;</description><source url="https://www.harbourtimes.example">The Harbour Times</source></item>
    <item><title>Seal colonies at risk from dredging - a biologist's view</title><link>https://search.example/r/2</link><description>Biologists warn the dredging would reach the sandbanks.</description><source url="https://nordwire.example/">Nordwire</source></item>
    <item><title>Harbour dues to rise</title><link>https://search.example/r/3</link><description>The port will raise its dues by 4 per cent in June.</description></item>
  </channel></rss>`;
  const items = readXmlFeed('search.rss', search);
  assert.deepEqual(items.map((d) => d.hints.source), ['The Harbour Times', 'Nordwire', 'News search']);
  // The outlet the aggregator appends to the headline is the source, not part of the headline.
  assert.deepEqual(items.map((d) => d.hints.title), ['Council backs port expansion despite protests', "Seal colonies at risk from dredging - a biologist's view", 'Harbour dues to rise']);

  const planet = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Harbour</title><link href="https://planet.example/"/>
    <entry><title>Why the berths need deeper water</title><link href="https://lotte.example/berths"/><id>tag:lotte.example,2025:1</id><updated>2025-04-09T10:00:00Z</updated>
      <content type="html">&lt;p&gt;The new container ships draw seventeen metres when fully laden.&lt;/p&gt;</content>
      <source><id>https://lotte.example/</id><title>Lotte on Ports</title><link rel="alternate" href="https://lotte.example/"/></source></entry>
  </feed>`;
  assert.equal(readXmlFeed('planet.atom', planet)[0]?.hints.source, 'Lotte on Ports');
});

test("Atom's inline XHTML content is the item's markup, in order; titles lose their markup and escapes", () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title><link href="https://notes.example/"/>
    <entry><title type="html">Why the berths need &lt;em&gt;deeper&lt;/em&gt; water &amp;amp; wider quays</title><link href="https://notes.example/berths"/><id>tag:notes.example,2025:1</id><updated>2025-04-09T10:00:00Z</updated>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ships draw seventeen metres, said <strong>Anneke Drost</strong>, its chief executive, on Monday.</p><p>Dredging starts in &amp; after May.</p></div></content></entry>
  </feed>`;
  const [entry] = readXmlFeed('notes.atom', atom);
  assert.equal(entry?.hints.title, 'Why the berths need deeper water & wider quays');
  assert.equal(entry?.format, 'html');
  assert.match(entry?.content ?? '', /<p>The ships draw seventeen metres, said <strong>Anneke Drost<\/strong>, its chief executive/);
  const rss = `<rss version="2.0"><channel><title>Harbour Ledger</title><item><title>Port&amp;#8217;s &lt;b&gt;new&lt;/b&gt; berths</title><description>The port will build two berths.</description></item></channel></rss>`;
  assert.equal(readXmlFeed('ledger.rss', rss)[0]?.hints.title, 'Port’s new berths');
});

test("an RSS item without a link is at its permalink guid; <author> gives the name beside the e-mail address", () => {
  const item = (guid: string, author: string) => `<item><title>Harbour dues to rise</title>${guid}<author>${author}</author><description>The port will raise its dues by 4 per cent.</description></item>`;
  const rss = `<rss version="2.0"><channel><title>Harbour Ledger</title>${[
    item('<guid>https://ledger.example/2025/04/dues</guid>', 'desk@ledger.example (Marta Oyelaran)'),
    item('<guid isPermaLink="false">https://ledger.example/?p=812</guid>', 'noreply@blogger.example (Unknown)'),
    item('<guid>ledger-812</guid>', 'Tomas Reinholt'),
  ].join('')}</channel></rss>`;
  const items = readXmlFeed('ledger.rss', rss);
  assert.deepEqual(items.map((d) => d.hints.url), ['https://ledger.example/2025/04/dues', null, null]);
  assert.deepEqual(items.map((d) => d.hints.author), ['Marta Oyelaran', null, 'Tomas Reinholt']);
});

test('OPML: every feed, nested folders included', () => {
  assert.deepEqual(readOpml(fixture('subscriptions.opml')), [
    { title: 'Harbour Times', feedUrl: 'https://harbourtimes.example/feed.xml', siteUrl: 'https://harbourtimes.example/' },
    { title: 'Nordwire', feedUrl: 'https://nordwire.example/atom.xml', siteUrl: null },
  ]);
});

test('an XML entity-expansion feed is refused quickly, without expanding it', () => {
  const started = performance.now();
  assert.throws(() => readXmlFeed('bomb.xml', fixture('entity-bomb.xml')), /declares its own entities/);
  assert.ok(performance.now() - started < 1000);
});

test('malformed XML and a non-feed root give a clear reason', () => {
  assert.throws(() => readXmlFeed('x.xml', '<rss><channel><item><title>unclosed</channel>'), /malformed XML|not an RSS/);
  assert.throws(() => readXmlFeed('x.xml', '<html><body>hello</body></html>'), /not an RSS or Atom feed/);
});
