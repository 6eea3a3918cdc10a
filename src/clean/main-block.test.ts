import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestBlock, keepMainBlock } from './main-block.js';
import type { BlockLine } from './main-block.js';

test('the main block bridges a small gap but not a long one', () => {
  // Two paragraphs around a cheap gap, then a long gap and a lone island.
  const scores = [-5, 300, -40, 250, -120, -120, -120, -120, 200, -5];
  assert.deepEqual(bestBlock(scores), { start: 1, end: 3, score: 510 });
});

test('no block when nothing scores above zero', () => {
  assert.equal(bestBlock([-1, -2, 0]), null);
  assert.equal(bestBlock([]), null);
});

test('a block can be searched within a range', () => {
  const scores = [500, -600, 100, -10, 50];
  assert.deepEqual(bestBlock(scores, 2), { start: 2, end: 4, score: 140 });
  assert.deepEqual(bestBlock(scores, 0, 1), { start: 0, end: 0, score: 500 });
});

const line = (kind: BlockLine['kind'], chars: number, extra: Partial<BlockLine> = {}): BlockLine => ({
  text: 'x'.repeat(chars), kind, keep: kind === 'prose', chars, words: Math.ceil(chars / 6), byline: false, timeOnly: false, dated: false, comment: false, ...extra,
});

test('keepMainBlock drops far islands, attaches a paragraph across a lone label and cuts the byline above', () => {
  const lines = [
    line('prose', 300), // a teaser island in the header
    ...Array.from({ length: 8 }, () => line('short', 10)),
    line('list', 30, { dated: true }), // "By Jane Roe | March 3, 2025 at 6:10 PM"
    line('prose', 400),
    line('prose', 350),
    line('furniture', 13, { words: 1 }), // "Advertisement"
    line('prose', 60),
    ...Array.from({ length: 8 }, () => line('list', 20)),
    line('prose', 200), // the footer's "about us"
  ];
  keepMainBlock(lines);
  assert.deepEqual(lines.flatMap((l, i) => (l.keep ? [i] : [])), [10, 11, 13]);
});
