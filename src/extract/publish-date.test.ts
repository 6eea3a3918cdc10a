import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenNode } from './flatten-html.js';
import { parseDocument } from './html-document.js';
import { readPageMetadata } from './page-metadata.js';
import type { PageMetadata } from './page-metadata.js';
import { kindOfLabel } from './publish-date.js';

/** Metadata of a handwritten page, read the way extraction reads it (with the flattened text). */
function read(html: string, url: string | null = null): PageMetadata {
  const document = parseDocument(html);
  return readPageMetadata(document, url, document.body ? flattenNode(document.body) : '');
}

const page = (head: string, body: string, lang = 'en'): string =>
  `<!DOCTYPE html><html lang="${lang}"><head><title>Test page</title>${head}</head><body>${body}</body></html>`;

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const PARAGRAPHS = `<p>The river authority opened the new flood gates on a grey morning, watched by a small crowd of residents who had waited years for the work to finish.</p>
<p>Engineers said the gates would be tested again before the winter storms, and that the old embankment would be kept as a second line of defence.</p>`;

const article = (byline: string, extra = ''): string => `<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Flood gates open on the lower river</h1>${byline}${PARAGRAPHS}</article>${extra}</main>
<footer><p>© 2019–2025 River Times</p></footer>`;

test('JSON-LD datePublished, nested in @graph, is the publish date; dateModified the modified date', () => {
  const meta = read(
    page(
      ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'River Times' }, { '@type': 'NewsArticle', headline: 'Flood gates', datePublished: '2024-11-01T18:45:00+01:00', dateModified: '2024-11-03T09:10:00+01:00' }] }),
      article('<p class="byline">By Ada Reeve</p>'),
    ),
  );
  assert.equal(meta.published, '2024-11-01T18:45:00+01:00');
  assert.equal(meta.modified, '2024-11-03T09:10:00+01:00');
});

test('JSON-LD in an array, on a BlogPosting or only on the WebPage, still dates the page', () => {
  const blog = read(page(ld([{ '@type': 'Organization', name: 'Gatekeepers' }, { '@type': 'BlogPosting', datePublished: '2023-04-02' }]), article('')));
  assert.equal(blog.published, '2023-04-02');
  const webPage = read(page(ld({ '@type': 'WebPage', name: 'Flood gates', datePublished: '2022-08-15T07:00:00-05:00' }), article('')));
  assert.equal(webPage.published, '2022-08-15T07:00:00-05:00');
});

test('meta tags date the page when there is no JSON-LD, in the usual vocabularies', () => {
  const cases: Array<[string, string]> = [
    ['<meta property="article:published_time" content="2021-05-03T11:01:35+02:00">', '2021-05-03T11:01:35+02:00'],
    ['<meta property="og:published_time" content="2021-05-03">', '2021-05-03'],
    ['<meta name="parsely-pub-date" content="2021-05-03T09:00:00Z">', '2021-05-03T09:00:00Z'],
    ['<meta name="sailthru.date" content="2021-05-03 09:00:00">', '2021-05-03T09:00:00'],
    ['<meta name="DC.date.issued" content="2021-05-03">', '2021-05-03'],
    ['<meta itemprop="datePublished" content="2021-05-03">', '2021-05-03'],
    ['<meta name="pubdate" content="20210503">', '2021-05-03'],
    // Any other tag whose name says "published date".
    ['<meta name="x-cms-published-date" content="2021-05-03T06:03:43Z">', '2021-05-03T06:03:43Z'],
  ];
  for (const [tag, expected] of cases) assert.equal(read(page(tag, article(''))).published, expected, tag);
});

