import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFigures } from '../analyse/figures.js';
import { figureDisagreements, unitFamily, type StoryFigure } from './figure-disagreements.js';

/** The figure a report's sentence gives, read as the analysis stage reads it. */
function reported(sentence: string, articleId: number, source: string, eventId?: number): StoryFigure {
  const [figure] = findFigures(sentence, []);
  assert.ok(figure, `a figure in "${sentence}"`);
  return { ...figure, articleId, source, ...(eventId === undefined ? {} : { eventId }) };
}

const sourcesOfClaims = (found: ReturnType<typeof figureDisagreements>): string[][] =>
  (found[0]?.claims ?? []).map((c) => c.sources.map((s) => s.source ?? '?'));

test('"31 countries" and "30 leaders" in different reports are a disagreement', () => {
  const found = figureDisagreements([
    reported('Delegates of 31 countries met.', 1, 'Harbour Times'),
    reported('Delegates of 31 countries met.', 2, 'Wire Press'),
    reported('Some said 30 leaders came.', 3, 'Metro Star'),
  ]);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.unit, 'countries');
  assert.deepEqual(found[0]?.claims.map((c) => c.value), [30, 31]);
  assert.deepEqual(sourcesOfClaims(found), [['Metro Star'], ['Harbour Times', 'Wire Press']]);
});

test('wordings that one value fits agree: "about 30 leaders" and "31 countries", "more than 2,400 claims" and "3,150 claims"', () => {
  const found = figureDisagreements([
    reported('Delegates of 31 countries met.', 1, 'Harbour Times'),
    reported('About 30 leaders came.', 2, 'Metro Star'),
    reported('Insurers had more than 2,400 claims by noon.', 1, 'Harbour Times'),
    reported('Insurers counted 3,150 claims.', 2, 'Metro Star'),
    reported('A dozen districts were cleared.', 1, 'Harbour Times'),
    reported('Police cleared 12 districts.', 2, 'Metro Star'),
  ]);
  assert.deepEqual(found, []);
});

test('an approximate or bounded figure still disagrees when no value fits both', () => {
  const found = figureDisagreements([
    reported('About 25 leaders came.', 1, 'Metro Star'),
    reported('Delegates of 31 countries met.', 2, 'Harbour Times'),
    reported('Up to 4,000 soldiers will go.', 3, 'Daily Meridian'),
    reported('The pledge is 5,000 troops.', 4, 'Northern Ledger'),
  ]);
  assert.deepEqual(found.map((d) => d.unit).sort(), ['countries', 'troops']);
  const troops = found.find((d) => d.unit === 'troops');
  assert.deepEqual(troops?.claims.map((c) => [c.precision, c.high]), [['at-most', 4000], ['exact', 5000]]);
});

test('a vague count is a range, never compared as the number it was given', () => {
  const vague = reported('Several thousand troops could deploy.', 1, 'Harbour Times');
  assert.equal(vague.precision, 'vague');
  assert.deepEqual([vague.low, vague.high], [3000, 9000]);
  assert.deepEqual(figureDisagreements([vague, reported('The pledge is 3,500 troops.', 2, 'Wire Press')]), [], 'several thousand fits 3,500');
  assert.equal(figureDisagreements([vague, reported('The pledge is 2,500 troops.', 2, 'Wire Press')]).length, 1, 'but not 2,500');
});

test('different facts of one unit (5 refused, 31 attended) and agreeing reports are not disagreements', () => {
  const found = figureDisagreements([
    reported('Delegates of 31 countries met.', 1, 'A'),
    reported('Only 5 countries refused.', 2, 'B'),
    reported('They pledged €2 billion.', 1, 'A'),
    reported('They pledged 2 billion euros.', 2, 'B'),
    // Half again as much is another number, not the same one misreported.
    reported('The union accepted less than the 5% it had sought for next year.', 1, 'A'),
    reported('"It is not 7.5%," the union leader said.', 2, 'B'),
  ]);
  assert.deepEqual(found, []);
});

test('two values within one article are not outlets disagreeing', () => {
  const found = figureDisagreements([
    reported('Turnout was 40 percent.', 1, 'A'),
    reported('Turnout was 45 percent.', 1, 'A'),
  ]);
  assert.deepEqual(found, []);
});

test('units compare within their family: one currency, counted nouns of one thing, one spelling', () => {
  assert.equal(unitFamily('EUR'), 'EUR');
  assert.notEqual(unitFamily('USD'), unitFamily('EUR'));
  assert.equal(unitFamily('Nations'), 'countries');
  assert.equal(unitFamily('soldiers'), unitFamily('troops'));
  assert.equal(unitFamily('centimeters'), unitFamily('centimetres'));
  assert.equal(unitFamily('km'), unitFamily('kilometres'));
  assert.equal(unitFamily('kilometers'), unitFamily('kilometre'));
});

test('figures of different events in one story are two happenings, not a disagreement', () => {
  const found = figureDisagreements([
    reported('Delegates of 31 countries met.', 1, 'Harbour Times', 10),
    reported('Some said 30 leaders came.', 2, 'Metro Star', 11),
    reported('Delegates of 28 countries met.', 3, 'Wire Press', 11),
  ]);
  assert.equal(found.length, 1, 'only the two reports of event 11 are compared');
  assert.equal(found[0]?.eventId, 11);
  assert.deepEqual(sourcesOfClaims(found), [['Wire Press'], ['Metro Star']]);
});

test('two values one article states are two facts: outlets giving one or the other do not contradict each other on it', () => {
  const found = figureDisagreements([
    reported('The deal gives a 4.5% rise this year.', 1, 'Wire Press'),
    reported('It adds 3% in 2027.', 1, 'Wire Press'),
    reported('The rise in 2027 is 3% under the deal.', 2, 'Harbour Times'),
    reported('Members backed it by 68%.', 3, 'Metro Star'),
    reported('Turnout was 92%.', 3, 'Metro Star'),
    reported('Turnout reached 92%.', 4, 'Harbour Times'),
    // A report that gives the rise as 5%: it contradicts the wire's 4.5%.
    reported('Dockers will get 5% this year.', 5, 'Evening Star'),
  ]);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]?.claims.map((c) => c.value), [4.5, 5]);
  assert.deepEqual(sourcesOfClaims(found), [['Wire Press'], ['Evening Star']]);
});
