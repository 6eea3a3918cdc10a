import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageCodeOf } from './codes.js';

test('a declared language is read as a code or by its English or its own name', () => {
  assert.equal(languageCodeOf('de-AT'), 'de');
  assert.equal(languageCodeOf('pt_BR'), 'pt');
  assert.equal(languageCodeOf('ENGLISH'), 'en');
  assert.equal(languageCodeOf('Deutsch'), 'de');
  assert.equal(languageCodeOf('français'), 'fr');
  assert.equal(languageCodeOf(' Spanish '), 'es');
  assert.equal(languageCodeOf('Newspaper'), null);
});
