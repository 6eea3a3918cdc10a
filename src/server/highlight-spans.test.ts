import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nestSpans, paragraphsOf, renderSpans, type Span } from './highlight-spans.js';

const escape = (plain: string): string => plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const wrap = (span: Span, inner: string): string => `<${span.kind}>${inner}</${span.kind}>`;
const render = (text: string, spans: Span[]): string => renderSpans(text, nestSpans(spans), { escape, wrap });

test('an entity inside a quote nests inside it', () => {
  const text = 'She said "Paris will host 31 countries" today.';
  const quote = { start: 10, end: 38, kind: 'q', rank: 0 };
  const entity = { start: 10, end: 15, kind: 'e', rank: 1 };
  const figure = { start: 26, end: 38, kind: 'f', rank: 2 };
  assert.equal(render(text, [figure, entity, quote]), 'She said "<q><e>Paris</e> will host <f>31 countries</f></q>" today.');
});

test('a span crossing the end of another is split so the HTML stays well formed', () => {
  const text = 'abcdefghij';
  const html = render(text, [
    { start: 0, end: 5, kind: 'q', rank: 0 },
    { start: 3, end: 8, kind: 'e', rank: 1 },
  ]);
  assert.equal(html, '<q>abc<e>de</e></q><e>fgh</e>ij');
});

test('text is escaped around and inside spans; empty and reversed spans are ignored', () => {
  const text = '<script>alert(1)</script> & more';
  const html = render(text, [
    { start: 8, end: 16, kind: 'e', rank: 1 },
    { start: 5, end: 5, kind: 'f', rank: 1 },
    { start: 9, end: 2, kind: 'f', rank: 1 },
  ]);
  assert.equal(html, '&lt;script&gt;<e>alert(1)</e>&lt;/script&gt; &amp; more');
});

test('paragraphs keep their offsets in the article text', () => {
  const text = 'First one.\n\nSecond one.\n \nThird.';
  const paragraphs = paragraphsOf(text);
  assert.deepEqual(paragraphs.map((p) => p.text), ['First one.', 'Second one.', 'Third.']);
  for (const p of paragraphs) assert.equal(text.slice(p.start, p.start + p.text.length), p.text);
});
