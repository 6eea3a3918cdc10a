import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bCubed } from './b-cubed.js';

describe('bCubed', () => {
  it('scores a perfect clustering 1 and a single lump by its gold cluster sizes', () => {
    assert.deepEqual(bCubed([1, 1, 2], ['a', 'a', 'b']), { precision: 1, recall: 1, f1: 1 });
    const lump = bCubed([1, 1, 1, 1], ['a', 'a', 'b', 'b']);
    assert.equal(lump.recall, 1);
    assert.equal(lump.precision, 0.5);
  });
});
