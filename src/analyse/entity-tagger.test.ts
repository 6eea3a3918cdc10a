import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { defaultTagger, findEntities, splitCoordinated } from './entities.js';
import { describingPhrases, allowed, featureContext, LABELS, spansFromLabels, tagEntities, TEMPLATES, tokenFeatures, viterbi, wordCluster } from './entity-tagger.js';
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

test('a tagged span joining names by "and" or a comma list splits into the names, one name with "and" stays whole', () => {
  const doc = tokenize('Sales rose at Halden Motors and Orvik Industries, while ferries to Lyon, Nice, Porto and Seville ran late at Marks and Ballard for the Tarn Council and the Vell Board.');
  const at = (text: string): number => doc.tokens.findIndex((t) => t.text === text);
  const spans = [
    { first: at('Halden'), last: at('Industries'), type: 'organisation' as const },
    { first: at('Lyon'), last: at('Seville'), type: 'place' as const },
    { first: at('Marks'), last: at('Ballard'), type: 'organisation' as const },
    { first: at('Tarn') - 1, last: at('Board'), type: 'organisation' as const },
  ];
  // The rules read "Marks and Ballard" as one name.
  const split = splitCoordinated(doc.tokens, spans, [{ nameFirst: at('Marks'), nameLast: at('Ballard') }]);
  const texts = split.map((s) => doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last]!.end));
  assert.deepEqual(texts, ['Halden Motors', 'Orvik Industries', 'Lyon', 'Nice', 'Porto', 'Seville', 'Marks and Ballard', 'the Tarn Council', 'the Vell Board']);
});

test('words used alike share a word cluster: weekdays, surnames, carmakers', () => {
  assert.deepEqual(wordCluster('monday'), wordCluster('thursday'));
  assert.deepEqual(wordCluster('jones'), wordCluster('taylor'));
  assert.deepEqual(wordCluster('toyota'), wordCluster('honda'));
  assert.notDeepEqual(wordCluster('taylor'), wordCluster('toyota'));
  assert.equal(wordCluster('qwzxv'), undefined);
});

test('the tagger scores each token exactly as the sum of its template features (the cached fast path changes nothing)', () => {
  const tagger = defaultTagger();
  const text = [
    'Harlow Dynamics chief executive Karen Whitfield said on Monday the Leeds plant would close.',
    'The ferry operator Nordvik Lines and the port of Bergen signed the deal with Ostrava Motors.',
  ].join('\n');
  const doc = tokenize(text);
  const ctx = featureContext(doc, gazetteer, findEntities(doc, gazetteer));
  const values = new Array<string | undefined>(TEMPLATES.length);
  const expected: number[] = new Array<number>(doc.tokens.length).fill(0);
  for (const [from, to] of ctx.segments) {
    const scores = new Float64Array((to - from) * LABELS.length);
    for (let i = from; i < to; i++) {
      tokenFeatures(ctx, i, values);
      values.forEach((v, f) => {
        const w = v === undefined ? undefined : tagger.tables[f]!.get(v);
        if (w) for (let l = 0; l < LABELS.length; l++) scores[(i - from) * LABELS.length + l]! += w[l]!;
      });
    }
    viterbi(scores, to - from, tagger.transitions).forEach((l, p) => { expected[from + p] = l; });
  }
  assert.deepEqual(tagEntities(ctx, tagger), spansFromLabels(expected));
  assert.ok(spansFromLabels(expected).length >= 3, "the text has names to tag");
});

test('"the government of X" is one place mention, without X apart', () => {
  const text = 'Bridge loans will come from the government of Norway and the regional government of Bavaria, the minister said.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger()).filter((e) => !e.premodifier).map((e) => `${e.text}/${e.type}`);
  assert.deepEqual(found, ['the government of Norway/place', 'the regional government of Bavaria/place']);
});

test('a describing phrase before a name is marked word by word, with what opens it; verbs and participles are none', () => {
  const doc = tokenize('The deal was reported by German magazine Der Spiegel after rival Corvane had defeated Halvard Lines.');
  const start = doc.tokens.map((t, k) => k === 0 || doc.tokens[k - 1]!.sentence !== t.sentence);
  const marks = describingPhrases(doc.tokens, start);
  const at = (word: string): string | undefined => marks[doc.tokens.findIndex((t) => t.text === word)];
  assert.equal(at('magazine'), 'd1C');
  assert.equal(at('Der'), 'n1C');
  assert.equal(at('rival'), 'd1O');
  assert.equal(at('Corvane'), 'n1O');
  assert.equal(at('Halvard'), undefined);
  assert.equal(at('defeated'), undefined);
});

test('a tagged span is cut at a verb between two names, not at a describing noun', () => {
  const doc = tokenize('On Saturday Halvorsen confronted Foreign Minister Anna Berg, and Orvik parent Tamsin Group agreed.');
  const at = (word: string): number => doc.tokens.findIndex((t) => t.text === word);
  const spans = [
    { first: at('Halvorsen'), last: at('Berg'), type: 'person' as const },
    { first: at('Orvik'), last: at('Group'), type: 'organisation' as const },
  ];
  const texts = splitCoordinated(doc.tokens, spans, []).map((s) => doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last]!.end));
  assert.deepEqual(texts, ['Halvorsen', 'Foreign Minister Anna Berg', 'Orvik parent Tamsin Group']);
});
