import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from '../../src/analyse/analysis-context.js';
import { findEntities } from '../../src/analyse/entities.js';
import { featureContext, LABELS, loadTagger, tagEntities } from '../../src/analyse/entity-tagger.js';
import { tokenize } from '../../src/analyse/text-tokens.js';
import { trainTagger, type TaggerExample } from './train-tagger.js';

const { gazetteer } = createAnalysisContext();

/** A handwritten example: the mentions are given as [text, type]; every other token is O. */
function example(text: string, mentions: Array<[string, 'person' | 'organisation' | 'place']>): TaggerExample {
  const doc = tokenize(text);
  const ctx = featureContext(doc, gazetteer, findEntities(doc, gazetteer));
  const gold = new Int8Array(doc.tokens.length);
  for (const [mention, type] of mentions) {
    const start = text.indexOf(mention);
    const inside = doc.tokens.flatMap((t, k) => (t.start >= start && t.end <= start + mention.length ? [k] : []));
    inside.forEach((k, n) => { gold[k] = LABELS.indexOf(`${n === 0 ? 'B' : 'I'}-${type}` as (typeof LABELS)[number]); });
  }
  return { ctx, gold };
}

test('the trainer learns a span convention the rules lack: a company name after its lower-case descriptor', () => {
  const train = [
    example('Shipping group Halvard Lines said profits fell.', [['Shipping group Halvard Lines', 'organisation']]),
    example('Analysts said carmaker Ostrava Motors would cut jobs.', [['carmaker Ostrava Motors', 'organisation']]),
    example('The retailer Penbrook Stores opened a shop.', [['retailer Penbrook Stores', 'organisation']]),
    example('Banker Lena Hoff joined insurer Calder Mutual in May.', [['Lena Hoff', 'person'], ['insurer Calder Mutual', 'organisation']]),
    example('Shares in brewer Tamsin Ales rose.', [['brewer Tamsin Ales', 'organisation']]),
  ];
  const model = trainTagger(train, { epochs: 10, seed: 3 });
  const again = trainTagger(train, { epochs: 10, seed: 3 });
  assert.deepEqual(again, model, 'training is reproducible');
  const doc = tokenize('Investors said airline Corvell Air had doubled its fleet.');
  const spans = tagEntities(featureContext(doc, gazetteer, findEntities(doc, gazetteer)), loadTagger(model));
  const text = spans.map((s) => `${doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last]!.end)}/${s.type}`);
  assert.deepEqual(text, ['airline Corvell Air/organisation']);
});
