import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseArticle, createAnalysisContext } from './analyse-article.js';

const ctx = createAnalysisContext();

const ARTICLE = [
  'Portugal will host a summit of fishing ministers on Monday, a source close to President Ana Ribeiro said on Wednesday.',
  'Ribeiro, in a televised interview Tuesday, again said new quotas could be imposed on trawlers to protect sardine stocks.',
  'Canadian Fisheries Minister Paul Okafor said Canada was firmly opposed to any new quota.',
  '"We see no reason to negotiate. The proposal is designed to punish our fleets," he added.',
  'Lena Brandt, a spokesperson for the German Ministry of Agriculture, told reporters on Wednesday that such quotas would be "an act of economic aggression".',
  '"This could trigger a trade war between Europe and Canada," she added.',
  '"Frankly," he said, "what we hoped to settle in a day will take a year."',
].join('\n');

test('direct quotes get the speaker carried over "he added" and "she added"', () => {
  const a = analyseArticle({ text: ARTICLE, published: '2025-03-05' }, ctx);
  const q1 = a.quotes.find((q) => q.text.startsWith('We see no reason'));
  assert.ok(q1);
  assert.equal(q1.direct, true);
  assert.equal(q1.speaker, 'Paul Okafor');
  const q2 = a.quotes.find((q) => q.text.startsWith('This could trigger'));
  assert.equal(q2?.speaker, 'Lena Brandt');
  for (const q of a.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
});

test('a quote split by "he said" keeps one speaker on both pieces', () => {
  const text = 'Trade envoy Marco Bellini spoke after the talks.\n"Frankly," he said, "what we hoped to settle in a day will take a year."';
  const a = analyseArticle({ text, published: null }, ctx);
  const pieces = a.quotes.filter((q) => q.direct);
  assert.equal(pieces.length, 2);
  assert.deepEqual(pieces.map((q) => q.speaker), ['Marco Bellini', 'Marco Bellini']);
});

test('a source close to a named person is not that person', () => {
  const a = analyseArticle({ text: ARTICLE, published: '2025-03-05' }, ctx);
  const q = a.quotes.find((x) => x.text.startsWith('Portugal will host'));
  assert.ok(q);
  assert.equal(q.speaker, null);
});

test('indirect speech keeps the reported content and the subject as speaker', () => {
  const a = analyseArticle({ text: ARTICLE, published: '2025-03-05' }, ctx);
  const q = a.quotes.find((x) => !x.direct && x.text.startsWith('new quotas could be imposed'));
  assert.ok(q, JSON.stringify(a.quotes.map((x) => x.text)));
  assert.equal(q.speaker, 'Ana Ribeiro');
});

test('a description in apposition resolves to the name', () => {
  const a = analyseArticle({ text: ARTICLE, published: '2025-03-05' }, ctx);
  const q = a.quotes.find((x) => x.text.startsWith('such quotas would be'));
  assert.equal(q?.speaker, 'Lena Brandt');
});

test('curly, guillemet and low-high quotes are all found', () => {
  const text = 'Mayor Ines Duval said: “We are ready.”\nShe repeated it: «We are ready for anything.»\nThe ambassador, Karl Weiss, said: „Es reicht jetzt.“';
  const a = analyseArticle({ text, published: null }, ctx);
  assert.deepEqual(a.quotes.filter((q) => q.direct).map((q) => q.text), ['We are ready.', 'We are ready for anything.', 'Es reicht jetzt.']);
  assert.equal(a.quotes[2]?.speaker, 'Karl Weiss');
});

test('a quote running over paragraphs keeps its speaker', () => {
  const text = 'Senator Ruth Almeida said: "The bill is dead. We will not revive it.\n"Next year we will start again from scratch."\nThe vote was postponed.';
  const a = analyseArticle({ text, published: null }, ctx);
  const pieces = a.quotes.filter((q) => q.direct);
  assert.equal(pieces.length, 2);
  assert.deepEqual(pieces.map((q) => q.speaker), ['Ruth Almeida', 'Ruth Almeida']);
});

test('entities merge aliases to the longest name and keep types', () => {
  const text = 'Chilean President Tomas Ferrer met bankers in Santiago. Mr. Ferrer said the Central Bank of Chile would act. Ferrer then flew to Lima.';
  const a = analyseArticle({ text, published: null }, ctx);
  const ferrer = a.entities.filter((e) => e.name === 'Tomas Ferrer');
  assert.equal(ferrer.length, 3);
  assert.ok(ferrer.every((e) => e.type === 'person'));
  assert.ok(a.entities.some((e) => e.name === 'Central Bank of Chile' && e.type === 'organisation'));
  assert.ok(a.entities.some((e) => e.name === 'Santiago' && e.type === 'place'));
  assert.ok(a.entities.some((e) => e.name === 'Lima' && e.type === 'place'));
});

test('the Chilean president resolves to the person introduced with that title', () => {
  const text = 'Chilean President Tomas Ferrer arrived on Monday. Later the Chilean president met students.';
  const a = analyseArticle({ text, published: null }, ctx);
  const d = a.entities.find((e) => e.text === 'the Chilean president');
  assert.equal(d?.name, 'Tomas Ferrer');
});

test('figures carry values and units; years and dates are not figures', () => {
  const text = 'The fund pledged €3 billion (£2.5bn) and 2.4 billion dollars to 27 countries, a 4% rise since 2019. Several thousand soldiers and roughly 40 ministers met for five days on March 3.';
  const a = analyseArticle({ text, published: '2025-03-05' }, ctx);
  const f = (t: string) => a.figures.find((x) => x.text.includes(t));
  assert.deepEqual([f('€3')?.value, f('€3')?.unit], [3e9, 'EUR']);
  assert.deepEqual([f('£2.5bn')?.value, f('£2.5bn')?.unit], [2.5e9, 'GBP']);
  assert.deepEqual([f('2.4 billion dollars')?.value, f('2.4 billion dollars')?.unit], [2.4e9, 'USD']);
  assert.deepEqual([f('27')?.value, f('27')?.unit], [27, 'countries']);
  assert.deepEqual([f('4%')?.value, f('4%')?.unit], [4, 'percent']);
  assert.deepEqual([f('Several thousand')?.value, f('Several thousand')?.unit], [3000, 'soldiers']);
  assert.deepEqual([f('40')?.value, f('40')?.unit], [40, 'ministers']);
  assert.deepEqual([f('five')?.value, f('five')?.unit], [5, 'days']);
  assert.ok(!a.figures.some((x) => x.text.includes('2019') || x.text.includes('3.')));
});

test('weekdays resolve by tense against the publish date', () => {
  // Published Wednesday 2025-03-05.
  const text = 'The council will vote on Monday, the chair said on Tuesday. The talks take place next week. Prices rose last year and the deal was struck in February.';
  const a = analyseArticle({ text, published: '2025-03-05' }, ctx);
  const v = (t: string) => a.dates.find((d) => d.text === t)?.value;
  assert.equal(v('Monday'), '2025-03-10');
  assert.equal(v('Tuesday'), '2025-03-04');
  assert.equal(v('next week'), '2025-W11');
  assert.equal(v('last year'), '2024');
  assert.equal(v('February'), '2025-02');
});

test('without a publish date relative dates stay null but absolute ones resolve', () => {
  const a = analyseArticle({ text: 'The plant closed on 4 June 2021 and reopens on Friday.', published: null }, ctx);
  assert.equal(a.dates.find((d) => d.text.includes('June'))?.value, '2021-06-04');
  assert.equal(a.dates.find((d) => d.text === 'Friday')?.value, null);
});

test('speakers behind "Mr.", a party tag, a dash byline or the previous sentence are found', () => {
  const text = [
    'The harbour authority met on Friday.',
    '"We will not close the port," Mr. Adeyemi said. "Not this winter."',
    '"The numbers do not add up," Rep. Dana Whitcombe (D-Ore.) said in an interview.',
    'Shipping volumes fell sharply, Ms. Lindqvist said. "Nobody expected a drop this steep."',
    '“Keep the ferries running.” ― Tomas Herrera',
  ].join('\n');
  const a = analyseArticle({ text, published: null }, ctx);
  const speakerOf = (start: string): string | null | undefined => a.quotes.find((q) => q.direct && q.text.startsWith(start))?.speaker;
  assert.equal(speakerOf('We will not close'), 'Adeyemi');
  assert.equal(speakerOf('Not this winter'), 'Adeyemi');
  assert.equal(speakerOf('The numbers do not'), 'Dana Whitcombe');
  assert.equal(speakerOf('Nobody expected'), 'Lindqvist');
  assert.equal(speakerOf('Keep the ferries'), 'Tomas Herrera');
});

test('the listener of "told" is not the speaker; "saying" gives the sentence subject', () => {
  const text = [
    'Senator Ruth Okoro told Harbour Radio, “We need a vote this week.”',
    'Later Senator Okoro criticised the plan, saying, “It is a giveaway.”',
  ].join('\n');
  const a = analyseArticle({ text, published: null }, ctx);
  assert.deepEqual(a.quotes.filter((q) => q.direct).map((q) => q.speaker), ['Ruth Okoro', 'Ruth Okoro']);
});
