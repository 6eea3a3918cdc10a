import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shuffle } from './run-clustering-eval.js';

describe('shuffle (the eval\'s other arrival orders)', () => {
  const items = Array.from({ length: 200 }, (_, i) => i);

  it('reorders every item once, the same way for the same seed', () => {
    const a = shuffle(items, 7);
    assert.deepEqual([...a].sort((x, y) => x - y), items);
    assert.deepEqual(shuffle(items, 7), a);
    assert.notDeepEqual(a, items);
    assert.notDeepEqual(shuffle(items, 8), a);
  });

  it('scatters neighbours: items next to each other in the file end up far apart', () => {
    const a = shuffle(items, 3);
    const at = new Map(a.map((v, i) => [v, i]));
    const gaps = items.slice(1).map((v) => Math.abs(at.get(v)! - at.get(v - 1)!));
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    assert.ok(mean > 40, `mean distance ${mean}`);
  });
});
