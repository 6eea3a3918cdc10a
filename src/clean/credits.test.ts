import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditOfLine, findCredits } from './credits.js';

test('credit lines and datelines name the agencies once each', () => {
  const text = 'PARIS (AFP) — Ministers met on Monday.\nMore text follows here.\nWith AFP and Reuters\nAFP\nAFP';
  assert.deepEqual(findCredits(text), ['AFP', 'Reuters']);
});

test('only whole credit lines count, not agencies named inside a sentence', () => {
  assert.deepEqual(creditOfLine('With AFP'), ['AFP']);
  assert.deepEqual(creditOfLine('Additional reporting by Reuters'), ['Reuters']);
  assert.equal(creditOfLine('Reuters reported that talks had stalled.'), null);
  assert.deepEqual(findCredits('The AFP news agency said talks had stalled.'), []);
});
