import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countShared, countSharedAtLeast, shingleText, uniqueSorted } from './word-shingles.js';

describe('shingleText', () => {
  it('ignores case, quote style and apostrophes when hashing shingles', () => {
    const a = shingleText('The minister said "we will not move" on Friday.', 3);
    const b = shingleText('the Minister said \u201cwe will not move\u201d on friday', 3);
    assert.deepEqual(Array.from(a.hashes), Array.from(b.hashes));
    assert.equal(shingleText("Ukraine's allies", 2).hashes[0], shingleText('Ukraine\u2019s allies', 2).hashes[0]);
  });

  it('does not let an inserted line change the shingles of the paragraphs around it', () => {
    const plain = shingleText('one two three four five six\n\nseven eight nine ten eleven twelve', 3);
    const withAd = shingleText('one two three four five six\n\nAdvertisement\n\nseven eight nine ten eleven twelve', 3);
    assert.deepEqual(Array.from(withAd.hashes), Array.from(plain.hashes));
    assert.equal(withAd.lines.length, 3);
  });

  it('counts the shingles two texts share', () => {
    const a = uniqueSorted(shingleText('the port will close on monday after the strike vote', 3).hashes);
    const b = uniqueSorted(shingleText('officials said the port will close on monday after talks', 3).hashes);
    // "the port will close on monday after": five 3-word runs
    assert.equal(countShared(a, b), 5);
  });

  it('counts shared shingles exactly when there are enough of them, and says early when there are not', () => {
    const a = uniqueSorted(shingleText('the port will close on monday after the strike vote', 3).hashes);
    const b = uniqueSorted(shingleText('officials said the port will close on monday after talks', 3).hashes);
    assert.equal(countSharedAtLeast(a, b, 5), 5);
    assert.equal(countSharedAtLeast(a, b, 1), 5);
    assert.ok(countSharedAtLeast(a, b, 6) < 6);
    const other = uniqueSorted(shingleText('a ferry contract was signed in the harbour town last spring', 3).hashes);
    assert.ok(countSharedAtLeast(a, other, 2) < 2);
  });
});
