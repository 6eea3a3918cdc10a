import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oldestFirst } from './arrival-order.js';

test('a batch goes oldest first; equal dates keep their order, and the undated come last in theirs', () => {
  const items = [
    { id: 'a', published: '2026-05-08T17:15:00Z' },
    { id: 'b', published: null },
    { id: 'c', published: '2026-04-27T11:05:00Z' },
    { id: 'd', published: 'Mon, 27 Apr 2026 11:05:00 GMT' },
    { id: 'e', published: 'not a date' },
    { id: 'f', published: '2026-04-15' },
  ];
  assert.deepEqual(oldestFirst(items, (i) => i.published).map((i) => i.id), ['f', 'c', 'd', 'a', 'b', 'e']);
});
