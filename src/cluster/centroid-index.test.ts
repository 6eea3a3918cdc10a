import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CentroidIndex } from './centroid-index.js';
import type { TermVector } from './term-vector.js';

const options = {
  centroidTerms: 80,
  indexedTerms: 20,
  queryTerms: 10,
  maxCandidates: 48,
  maxPosting: 2_000,
  windowDays: 30,
  maxOpen: 2_000,
  graceDays: 7,
  halfLifeDays: 7,
};
const DAY = 86_400_000;

function vector(weights: Record<string, number>): TermVector {
  const entries = Object.entries(weights).sort((a, b) => b[1] - a[1]);
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  return { terms: entries.map(([t]) => t), weights: entries.map(([, w]) => w / norm) };
}

describe('CentroidIndex', () => {
  it('scores two clusters by their centroids, counting a document about to join the first', () => {
    const index = new CentroidIndex(options);
    const strike = index.add(1, vector({ dockers: 2, strike: 2, pay: 1 }), { time: 0, seen: 0 });
    const ships = index.add(2, vector({ ships: 2, cargo: 2, harbour: 1 }), { time: 0, seen: 0 });
    assert.equal(index.similarity(strike, ships, { terms: [], weights: [] }, NaN), 0, 'nothing shared');
    const bridge = vector({ dockers: 1, strike: 1, ships: 1, cargo: 1 });
    const bridged = index.similarity(strike, ships, bridge, NaN);
    assert.ok(bridged > 0.3 && bridged < 1, `a bridging report brings them close (${bridged.toFixed(2)})`);
    const farApart = index.add(3, vector({ ships: 2, cargo: 2, harbour: 1 }), { time: 60 * DAY, seen: 0 });
    assert.ok(index.similarity(strike, farApart, bridge, 0) < bridged / 4, 'two months apart counts far less');
  });

  it('folds one cluster into another: summed centroid, joined span, the absorbed one closed', () => {
    const index = new CentroidIndex(options);
    index.add(1, vector({ dockers: 2, strike: 2 }), { time: 0, seen: 0 });
    index.add(2, vector({ ships: 2, cargo: 1 }), { time: 2 * DAY, seen: 5 });
    index.add(2, vector({ ships: 1, harbour: 1 }), { time: 3 * DAY, seen: 6 });
    index.absorb(2, 1);
    assert.equal(index.get(2), undefined);
    const merged = index.get(1)!;
    assert.equal(merged.articles, 3);
    assert.deepEqual([merged.first, merged.last, merged.lastSeen], [0, 3 * DAY, 6]);
    const found = index.candidates(vector({ harbour: 1, ships: 1 }), 3 * DAY);
    assert.deepEqual(found.map((c) => c.cluster.id), [1], 'its terms now find the surviving cluster');
  });
});
