import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LshIndex } from './lsh-index.js';

const keys = (...values: number[]): Uint32Array => Uint32Array.from(values);

test('documents sharing band keys are found with the number of bands they share, and the caller chooses which to keep', () => {
  const index = new LshIndex({ rows: 2, generationSize: 10, generations: 2 });
  index.add(1, keys(11, 12, 13, 14), 100);
  index.add(2, keys(11, 22, 23, 24), 300);
  index.add(3, keys(31, 32, 33, 34), 100);
  const all = index.candidates(keys(11, 12, 13, 44), () => true);
  assert.deepEqual(all, [
    { id: 1, bands: 3, size: 100 },
    { id: 2, bands: 1, size: 300 },
  ]);
  // One shared band is kept only for a document of another size (as the copy index does).
  const kept = index.candidates(keys(11, 12, 13, 44), (bands, size) => bands > 1 || size > 200);
  assert.deepEqual(kept.map((c) => c.id), [1, 2]);
  assert.deepEqual(index.candidates(keys(11, 12, 13, 44), (bands) => bands > 1).map((c) => c.id), [1]);
  assert.deepEqual(index.candidates(keys(91, 92), () => true), []);
});

test('the oldest generation is dropped whole once the index is full, and its documents are no longer found', () => {
  const index = new LshIndex({ rows: 2, generationSize: 2, generations: 2 });
  assert.deepEqual(index.add(1, keys(7, 8)), []);
  index.add(2, keys(7, 9));
  index.add(3, keys(7, 10));
  index.add(4, keys(11, 12));
  assert.deepEqual(index.add(5, keys(7, 13)), [1, 2], 'the first generation is evicted');
  assert.deepEqual(index.candidates(keys(7), () => true).map((c) => c.id), [3, 5]);
  assert.equal(index.size, 3);
});