test('JSON-LD that a head manager wrote into a meta tag is read too', () => {
  const json = JSON.stringify({ '@type': 'Article', datePublished: '2025-11-17T09:00:00-05:00' }).replace(/"/g, '&quot;');
  assert.equal(read(page(`<meta name="script:ld+json" content="${json}">`, article(''))).published, '2025-11-17T09:00:00-05:00');
});

test('without metadata: the byline under the headline, a <time> element, then the URL', () => {
  const timed = read(page('', article('<p class="byline">By Ada Reeve · <time datetime="2020-03-10T15:30:00+01:00">10 March 2020</time></p>')));
  assert.equal(timed.published, '2020-03-10T15:30:00+01:00');
  const line = read(page('', article('<p>Posted on March 3, 2024 by Ada Reeve</p>')));
  assert.equal(line.published, '2024-03-03');
  const fromUrl = read(page('', article('')), 'https://rivertimes.example/2019/07/14/flood-gates/');
  assert.equal(fromUrl.published, '2019-07-14');
});

test("a page that neither declares nor shows a date is dated by its scripts' app state, in ISO or in epoch seconds", () => {
  const state = (value: string): string => `<script id="__APP_STATE__">window.__STATE__ = {"article":{"slug":"flood-gates","publishedAt":${value},"tags":["river"]}};</script>`;
  assert.equal(read(page('', article('') + state('"2025-03-06T10:15:00Z"'))).published, '2025-03-06T10:15:00Z');
  assert.equal(read(page('', article('') + state('1741256100'))).published, '2025-03-06T10:15:00Z');
  // A date the page shows still comes first; JSON-LD is not read twice.
  assert.equal(read(page('', article('<p class="byline">March 4, 2025</p>') + state('"2025-03-06T10:15:00Z"'))).published, '2025-03-04');
});

test('a shown "Updated" date does not replace the declared publish date', () => {
  const meta = read(
    page(
      '<meta property="article:published_time" content="2024-10-15T18:50:03+00:00"><meta property="article:modified_time" content="2025-06-18T16:35:02+00:00">',
      article('<p class="byline">By Ada Reeve | <time class="date">Updated on June 18, 2025 at 12:35 PM</time></p>'),
    ),
  );
  assert.equal(meta.published, '2024-10-15T18:50:03+00:00');
  assert.equal(meta.modified, '2025-06-18T16:35:02+00:00');
});

test('a declared publish date that is only the last save (same as modified) gives way to the earlier byline date', () => {
  const meta = read(page(ld({ '@type': 'Article', datePublished: 'Jun 24, 2025', dateModified: 'Jun 24, 2025' }), article('<div class="post-info"><span>Ada Reeve</span> <span>August 25, 2024</span></div>')));
  assert.equal(meta.published, '2024-08-25');
  // A genuine same-day update keeps the declared date when the page shows that day.
  const sameDay = read(page(ld({ '@type': 'Article', datePublished: '2025-12-13T09:52:19Z', dateModified: '2025-12-13T09:59:33Z' }), article('<p>December 13, 2025</p>', '<aside><ul><li>Older post <span>December 6, 2025</span></li></ul></aside>')));
  assert.equal(sameDay.published, '2025-12-13T09:52:19Z');
});

test('when JSON-LD and meta tags declare different publish days, the one the byline shows wins', () => {
  const meta = read(
    page(
      `${ld({ '@type': 'Article', datePublished: '2024-08-29T10:00:00+00:00', dateModified: '2025-12-15T12:15:15-08:00' })}<meta name="date" content="November 25, 2025">`,
      article('<p class="byline">By Ada Reeve, Staff Writer · Nov 25, 2025 5:00 am PST</p>'),
    ),
  );
  assert.equal(meta.published, '2025-11-25');
  // Without a byline to settle it, JSON-LD comes first.
  assert.equal(read(page(`${ld({ '@type': 'Article', datePublished: '2024-08-29' })}<meta name="date" content="November 25, 2025">`, article(''))).published, '2024-08-29');
});

test('a UTC publish time keeps the publisher\'s own day when the page or the URL shows it', () => {
  const head = '<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">';
  const local = read(page(head, article('<p><time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time></p>')));
  assert.equal(local.published, '2025-12-18T19:05:00-08:00');
  const byUrl = read(page('<meta property="article:published_time" content="2025-12-19T02:41:41Z">', article('')), 'https://blog.example/2025/12/18/comfort-watch/');
  assert.equal(byUrl.published, '2025-12-18');
  // An offset date-time is already the publisher's day and stays as written.
  assert.equal(read(page('<meta property="article:published_time" content="2025-12-18T21:41:41-05:00">', article(''))).published, '2025-12-18T21:41:41-05:00');
});

test('numeric dates read month first on US English pages, day first elsewhere', () => {
  const byline = '<p class="dateline">03/06/2025</p>';
  assert.equal(read(page('', article(byline), 'en-US')).published, '2025-03-06');
  assert.equal(read(page('', article(byline), 'en-GB')).published, '2025-06-03');
  assert.equal(read(page('', article(byline), 'de')).published, '2025-06-03');
});

test('the page\'s own unambiguous numeric dates decide the order of the ambiguous ones', () => {
  const byline = '<p class="dateline">03/06/2025</p>';
  const dayFirstPage = `<p>Previous inspection: 25/03/2024.</p>`;
  const monthFirstPage = `<p>Previous inspection: 12/25/2024.</p>`;
  assert.equal(read(page('', article(byline, dayFirstPage), 'en')).published, '2025-06-03');
  assert.equal(read(page('', article(byline, monthFirstPage), 'en')).published, '2025-03-06');
  // Written with hyphens, the same evidence counts.
  const hyphenated = '<p class="dateline">03-06-2025</p>';
  assert.equal(read(page('', article(hyphenated, '<p>Previous inspection: 12-25-2024.</p>'), 'en')).published, '2025-03-06');
  assert.equal(read(page('', article(hyphenated, '<p>Previous inspection: 25-12-2024.</p>'), 'en-US')).published, '2025-06-03');
});

test('dates in comments and related-article lists are not the article\'s', () => {
  const comments = `<section id="comments"><ol><li class="comment"><time class="comment-time">July 14, 2015 at 3:53 pm</time><p>Great tips!</p></li></ol></section>`;
  const meta = read(page('', article('<p class="byline">By Ada Reeve</p>', comments)), null);
  assert.equal(meta.published, null);
  const related = `<aside class="related-posts"><a href="/a">Older story</a> <span class="date">Feb 19, 2026</span></aside>`;
  const dated = read(page('', `<main><article><h1>Flood gates open on the lower river</h1>${related}<p class="meta">February 6, 2026</p>${PARAGRAPHS}</article></main>`));
  assert.equal(dated.published, '2026-02-06');
});

test('without metadata, a date shown as published wins over one shown as updated', () => {
  const meta = read(page('', article('<p class="byline">Updated May 2, 2025 · Published April 1, 2025</p>')));
  assert.equal(meta.published, '2025-04-01');
  assert.equal(meta.modified, '2025-05-02');
});

test('without a declared publish date, the byline date wins even when it is the declared modified day', () => {
  // The page's only declared date is a "last modified" meta tag that equals the byline; a later
  // "Updated" line is the update, not the publication.
  const meta = read(
    page('<meta name="last-modified" content="March 14, 2023">', article('<div class="article-dateline"><span>Science</span> <span>MARCH 14, 2023</span> <span class="updated">Updated May 2, 2025</span></div>')),
  );
  assert.equal(meta.published, '2023-03-14');
  const elsewhere = read(
    page('<meta property="og:updated_time" content="2021-06-09T10:00:00-05:00">', article('<p class="meta">By Ada Reeve · June 9, 2021</p>', '<section><h2>More from the river</h2><p class="meta">June 2, 2021</p></section>')),
  );
  assert.equal(elsewhere.published, '2021-06-09');
});

test('the label before a date says whether it is the publication or an update, in several languages', () => {
  assert.equal(kindOfLabel('Last Updated: '), 'updated');
  assert.equal(kindOfLabel('Updated on '), 'updated');
  assert.equal(kindOfLabel('Published '), 'published');
  assert.equal(kindOfLabel('Published March 1 · Updated '), 'updated');
  assert.equal(kindOfLabel('Aktualisiert am '), 'updated');
  assert.equal(kindOfLabel('Publié le '), 'published');
  assert.equal(kindOfLabel('By Ada Reeve · '), 'plain');
});
