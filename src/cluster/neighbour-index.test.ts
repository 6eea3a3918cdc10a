import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NeighbourIndex } from './neighbour-index.js';
import type { TermVector } from './term-vector.js';

/** A unit vector over the given terms, heaviest first, weights in the given proportions. */
function vector(terms: Record<string, number>): TermVector {
  const entries = Object.entries(terms).sort((a, b) => b[1] - a[1]);
  const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  return { terms: entries.map(([t]) => t), weights: entries.map(([, w]) => w / norm) };
}

const strike = vector({ valmora: 3, dockworker: 2, strike: 2, port: 1 });
const strikeFollowUp = vector({ valmora: 3, strike: 2, mediator: 2, port: 1 });
const rates = vector({ bank: 3, rate: 2, inflation: 2, governor: 1 });

describe('NeighbourIndex', () => {
  it('finds the most similar recent articles first, with their event and story', () => {
    const index = new NeighbourIndex({ capacity: 100, queryTerms: 10, maxPosting: 50, k: 5 });
    index.add(strike, { eventId: 1, storyId: 1, time: 0 });
    index.add(rates, { eventId: 2, storyId: 2, time: 0 });
    index.add(strikeFollowUp, { eventId: 3, storyId: 1, time: 0 });
    const found = index.neighbours(strike);
    assert.deepEqual(found.map((n) => n.eventId), [1, 3]);
    assert.ok(Math.abs(found[0]!.similarity - 1) < 1e-9, 'an identical vector has similarity 1');
    assert.ok(found[1]!.similarity > 0.4 && found[1]!.similarity < 1);
    assert.deepEqual(index.neighbours(vector({ harvest: 1, wheat: 1 })), []);
  });

  it('forgets articles older than its capacity and keeps only the k best', () => {
    const index = new NeighbourIndex({ capacity: 4, queryTerms: 10, maxPosting: 50, k: 2 });
    index.add(rates, { eventId: 9, storyId: 9, time: 0 });
    for (let i = 0; i < 4; i++) index.add(strike, { eventId: i, storyId: 1, time: 0 });
    assert.deepEqual(index.neighbours(rates), [], 'the rates article left the ring');
    const found = index.neighbours(strike);
    assert.equal(found.length, 2);
    // Ties keep the earlier-found (latest) articles.
    assert.deepEqual(found.map((n) => n.eventId), [3, 2]);
  });

  it('moves the articles of events to another story, saying what they weighed, past the ring wrapping round', () => {
    const index = new NeighbourIndex({ capacity: 3, queryTerms: 10, maxPosting: 50, k: 5 });
    index.add(rates, { eventId: 7, storyId: 2, time: 0 });
    index.add(strike, { eventId: 1, storyId: 1, time: Date.UTC(2025, 4, 7) });
    index.add(rates, { eventId: 2, storyId: 2, time: 0 });
    index.add(strikeFollowUp, { eventId: 1, storyId: 1, time: Date.UTC(2025, 4, 9) });
    const part = index.moveEvents(new Set([1, 7]), 5);
    assert.deepEqual([part.articles, [...part.perEvent]], [2, [[1, 2]]], 'the first rates article left the ring');
    assert.deepEqual([part.first, part.last], [Date.UTC(2025, 4, 7), Date.UTC(2025, 4, 9)]);
    assert.ok(Math.abs(part.weights.get('valmora')! - (strike.weights[0]! + strikeFollowUp.weights[0]!)) < 1e-9);
    assert.equal(part.weights.has('bank'), false);
    assert.deepEqual(index.neighbours(strike).map((n) => [n.eventId, n.storyId]), [[1, 5], [1, 5]]);
    assert.deepEqual(index.neighbours(rates).map((n) => n.storyId), [2]);
  });
});
