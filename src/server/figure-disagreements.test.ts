import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureDisagreements, unitFamily } from './figure-disagreements.js';

test('"31 countries" and "about 30 leaders" in different reports are a disagreement', () => {
  const found = figureDisagreements([
    { text: '31 countries', value: 31, unit: 'countries', articleId: 1, source: 'Harbour Times' },
    { text: '31 countries', value: 31, unit: 'countries', articleId: 2, source: 'Wire Press' },
    { text: 'about 30 leaders', value: 30, unit: 'leaders', articleId: 3, source: 'Metro Star' },
  ]);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.unit, 'countries');
  assert.deepEqual(found[0]?.claims.map((c) => [c.value, c.sources.map((s) => s.source)]), [
    [30, ['Metro Star']],
    [31, ['Harbour Times', 'Wire Press']],
  ]);
});

test('different facts of one unit (5 refused, 31 attended) and agreeing reports are not disagreements', () => {
  const found = figureDisagreements([
    { text: '31 countries', value: 31, unit: 'countries', articleId: 1, source: 'A' },
    { text: '5 countries', value: 5, unit: 'countries', articleId: 2, source: 'B' },
    { text: '€2 billion', value: 2e9, unit: 'EUR', articleId: 1, source: 'A' },
    { text: '2 billion euros', value: 2e9, unit: 'EUR', articleId: 2, source: 'B' },
  ]);
  assert.deepEqual(found, []);
});

test('two values within one article are not outlets disagreeing', () => {
  const found = figureDisagreements([
    { text: '40 percent', value: 40, unit: 'percent', articleId: 1, source: 'A' },
    { text: '45 percent', value: 45, unit: 'percent', articleId: 1, source: 'A' },
  ]);
  assert.deepEqual(found, []);
});

test('currencies compare only with the same currency', () => {
  assert.equal(unitFamily('EUR'), 'EUR');
  assert.notEqual(unitFamily('USD'), unitFamily('EUR'));
  assert.equal(unitFamily('Nations'), 'countries');
  assert.equal(unitFamily('soldiers'), unitFamily('troops'));
});

test('figures of different events in one story are two happenings, not a disagreement', () => {
  const found = figureDisagreements([
    { text: '31 countries', value: 31, unit: 'countries', articleId: 1, source: 'Harbour Times', eventId: 10 },
    { text: 'about 30 leaders', value: 30, unit: 'leaders', articleId: 2, source: 'Metro Star', eventId: 11 },
    { text: '29 countries', value: 29, unit: 'countries', articleId: 3, source: 'Wire Press', eventId: 11 },
  ]);
  assert.equal(found.length, 1, 'only the two reports of event 11 are compared');
  assert.equal(found[0]?.eventId, 11);
  assert.deepEqual(found[0]?.claims.map((c) => c.sources.map((s) => s.source)), [['Wire Press'], ['Metro Star']]);
});
