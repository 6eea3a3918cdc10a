import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyChanges, wordDiff } from './change-diff.js';

test('an edit shows only the changed words as inserted or deleted', async () => {
  const out = String(await wordDiff('met in Valmont on Tuesday to plan a force', 'met in Valmont on Tuesday morning to plan a new force'));
  assert.equal(out.replace(/<\/?(ins|del)>/g, ''), 'met in Valmont on Tuesday morning to plan a new force');
  assert.deepEqual([...out.matchAll(/<ins>(.*?)<\/ins>/g)].map((m) => m[1]?.trim()), ['morning', 'new']);
  assert.equal((out.match(/<del>/g) ?? []).length, 0);
});

test('a replaced word is shown deleted then inserted, and passages are escaped', async () => {
  const out = String(await wordDiff('about <30> leaders', 'about 31 leaders'));
  assert.match(out, /<del>&lt;30&gt;\s*<\/del>/);
  assert.match(out, /<ins>31\s*<\/ins>/);
});

test('a copy without edits says so; added and removed passages are coloured', async () => {
  assert.match(String(await copyChanges({ added: [], removed: [], edited: [] })), /Same text as the original/);
  const out = String(await copyChanges({ added: ['Reporting by the desk.'], removed: ['A dropped line.'], edited: [] }));
  assert.match(out, /<li class="added">.*<ins>Reporting by the desk.<\/ins>/);
  assert.match(out, /<li class="removed">.*<del>A dropped line.<\/del>/);
});
