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
