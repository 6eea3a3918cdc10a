import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSortedWords, SortedWords } from './sorted-words.js';

test('a sorted word list finds exactly its words, first, last, accented and prefixes included', () => {
  const words = ['olaf', 'donald', 'zoé', 'barack', 'don', 'volodymyr', 'aaron', 'zyshawn'];
  const list = new SortedWords(joinSortedWords(words));
  assert.equal(list.size, words.length);
  for (const w of words) assert.ok(list.has(w), w);
  for (const w of ['', 'do', 'donal', 'donalds', 'zoe', 'aaro', 'zz', 'a', 'olafs']) assert.ok(!list.has(w), w);
  assert.ok(!new SortedWords('').has('olaf'));
});

test("a word's place in the list is its rank in code-unit order, which a list of per-word facts aligns with", () => {
  const list = new SortedWords(joinSortedWords(['olaf', 'barack', 'zoé', 'aaron']));
  assert.deepEqual(['aaron', 'barack', 'olaf', 'zoé'].map((w) => list.indexOf(w)), [0, 1, 2, 3]);
  assert.equal(list.indexOf('donald'), -1);
});
