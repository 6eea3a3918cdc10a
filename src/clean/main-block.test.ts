import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestBlock } from './main-block.js';

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
