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

test('any agency is a credit after "With", or by its initials in a dateline; prose is not', async () => {
  const { findCredits: find } = await import('./credits.js');
  assert.deepEqual(find('The fund was approved on Monday.\nWith CPA'), ['CPA']);
  assert.deepEqual(find('(With Nordwire)'), ['Nordwire']);
  assert.deepEqual(find('OSTWICK, April 13 (CPA) - About 3,000 residents were evacuated.'), ['CPA']);
  assert.deepEqual(find('With the river rising, the town council met again on Tuesday evening.'), []);
  assert.deepEqual(find('with love'), []);
});
