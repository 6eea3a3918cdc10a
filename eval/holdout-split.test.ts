import assert from 'node:assert/strict';
import { test } from 'node:test';
import { halfOf } from './holdout-split.js';

test('documents fall in the same half on every run, about half in each', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `page-${i}-${(i * 7919).toString(16)}`);
  const halves = ids.map(halfOf);
  assert.deepEqual(halves, ids.map(halfOf));
  const held = halves.filter((h) => h === 'heldOut').length;
  assert.ok(held > 160 && held < 240, `held out ${held} of 400`);
});
