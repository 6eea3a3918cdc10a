import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describingPhrases } from '../../src/analyse/entity-tagger.js';
import { tokenize } from '../../src/analyse/text-tokens.js';
import { withDescribingPhrases } from './meantime.js';

test('training labels take in a describing phrase opened by a capitalised word, not one with a verb or a lower-case opener', () => {
  const doc = tokenize('Reports in German magazine Der Spiegel said rival Corvane had beaten Halvard.');
  const { tokens } = doc;
  const k = (word: string): number => tokens.findIndex((t) => t.text === word);
  const labels = new Int8Array(tokens.length);
  labels[k('Der')] = 3; labels[k('Spiegel')] = 4; // B-organisation, I-organisation
  labels[k('Corvane')] = 3;
  labels[k('Halvard')] = 3;
  const pos = tokens.map((t) => (t.text === 'magazine' || t.text === 'rival' ? 'NOUN' : t.text === 'beaten' ? 'VERB' : t.cap ? 'PROPN' : 'X'));
  withDescribingPhrases(labels, describingPhrases(tokens, tokens.map((_, i) => i === 0)), pos, tokens);
  const spans = [...labels].flatMap((l, i) => (l === 3 ? [i] : [])).map((first) => {
    let last = first;
    while (labels[last + 1] === 4) last++;
    return doc.text.slice(tokens[first]!.start, tokens[last]!.end);
  });
  assert.deepEqual(spans, ['German magazine Der Spiegel', 'Corvane', 'Halvard']);
});
