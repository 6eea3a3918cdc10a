import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bagOfWordsScore, scrapinghubScore, shingleCounts } from './metrics.js';

test('shingle matching counts 4-grams with multiplicity and normalises per page', () => {
  const counts = shingleCounts('a b c d e', 'a b c d x');
  // truth: abcd, bcde; prediction: abcd, bcdx -> tp 1, fp 1, fn 1, normalised by 3.
  assert.deepEqual(counts, { tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  assert.deepEqual(shingleCounts('Same text here ok', 'Same text here ok'), { tp: 1, fp: 0, fn: 0 });
  // Case is kept: a different case is a different token.
  assert.equal(shingleCounts('Alpha beta gamma delta', 'alpha beta gamma delta').tp, 0);
});

test('scores average precision and recall over pages, then take F1', () => {
  const score = scrapinghubScore([{ tp: 1, fp: 0, fn: 0 }, { tp: 0.5, fp: 0.5, fn: 0 }]);
  assert.equal(score.precision, 0.75);
  assert.equal(score.recall, 1);
  assert.ok(Math.abs(score.f1 - 2 * 0.75 / 1.75) < 1e-12);
});

test('bag of words is lower-cased multiset overlap', () => {
  const s = bagOfWordsScore('The cat and the hat', 'the THE cat dog');
  assert.equal(s.precision, 3 / 4);
  assert.equal(s.recall, 3 / 5);
});
