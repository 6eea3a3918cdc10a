import { test } from 'node:test';
import assert from 'node:assert/strict';
import { companyWords, givenNames } from './name-lists.js';

test('company words keep names and leave out given names, places and ordinary name words', () => {
  const dictionary = ['# cspell-tools: keep-case no-split', '', 'Boeing', 'James', 'Boston', 'Corporation', 'Wal-Mart', 'IBM', 'A', 'ebay'].join('\n');
  const gaz = { places: new Set(['boston']), countries: new Set<string>(), firstNames: new Set(['james']) };
  assert.deepEqual(companyWords(dictionary, gaz), ['boeing', 'ibm', 'wal-mart']);
});

test('given names from the registers leave out English words, places, companies, stdlib names and name words', () => {
  const registers = ['Donald', 'olaf', 'the', 'said', 'paris', 'tesla', 'james', 'mr', 'al', 'volodymyr', 'Donald'];
  const english = new Set(['the', 'said']);
  const gaz = { places: new Set(['paris']), countries: new Set<string>(), firstNames: new Set(['james']), companies: new Set(['tesla']) };
  assert.deepEqual(givenNames(registers, english, gaz), ['donald', 'olaf', 'volodymyr']);
});
