import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { defaultTagger, findEntities } from './entities.js';
import { allowed, LABELS, spansFromLabels, viterbi } from './entity-tagger.js';
import { tokenize } from './text-tokens.js';

const { gazetteer } = createAnalysisContext();
const tagged = (text: string): Array<{ text: string; type: string; name: string }> =>
  findEntities(tokenize(text), gazetteer, defaultTagger()).map((e) => ({ text: e.text, type: e.type, name: e.name }));

test('the committed tagger finds a titled person, a company with a suffix and a place, and merges the surname', () => {
  const found = tagged([
    'Orland Freight Inc. said on Tuesday it would close its depot in Rotterdam.',
    'Finance Minister Elena Marchetti told reporters the plan was sound.',
    'Yesterday the port authority rejected the bid.',
    'Marchetti said the closure would cost 200 jobs.',
  ].join('\n'));
  assert.ok(found.some((e) => e.text === 'Orland Freight Inc.' && e.type === 'organisation'));
  assert.ok(found.some((e) => e.text === 'Rotterdam' && e.type === 'place'));
  assert.ok(found.some((e) => e.text.endsWith('Elena Marchetti') && e.type === 'person' && e.name === 'Elena Marchetti'));
  // The lone surname later on is the same person.
  assert.ok(found.some((e) => e.text === 'Marchetti' && e.type === 'person' && e.name === 'Elena Marchetti'));
  // A capitalised word opening a sentence is no name.
  assert.ok(!found.some((e) => e.text.startsWith('Yesterday')));
});

test('Viterbi never starts a mention with an I- label nor switches type inside one', () => {
  const L = LABELS.length;
  // Scores that, token by token, prefer O, I-person, I-place: the best allowed path must be well formed.
  const scores = new Float64Array(3 * L);
  scores[0 * L + 0] = 1;
  scores[1 * L + LABELS.indexOf('I-person')] = 5;
  scores[2 * L + LABELS.indexOf('I-place')] = 5;
  const path = viterbi(scores, 3, new Float64Array((L + 1) * L));
  for (let p = 0; p < path.length; p++) assert.ok(allowed(p === 0 ? L : path[p - 1]!, path[p]!), `label ${LABELS[path[p]!]} after ${p === 0 ? 'start' : LABELS[path[p - 1]!]}`);
  assert.deepEqual(spansFromLabels([0, 1, 2, 0, 5]), [{ first: 1, last: 2, type: 'person' }, { first: 4, last: 4, type: 'place' }]);
});
