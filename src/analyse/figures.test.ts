import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFigures } from './figures.js';

/** Each figure of a sentence as [text, value, unit, precision, low, high]. */
const read = (sentence: string) => findFigures(sentence, []).map((f) => [f.text, f.value, f.unit, f.precision, f.low, f.high]);

test('a figure keeps the word that qualifies it and the range that word allows', () => {
  assert.deepEqual(read('The ministers of some 40,000 members met.'), [['some 40,000 members', 40000, 'members', 'approximate', 34000, 46000]]);
  assert.deepEqual(read('Nearly 40% of voters stayed home.'), [['Nearly 40%', 40, 'percent', 'approximate', 34, 40]]);
  assert.deepEqual(read('Insurers had more than 2,400 claims.'), [['more than 2,400 claims', 2400, 'claims', 'at-least', 2400, null]]);
  assert.deepEqual(read('The drones fly up to 110 km.'), [['up to 110 km', 110, 'km', 'at-most', 0, 110]]);
  assert.deepEqual(read('The fund holds about €2 billion.'), [['about €2 billion', 2e9, 'EUR', 'approximate', 1.7e9, 2.3e9]]);
  assert.deepEqual(read('Police arrested 31 people.'), [['31 people', 31, 'people', 'exact', 31, 31]]);
});

test('vague counts are ranges, not invented numbers', () => {
  assert.deepEqual(read('Several thousand troops could deploy.'), [['Several thousand troops', 3000, 'troops', 'vague', 3000, 9000]]);
  assert.deepEqual(read('Dozens of homes flooded.'), [['Dozens of homes', 24, 'homes', 'vague', 24, 99]]);
  assert.deepEqual(read('A few hundred protesters marched.'), [['A few hundred protesters', 300, 'protesters', 'vague', 200, 500]]);
  assert.deepEqual(read('Tens of thousands of people fled.'), [['Tens of thousands of people', 20000, 'people', 'vague', 10000, 99999]]);
  assert.deepEqual(read('Hundreds of thousands of people fled.'), [['Hundreds of thousands of people', 200000, 'people', 'vague', 100000, 999999]]);
  assert.deepEqual(read('More than a dozen ministers resigned.'), [['More than a dozen ministers', 12, 'ministers', 'at-least', 12, null]]);
});

test('"over" a span of time is its length, and a year before a noun is not a count', () => {
  assert.deepEqual(read('Talks ran over three days.'), [['three days', 3, 'days', 'exact', 3, 3]]);
  assert.deepEqual(read('Over 2,000 people signed.'), [['Over 2,000 people', 2000, 'people', 'at-least', 2000, null]]);
  assert.deepEqual(read('The river beat 2023 records and the 2024 elections were delayed.'), []);
});

test('"three of its terminals" has no unit "its"; the count after it is still read', () => {
  assert.deepEqual(read('All three of its container terminals reopened.'), []);
  assert.deepEqual(read('Four of them left and nine of Vessland\'s ports closed.'), []);
  assert.deepEqual(read('Two of the ships were diverted.'), [['Two of the ships', 2, 'ships', 'exact', 2, 2]]);
  assert.deepEqual(read('Three of the six gates failed.'), [['six gates', 6, 'gates', 'exact', 6, 6]]);
});

test('a small number in words before "sides", "ways" or "things" is an idiom, not a figure', () => {
  assert.deepEqual(read('The two sides met and found three ways forward.'), []);
  assert.deepEqual(read('The hall has 12 sides.'), [['12 sides', 12, 'sides', 'exact', 12, 12]]);
});

test('a number naming the thing before it ("gate 3", "Apollo 11") is no count of the verb after it', () => {
  assert.deepEqual(read('Officials asked why gate 3 did not close.'), []);
  assert.deepEqual(read('The inquiry found that gate 3 failed twice.'), []);
  assert.deepEqual(read('Apollo 11 landed on the moon.'), []);
  // A count of people named by what happened to them stays a count.
  assert.deepEqual(read('The 3 injured were taken to hospital.'), [['3 injured', 3, 'injured', 'exact', 3, 3]]);
  assert.deepEqual(read('Police said 2 died.'), [['2 died', 2, 'died', 'exact', 2, 2]]);
});

test('a preposition or a conjunction after a number is no unit ("31 to 12 after a debate")', () => {
  assert.deepEqual(read('Councillors voted 31 to 12 after a four-hour debate.'), []);
  assert.deepEqual(read('The index fell 3 points before noon and rose 2 while markets in Asia closed.'), [['3 points', 3, 'points', 'exact', 3, 3]]);
});
