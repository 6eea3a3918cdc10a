import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeCopyChanges } from './copy-changes.js';

const ORIGINAL = [
  'The harbour will close on Monday, the union said.',
  'Talks with the port authority broke down after four months.',
  'The minister urged both sides to return to the table.',
  'The last strike, in 2019, lasted eleven days.',
].join('\n\n');

describe('describeCopyChanges', () => {
  it('reports added, removed and reworded paragraphs, ignoring quote style and case', () => {
    const copy = [
      'JOIN US ON TELEGRAM',
      'The harbour will close on Monday, the union said.',
      'Talks with the port authority collapsed after four months.',
      'The minister urged both sides to return to the table.',
    ].join('\n\n');
    assert.deepEqual(describeCopyChanges(ORIGINAL, copy), {
      added: ['JOIN US ON TELEGRAM'],
      removed: ['The last strike, in 2019, lasted eleven days.'],
      edited: [
        { from: 'Talks with the port authority broke down after four months.', to: 'Talks with the port authority collapsed after four months.' },
      ],
    });
  });

  it('reports no change for the same text with other quotes and line breaks', () => {
    const same = ORIGINAL.replace(/\n\n/g, '\n').toUpperCase();
    assert.deepEqual(describeCopyChanges(ORIGINAL, same), { added: [], removed: [], edited: [] });
  });
});
