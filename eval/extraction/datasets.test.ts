import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idParity } from './datasets.js';

test('pages fall in the same half on every run, about half in each', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `page-${i}-${(i * 7919).toString(16)}`);
  const halves = ids.map(idParity);
  assert.deepEqual(halves, ids.map(idParity));
  const odd = halves.filter((h) => h === 1).length;
  assert.ok(odd > 160 && odd < 240, `odd ${odd} of 400`);
});
