import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { Article } from '../model/index.js';
import { contentHashOf } from './identity.js';

const hashOf = (text: string): string => contentHashOf({ text } as Article);

test('case, punctuation and spacing do not change the content hash; a word does', () => {
  const text = 'The ferry resumes service on Monday, officials said.';
  assert.equal(hashOf('  THE FERRY resumes service on Monday — officials said!'), hashOf(text));
  assert.equal(hashOf('The ferry “resumes” service\n\non Monday, officials said'), hashOf(text));
  assert.notEqual(hashOf('The ferry resumes service on Tuesday, officials said.'), hashOf(text));
});

test('the content hash is the SHA-256 of the lower-cased letters and numbers, single-spaced, in any script', () => {
  for (const text of ['ΟΔΟΣ ΣΤΟ ΣΠΙΤΙ.', 'İstanbul, 3 Mai — Köln 😀 日本語', 'e\u0301te\u0301 ٣ Ⅻ', '…', 'broken \ud800 pair']) {
    const expected = createHash('sha256').update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).digest('hex');
    assert.equal(hashOf(text), expected, text);
  }
});
