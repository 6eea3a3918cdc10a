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

test('a quote no outlet names a speaker for keeps how most of them describe the source', () => {
  const unnamed = (text: string, attribution?: string) => ({ ...q(text, null), ...(attribution ? { attribution } : {}) });
  const merged = mergeStoryQuotes([
    { articleId: 1, source: 'wire.example', published: null, seenAt: '1', quotes: [unnamed('The ferries will run again on Monday.', 'a source close to the mayor')] },
    { articleId: 2, source: 'daily.example', published: null, seenAt: '2', quotes: [unnamed('The ferries will run again from Monday.', 'a source close to the mayor')] },
    { articleId: 3, source: 'metro.example', published: null, seenAt: '3', quotes: [unnamed('The ferries will run again on Monday.', 'an aide')] },
    { articleId: 4, source: 'metro.example', published: null, seenAt: '4', quotes: [unnamed('Fish stocks are collapsing faster than anyone predicted.')] },
  ]);
  assert.deepEqual(merged.map((m) => [m.sources.length, m.attribution]), [[3, 'a source close to the mayor'], [1, null]]);
});

test("a body's quote keeps the spokesperson it spoke through", () => {
  const voiced = { ...q('The line will keep its Asia service calling at Saltvik for now.', 'Vestby Shipping'), attribution: 'a spokesman for Vestby Shipping' };
  const merged = mergeStoryQuotes([{ articleId: 1, source: 'ledger.example', published: null, seenAt: '1', quotes: [voiced, q('Fish stocks are collapsing faster than anyone predicted.', 'Paul Okafor')] }]);
  assert.deepEqual(merged.map((m) => [m.speaker, m.attribution]), [['Vestby Shipping', 'a spokesman for Vestby Shipping'], ['Paul Okafor', null]]);
  // One outlet names the speaker, another only describes a source: the named speaker, no description.
  const mixed = mergeStoryQuotes([
    { articleId: 1, source: 'wire.example', published: null, seenAt: '1', quotes: [q('The ferries will run again on Monday.', 'Ana Ribeiro')] },
    { articleId: 2, source: 'daily.example', published: null, seenAt: '2', quotes: [{ ...q('The ferries will run again on Monday.', null), attribution: 'a source close to the mayor' }] },
  ]);
  assert.deepEqual(mixed.map((m) => [m.speaker, m.attribution, m.sources.length]), [['Ana Ribeiro', null, 2]]);
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

test('a 600-article story: one widely carried quote gathers every outlet, distinct quotes stay apart', () => {
  const vocabulary = 'ferries nets quotas winter salt trawlers pay rents pier cranes tides diesel loans school buses clinic nurses water pipes roads tolls wages docks grain mills bakers fuel ports storms ice permits fleets lights harbours markets prices rates banks votes seats wards bills courts jails farms'.split(' ');
  // Statement k shares at most half its word pairs with statement k + 1.
  const statement = (k: number): string => `We need ${vocabulary.slice(2 * k, 2 * k + 6).join(' and ')}.`;
  const items = Array.from({ length: 600 }, (_, i) => ({
    articleId: i + 1,
    source: `outlet-${i % 40}.example`,
    published: null,
    seenAt: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`,
    quotes: [
      q(i % 2 === 0 ? 'The harbour will reopen once the divers are done.' : '“The harbour will reopen once the divers are done,”', i % 3 === 0 ? 'Mayor Lena Brandt' : 'Lena Brandt'),
      q(statement(i % 20), 'Tomas Reyes'),
    ],
  }));
  const merged = mergeStoryQuotes(items);
  const harbour = merged.filter((m) => m.text.includes('harbour will reopen'));
  assert.equal(harbour.length, 1);
  assert.equal(harbour[0]!.sources.length, 600);
  assert.equal(harbour[0]!.speaker, 'Lena Brandt', 'the name most outlets used');
  const reyes = merged.filter((m) => m.speaker === 'Tomas Reyes');
  assert.equal(reyes.length, 20);
  assert.deepEqual(reyes.map((m) => m.sources.length), Array.from({ length: 20 }, () => 30));
});

test('entities of a long story merge by surname spelling, and a namesake of another type stays apart', () => {
  const merged = mergeStoryEntities(
    Array.from({ length: 400 }, (_, i) => ({
      articleId: i + 1,
      entities: [
        i % 2 === 0 ? { text: 'Okafor', start: 0, end: 6, type: 'person' as const, name: 'Okafor' } : { text: 'Mira Okaphor', start: 0, end: 12, type: 'person' as const, name: 'Mira Okafor' },
        { text: 'Okafor', start: 20, end: 26, type: 'place' as const, name: 'Okafor' },
        { text: `Councillor ${i % 50}`, start: 30, end: 40, type: 'person' as const, name: `Delegate Number${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}x` },
      ],
    })),
  );
  const person = merged.find((e) => e.type === 'person' && e.aliases.includes('Okafor'))!;
  assert.equal(person.name, 'Mira Okafor');
  assert.equal(person.articleIds.length, 400);
  assert.equal(merged.filter((e) => e.type === 'place').length, 1);
});

test('a lone surname that speaks joins the one person of the story with that surname, whatever type its article gave it', () => {
  const mention = (text: string, type: 'person' | 'organisation' | 'place', name = text) => ({ text, start: 0, end: text.length, type, name });
  const merged = mergeStoryEntities(
    [
      { articleId: 1, entities: [mention('Prime Minister Ilse Varga', 'person', 'Ilse Varga')] },
      { articleId: 2, entities: [mention('Varga', 'organisation'), mention('Brenner', 'organisation')] },
    ],
    { speakers: new Set(['Ilse Varga', 'Varga', 'Brenner']) },
  );
  const varga = merged.find((e) => e.name === 'Ilse Varga')!;
  assert.deepEqual(varga.articleIds, [1, 2]);
  assert.ok(varga.aliases.includes('Varga'));
  assert.ok(merged.some((e) => e.name === 'Brenner' && e.type === 'organisation'), 'no person to join: kept as it was');

  const namesakes = mergeStoryEntities(
    [
      { articleId: 1, entities: [mention('Henry Fordham', 'person'), mention('Fordham Motor', 'organisation')] },
      { articleId: 2, entities: [mention('Fordham', 'organisation')] },
    ],
    { speakers: new Set(['Fordham']) },
  );
  assert.ok(namesakes.some((e) => e.name === 'Fordham' && e.type === 'organisation'), 'the company with that name may be the one speaking');
});

test('a country is one place whatever name each outlet gives it', () => {
  const place = (text: string) => ({ text, start: 0, end: text.length, type: 'place' as const, name: text });
  const merged = mergeStoryEntities([
    { articleId: 1, entities: [place('U.S.'), place('Britain')] },
    { articleId: 2, entities: [place('United States'), place('U.K.'), place('Georgia')] },
  ]);
  const names = merged.map((e) => e.name).sort();
  assert.deepEqual(names, ['Georgia', 'United Kingdom', 'United States']);
  assert.deepEqual(merged.find((e) => e.name === 'United States')!.articleIds, [1, 2]);
  assert.ok(merged.find((e) => e.name === 'United Kingdom')!.aliases.includes('U.K.'));
});

test('a city written in its former spelling by one outlet and its current one by another is one place', () => {
  const place = (text: string) => ({ text, start: 0, end: text.length, type: 'place' as const, name: text });
  const merged = mergeStoryEntities([
    { articleId: 1, entities: [place('Kiev'), place('Odessa'), place('Burma')] },
    { articleId: 2, entities: [place('Kyiv'), place('Odesa'), place('Myanmar'), place('Odessa, Texas')] },
  ]);
  assert.deepEqual(merged.map((e) => [e.name, e.articleIds]), [['Kyiv', [1, 2]], ['Odesa', [1, 2]], ['Myanmar', [1, 2]], ['Odessa, Texas', [2]]]);
  assert.ok(merged[0]!.aliases.includes('Kiev'), 'the spelling each outlet used stays known');
});

test('a name typed a place in most articles of a story and an organisation in others is one place', () => {
  const mention = (text: string, type: 'person' | 'organisation' | 'place') => ({ text, start: 0, end: text.length, type, name: text });
  const merged = mergeStoryEntities([
    { articleId: 1, entities: [mention('Dravenby', 'place'), mention('Kelmark', 'organisation')] },
    { articleId: 2, entities: [mention('Dravenby', 'place'), mention('Kelmark', 'organisation')] },
    { articleId: 3, entities: [mention('Dravenby', 'organisation'), mention('Kelmark', 'place'), mention('Pellock', 'place')] },
    { articleId: 4, entities: [mention('Pellock', 'organisation')] },
  ]);
  const of = (name: string) => merged.filter((e) => e.name === name).map((e) => `${e.type} ${e.articleIds.join(',')}`);
  assert.deepEqual(of('Dravenby'), ['place 1,2,3']);
  assert.deepEqual(of('Kelmark'), ['organisation 1,2,3']);
  assert.deepEqual(of('Pellock').sort(), ['organisation 4', 'place 3'], 'one article each: no majority, both stay');
});

test('a name typed an organisation in most articles of a story and a person in another is one organisation', () => {
  const mention = (text: string, type: 'person' | 'organisation' | 'place') => ({ text, start: 0, end: text.length, type, name: text });
  const merged = mergeStoryEntities([
    { articleId: 1, entities: [mention('Halvard Terminals', 'organisation'), mention('Claudia Weiss', 'person')] },
    { articleId: 2, entities: [mention('Halvard Terminals', 'organisation')] },
    { articleId: 3, entities: [mention('Halvard Terminals', 'person'), mention('Claudia Weiss', 'person')] },
  ]);
  assert.deepEqual(merged.map((e) => `${e.type} ${e.name} ${e.articleIds.join(',')}`).sort(), ['organisation Halvard Terminals 1,2,3', 'person Claudia Weiss 1,3']);
});
