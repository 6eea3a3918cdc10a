import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../model/index.js';
import { createDefaultAnalyse } from './default-analyse.js';

const article = (text: string, published: string | null, language: string | null = 'en'): Article => ({
  externalId: null, path: 'a.txt', url: null, source: null, author: null, title: 't', text, published, modified: null, language, credits: [],
});

test('a copy of a text analysed before gets the same analysis; another publish day resolves its dates anew', () => {
  const text = '"We will reopen the bridge," said Mayor Elin Kovac on Monday. The repairs cost €2 million yesterday.';
  const remembering = createDefaultAnalyse();
  const fresh = createDefaultAnalyse({ recentTexts: 0 });
  const first = remembering(article(text, '2025-03-12'));
  assert.deepEqual(remembering(article(text, '2025-03-12T18:30:00Z')), first);
  assert.deepEqual(first, fresh(article(text, '2025-03-12')));
  const later = remembering(article(text, '2025-04-02'));
  assert.deepEqual(later, fresh(article(text, '2025-04-02')));
  assert.notDeepEqual(later.dates, first.dates);
  assert.deepEqual(remembering(article(text, '2025-03-12', 'fr')).quotes, []);
});

test('a copy of a report in another language is remembered too, and read in its own language', () => {
  const text = '« Nous rouvrirons le pont dès lundi », a déclaré la maire Elin Kovac.';
  const remembering = createDefaultAnalyse();
  const first = remembering(article(text, '2025-03-12', 'fr'));
  assert.deepEqual(first.quotes.map((q) => q.speaker), ['Elin Kovac']);
  assert.equal(remembering(article(text, '2025-03-12T20:00:00Z', 'fr-FR')), first, 'the same analysis, not analysed again');
  assert.notEqual(remembering(article(text, '2025-03-12', 'en')), first, 'read as English, it is another analysis');
});
