/**
 * @module Consistency of the demo corpus with its ground truth (demo/expected.json): every
 * listed article exists where it says, copies point at originals, and every fact the lead's tests
 * will assert against is really in the article.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

interface Fact {
  text: string;
  context?: string;
}
interface ExpectedArticle {
  id: string;
  path: string;
  index: number;
  outlet: string;
  published: string;
  story: string;
  event: string;
  copyOf: string | null;
  boilerplate: string[];
  quotes: Array<Fact & { speaker: string | null; direct: boolean }>;
  figures: Array<Fact & { value: number; unit: string }>;
  dates: Array<Fact & { value: string }>;
}
interface Expected {
  outlets: string[];
  stories: Record<string, { events: Record<string, { date: string }> }>;
  articles: ExpectedArticle[];
}

const expected = JSON.parse(readFileSync(join(root, '..', 'expected.json'), 'utf8')) as Expected;

/**
 * The whole file as text, decoded the way its bytes say (gzip, the charset in its meta tag).
 * iconv-lite, because Node 20's TextDecoder('windows-1252') decodes as latin1 (0x92 -> U+0092).
 */
function readDecoded(path: string): string {
  let bytes: Buffer = readFileSync(join(root, path));
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  const head = bytes.subarray(0, 1024).toString('latin1');
  const charset = /<meta charset="([^"]+)"/i.exec(head)?.[1] ?? 'utf-8';
  return iconv.decode(bytes, charset);
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The items of a multi-document file, each as raw text, in file order. */
function items(path: string): string[] {
  const raw = readDecoded(path);
  if (path.endsWith('.jsonl')) {
    return raw.trim().split('\n').map((line) => {
      const rec = JSON.parse(line) as { text?: string; html?: string };
      return rec.text ?? rec.html ?? '';
    });
  }
  if (path.endsWith('.json')) {
    const feed = JSON.parse(raw) as { items: Array<{ content_html?: string; content_text?: string }> };
    return feed.items.map((it) => it.content_html ?? it.content_text ?? '');
  }
  const tag = path.endsWith('.atom') ? 'entry' : 'item';
  return raw.split(`<${tag}>`).slice(1).map((chunk) => chunk.split(`</${tag}>`)[0] ?? '');
}

/** Visible text of one article: tags dropped, entities decoded (twice for escaped HTML in XML). */
function articleText(a: ExpectedArticle): string {
  const multi = a.id.includes('#');
  let s = multi ? (items(a.path)[a.index] ?? '') : readDecoded(a.path);
  s = s.replace(/<!\[CDATA\[|\]\]>/g, '');
  s = decodeEntities(decodeEntities(s));
  return s.replace(/<[^>]+>/g, ' ');
}

const byId = new Map(expected.articles.map((a) => [a.id, a]));

test('the corpus is big enough: at least 44 articles from at least 9 outlets', () => {
  assert.ok(expected.articles.length >= 44, `${expected.articles.length} articles`);
  const outlets = new Set(expected.articles.map((a) => a.outlet));
  assert.ok(outlets.size >= 9, `${outlets.size} outlets`);
  assert.deepEqual([...outlets].sort(), [...expected.outlets].sort());
  assert.equal(byId.size, expected.articles.length, 'article ids are unique');
});

test('every listed file exists and every feed or dump holds exactly the listed items', () => {
  const perFile = new Map<string, number[]>();
  for (const a of expected.articles) {
    assert.ok(existsSync(join(root, a.path)), `missing ${a.path}`);
    if (a.id.includes('#')) {
      assert.equal(a.id, `${a.path}#${a.index}`);
      perFile.set(a.path, [...(perFile.get(a.path) ?? []), a.index]);
    } else {
      assert.equal(a.id, a.path);
    }
  }
  assert.ok(perFile.size >= 4, 'RSS, Atom, JSON Feed and JSONL are all represented');
  for (const [path, indexes] of perFile) {
    const n = items(path).length;
    assert.deepEqual(indexes.sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i), path);
  }
});

test('every copy points at an existing original of the same event, never at another copy', () => {
  const copies = expected.articles.filter((a) => a.copyOf !== null);
  assert.ok(copies.length >= 10, `${copies.length} copies`);
  for (const c of copies) {
    const original = byId.get(c.copyOf ?? '');
    assert.ok(original, `${c.id}: copyOf ${c.copyOf} is not in the corpus`);
    assert.ok(existsSync(join(root, original.path)));
    assert.equal(original.copyOf, null, `${c.id} copies a copy`);
    assert.equal(original.event, c.event, c.id);
    assert.ok(original.published <= c.published, `${c.id} is published before its original`);
  }
});

test('stories run over several days and every article sits in a listed event', () => {
  const multiDay = Object.values(expected.stories).filter((s) => {
    const days = new Set(Object.values(s.events).map((e) => e.date));
    return days.size >= 3;
  });
  assert.ok(multiDay.length >= 3, `${multiDay.length} stories with 3+ event days`);
  for (const a of expected.articles) {
    const event = expected.stories[a.story]?.events[a.event];
    assert.ok(event, `${a.id}: unknown ${a.story}/${a.event}`);
    assert.ok(a.published.slice(0, 10) >= event.date, `${a.id} published before its event`);
    assert.match(a.published, /^2026-0[45]-\d\dT/);
  }
});

test('every expected quote, figure, date and boilerplate line is in its article', () => {
  for (const a of expected.articles) {
    const text = articleText(a);
    for (const f of [...a.quotes, ...a.figures, ...a.dates]) {
      assert.ok(text.includes(f.context ?? f.text), `${a.id}: "${f.context ?? f.text}" not found`);
      if (f.context) assert.ok(f.context.includes(f.text));
    }
    for (const line of a.boilerplate) assert.ok(text.includes(line), `${a.id}: boilerplate "${line}" not found`);
  }
});

test('the windows-1252 page is really windows-1252, not UTF-8', () => {
  const bytes = readFileSync(join(root, 'html/marren-courier-ostwick-night.html'));
  assert.equal(bytes.indexOf(Buffer.from('Bürgermeister', 'utf8')), -1);
  assert.ok(bytes.indexOf(Buffer.from('Bürgermeister', 'latin1')) > 0);
  assert.match(readDecoded('html/marren-courier-ostwick-night.html'), /René Dufort .* café/);
});
