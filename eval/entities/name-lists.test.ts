import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companyWords } from './name-lists.js';

test('company words keep names and leave out given names, places and ordinary name words', () => {
  const dictionary = ['# cspell-tools: keep-case no-split', '', 'Boeing', 'James', 'Boston', 'Corporation', 'Wal-Mart', 'IBM', 'A', 'ebay'].join('\n');
  const gaz = { places: new Set(['boston']), countries: new Set<string>(), firstNames: new Set(['james']) };
  assert.deepEqual(companyWords(dictionary, gaz), ['boeing', 'ibm', 'wal-mart']);
});
