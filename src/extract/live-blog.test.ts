import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { extractArticle } from './extract-article.js';
import { splitLiveBlog } from './live-blog.js';

const LIVE_BLOG = readFileSync(new URL('./testdata/live-blog.html', import.meta.url), 'utf8');
const PAGE_URL = 'https://www.northernledger.example/uk/live/2026/feb/09/storm-ilse-flooding-live-updates';
const html = (content: string, hints: RawDocument['hints'] = {}): RawDocument => ({ path: 'storm-live.html', index: 0, format: 'html', content, hints });

/** A live blog page declaring the given posts, and nothing else of note. */
const blogWith = (updates: unknown[], extra: Record<string, unknown> = {}): string =>
  `<html><head><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'LiveBlogPosting', headline: 'Ferry strike live', ...extra, liveBlogUpdate: updates })}</script></head>` +
  '<body><h1>Ferry strike live</h1><p>Posts below.</p></body></html>';

test("a live blog's page becomes its posts, oldest first, each with its own time, headline, author and address", () => {
  const posts = splitLiveBlog(html(LIVE_BLOG));
  assert.deepEqual(
    posts.map((p) => [p.hints.published, p.hints.title, p.hints.author, p.hints.url]),
    [
      ['2026-02-09T06:02:11Z', 'Welcome to our coverage', 'Maren Holt', `${PAGE_URL}#block-65c5c03d`],
      ['2026-02-09T09:31:44Z', 'Council opens three rest centres', 'Maren Holt', `${PAGE_URL}#block-65c5f8b0`],
      ['2026-02-09T13:20:05Z', null, 'Maren Holt', `${PAGE_URL}#block-65c62f1a`],
      ['2026-02-09T15:48:40Z', 'Second school closes as water reaches Quayside Road', 'Tomas Wray', `${PAGE_URL}#block-65c6481f`],
    ],
  );
  // The outlet and language are the blog's, for every post.
  assert.ok(posts.every((p) => p.hints.source === 'The Northern Ledger' && p.hints.language === 'en-GB'));
});

test("each post reads as an article of its own: only its text, dated when it was posted, titled by its first sentence when it has no headline", () => {
  const articles = splitLiveBlog(html(LIVE_BLOG)).map((post) => extractArticle(post));
  const [welcome, centres, warnings, school] = articles;
  assert.equal(centres?.published, '2026-02-09T09:31:44Z');
  assert.ok(centres?.text.startsWith('Harrowgate council has opened rest centres'));
  assert.ok(!centres?.text.includes('Quayside Road'), 'a post holds only its own text');
  assert.equal(warnings?.title, 'The Environment Agency has raised the number of severe flood warnings on the Harrow to 14, up from nine this morning.');
  // A post written as HTML keeps its paragraphs and loses its escapes.
  assert.equal(school?.text.split('\n\n').length, 2);
  assert.ok(school?.text.startsWith('St Aidan’s primary school'));
  assert.ok(school?.text.includes('“We cannot keep children safe in a building we cannot reach,” said Ruth Okafor'));
  for (const article of articles) {
    assert.equal(article.source, 'The Northern Ledger');
    for (const furniture of ['Most viewed', 'Key events', 'All rights reserved', 'Rail fares']) assert.ok(!article.text.includes(furniture), furniture);
  }
  assert.ok(welcome?.text.startsWith('Good morning. Storm Ilse brought 92mm of rain'));
});

test('a page that is no live blog, or declares no posts, or whose JSON-LD is broken, stays one document', () => {
  const article = html('<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike ends"}</script></head><body><p>Text.</p></body></html>');
  assert.deepEqual(splitLiveBlog(article), [article]);
  const noPosts = html(blogWith([]));
  assert.deepEqual(splitLiveBlog(noPosts), [noPosts]);
  const emptyPosts = html(blogWith([{ '@type': 'BlogPosting', datePublished: '2026-03-02T10:00:00Z' }]));
  assert.deepEqual(splitLiveBlog(emptyPosts), [emptyPosts]);
  const broken = html(LIVE_BLOG.replace('"liveBlogUpdate":[', '"liveBlogUpdate":[[{'));
  assert.deepEqual(splitLiveBlog(broken), [broken]);
  const text: RawDocument = { path: 'notes.txt', index: 0, format: 'text', content: 'LiveBlogPosting is a schema.org type.', hints: {} };
  assert.deepEqual(splitLiveBlog(text), [text]);
});

test('posts without an address of their own are told apart by their time, under the fetched address or, in a saved file, the file', () => {
  const updates = [
    { '@type': 'BlogPosting', datePublished: '2026-03-02T10:00:00Z', articleBody: 'Crews walked out at 10am, the union said.' },
    { '@type': 'BlogPosting', datePublished: '2026-03-02T10:00:00Z', articleBody: 'The operator cancelled the 11am sailing to Westray.' },
    { '@type': 'BlogPosting', datePublished: '2026-03-02T12:15:00Z', url: 'https://news.example/live/ferry', articleBody: 'Talks resume at 2pm.' },
  ];
  const fetched = splitLiveBlog(html(blogWith(updates), { url: 'https://news.example/live/ferry' }));
  assert.deepEqual(fetched.map((p) => p.hints.url), [
    'https://news.example/live/ferry#2026-03-02T10%3A00%3A00Z',
    'https://news.example/live/ferry#2026-03-02T10%3A00%3A00Z-1',
    'https://news.example/live/ferry#2026-03-02T12%3A15%3A00Z',
  ]);
  const saved = splitLiveBlog(html(blogWith(updates)));
  assert.deepEqual(saved.map((p) => [p.hints.url, p.hints.externalId]), [
    [null, 'storm-live.html#2026-03-02T10:00:00Z'],
    [null, 'storm-live.html#2026-03-02T10:00:00Z-1'],
    ['https://news.example/live/ferry', undefined],
  ]);
});
