import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeStoryEntities, mergeStoryQuotes } from './story-merge.js';

const q = (text: string, speaker: string | null) => ({ text, start: 0, end: text.length, direct: true, speaker, speakerStart: null, speakerEnd: null });

test('variants of one quote across outlets become one story quote with every source', () => {
  const merged = mergeStoryQuotes([
    { articleId: 1, source: 'wire.example', published: '2025-03-05', seenAt: '2025-03-05T10:00:00Z', quotes: [q("They won't stay on the front lines, but they will be there.", 'Ana Ribeiro')] },
    { articleId: 2, source: 'daily.example', published: '2025-03-05', seenAt: '2025-03-05T12:00:00Z', quotes: [q('They won’t stay on the front line but they will be there.', 'Ana Ribeiro')] },
    { articleId: 3, source: 'other.example', published: '2025-03-06', seenAt: '2025-03-06T08:00:00Z', quotes: [q('Fish stocks are collapsing faster than anyone predicted.', 'Paul Okafor')] },
  ]);
  assert.equal(merged.length, 2);
  const first = merged.find((m) => m.speaker === 'Ana Ribeiro')!;
  assert.deepEqual(first.sources.map((s) => s.articleId), [1, 2]);
  assert.equal(first.variants.length, 2);
  assert.equal(first.firstSeen.articleId, 1);
});

test('the same words from different speakers stay apart', () => {
  const merged = mergeStoryQuotes([
    { articleId: 1, source: null, published: null, seenAt: '1', quotes: [q('We will not accept these terms at all.', 'Ana Ribeiro')] },
    { articleId: 2, source: null, published: null, seenAt: '2', quotes: [q('We will not accept these terms at all.', 'Paul Okafor')] },
  ]);
  assert.equal(merged.length, 2);
});

test('entity aliases merge across a story, spelling variants included', () => {
  const merged = mergeStoryEntities([
    { articleId: 1, entities: [{ text: 'Zelenskyy', start: 0, end: 9, type: 'person', name: 'Volodymyr Zelenskyy' }] },
    { articleId: 2, entities: [{ text: 'Zelensky', start: 0, end: 8, type: 'person', name: 'Zelensky' }, { text: 'Kyiv', start: 10, end: 14, type: 'place', name: 'Kyiv' }] },
  ]);
  assert.equal(merged.length, 2);
  assert.equal(merged[0]!.name, 'Volodymyr Zelenskyy');
  assert.deepEqual(merged[0]!.articleIds, [1, 2]);
});
