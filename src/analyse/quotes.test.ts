import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseArticle, createAnalysisContext } from './analyse-article.js';

const ctx = createAnalysisContext();
const directQuotes = (text: string): string[] => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => q.text);
/** Reported speech found in `text`: [who said it (name, else description), what was said]. */
const reported = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => !q.direct).map((q) => [q.speaker ?? q.attribution ?? null, q.text]);

test('a single scare-quoted word is not a direct quote, a quoted sentence is', () => {
  const text = [
    'Harbour Chief Calls New Ferry Schedule ‘Unworkable’ After Delays.',
    'The opposition called the timetable a "joke," "unworkable" and "late" in one statement.',
    '"We will run extra boats until the autumn," harbour chief Ines Duarte said.',
  ].join('\n');
  assert.deepEqual(directQuotes(text), ['We will run extra boats until the autumn,']);
});

test('a phrase woven into indirect speech stays indirect', () => {
  const text = 'The mayor said "road repairs" and new parking fees would cover the gap. Later she said "the timing is the problem."';
  assert.deepEqual(directQuotes(text), []);
  assert.deepEqual(directQuotes('A spokesman said by email that, “The mayor will not resign over this.”'), []);
  // The second half of a quote split by its cue starts in lower case and is still direct.
  const split = '"The bridge is safe," engineer Tom Hale said, "and it will reopen on Friday."';
  assert.deepEqual(directQuotes(split), ['The bridge is safe,', 'and it will reopen on Friday.']);
});

test('transcript turns and unclosed unattributed paragraph marks are not direct quotes', () => {
  const text = [
    'Part of the interview follows:',
    '"HOST: Welcome back. Let us talk about the budget vote tomorrow.',
    '"MINISTER: Thank you. The vote will pass, I am sure of it.',
    '"ANCHOR: Good evening and welcome to the late edition."',
    '"Follow our reporter on social media for more.',
  ].join('\n\n');
  assert.deepEqual(directQuotes(text), []);
});

test('a quote running over paragraphs without closing marks keeps its pieces', () => {
  const text = [
    'Council leader Rosa Lindqvist addressed the meeting.',
    '"The plan is ready. We have waited long enough.',
    '"Now we build," she said.',
  ].join('\n\n');
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct);
  assert.deepEqual(quotes.map((q) => q.text), ['The plan is ready. We have waited long enough.', 'Now we build,']);
  assert.deepEqual(quotes.map((q) => q.speaker), ['Rosa Lindqvist', 'Rosa Lindqvist']);
});

test('a name between the closing mark and the verb speaks, with a title, initials, party tag or apposition', () => {
  const speakers = (text: string): Array<string | null> =>
    analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => q.speaker);
  assert.deepEqual(speakers('The vote failed. "It is a sad day," Mr. Okonkwo added.'), ['Okonkwo']);
  assert.deepEqual(speakers('The vote failed. "Why was nobody told?" Brannigan asked.'), ['Brannigan']);
  assert.deepEqual(speakers('The vote failed. "We will try again," Rep. Dana Whitlock (D-Ore.), a committee member, said.'), ['Dana Whitlock']);
  // A quote closed by a full stop is followed by a new sentence, not by its speaker.
  assert.deepEqual(speakers('The vote failed. "It is over." Brannigan asked for a recount.'), [null]);
});

const speakers = (text: string): Array<[string, string | null]> =>
  analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => [q.text.split(' ').slice(0, 3).join(' '), q.speaker]);

test('a speaker after "said" with a bare description, or behind two appositions, is found', () => {
  const text = [
    '“The lock gates are older than the town hall,” said longtime canal keeper Mara Quist.',
    '“We cannot wait for another flood,” Oskar Lind, the deputy mayor of Ostby, one of the towns on the canal, said at a meeting.',
    '“Where is the money?” Lind demanded.',
  ].join('\n');
  assert.deepEqual(speakers(text), [['The lock gates', 'Mara Quist'], ['We cannot wait', 'Oskar Lind'], ['Where is the', 'Oskar Lind']]);
});

test('a quote whose sentence goes on and names its speaker after "said" is theirs, not the outlet that reports it', () => {
  const text = 'The Harbour Gazette reports: “Graduates of the maritime college are struggling to find berths” with the big shipping lines, said Jan Lipp, a professor at the college. “I think that is absurd.”';
  assert.deepEqual(speakers(text), [['Graduates of the', 'Jan Lipp'], ['I think that', 'Jan Lipp']]);
});

test('participles, coordinated verbs and an opening adverbial phrase keep the subject as speaker', () => {
  const text = [
    'The advert shows Governor Ilse Marten asking, “Who will pay for the bridge?”',
    'During a rally in the harbour district on Monday, Senator Pavel Orr attacked the budget, saying, “It is a tax on commuters.”',
    'Senator Ruth Abara waved the report and repeatedly says, “Read page nine.”',
  ].join('\n');
  assert.deepEqual(speakers(text), [['Who will pay', 'Ilse Marten'], ['It is a', 'Pavel Orr'], ['Read page nine.', 'Ruth Abara']]);
});

test('a quote paragraph continues the speaker of the paragraph before, unless someone new is named', () => {
  const text = [
    '“The port will reopen in May,” harbour master Jonas Feld said.',
    '“Until then the ferries use the north pier.”',
    '“That is not good enough,” said Senator Nina Holt.',
    'The ministry has not answered.',
    '“We were never asked.”',
  ].join('\n\n');
  assert.deepEqual(speakers(text), [
    ['The port will', 'Jonas Feld'], ['Until then the', 'Jonas Feld'], ['That is not', 'Nina Holt'],
    // A paragraph without a quote in between breaks the run: nobody is guessed.
    ['We were never', null],
  ]);
});

test('a quote opening its sentence after a sentence about a named person is theirs; a new sentence after a full stop is not a cue', () => {
  const text = [
    'Her former business partner, Lena Strom, called her the best negotiator in the valley. “She never lost a contract.”',
    '“The tunnel is finished.” Mayor Carl Weber opened it on Sunday.',
  ].join('\n');
  assert.deepEqual(speakers(text), [['She never lost', 'Lena Strom'], ['The tunnel is', null]]);
});

const indirect = (text: string): Array<[string | null, string]> =>
  analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => !q.direct).map((q) => [q.speaker, q.text]);

test('indirect speech starts where the reported clause starts, after a time phrase or the person told', () => {
  assert.deepEqual(indirect('Transport Minister Ilse Brandt said on Monday she would visit the depot the next day.'), [
    ['Ilse Brandt', 'she would visit the depot the next day'],
  ]);
  assert.deepEqual(indirect('Mayor Paul Okafor told reporters the town had opened two shelters in schools.'), [
    ['Paul Okafor', 'the town had opened two shelters in schools'],
  ]);
  assert.deepEqual(indirect('Paul Okafor told a news conference after the council meeting that the budget would cover repairs.'), [
    ['Paul Okafor', 'the budget would cover repairs'],
  ]);
  // What was said comes before the cue when a time phrase and an aside follow it.
  assert.deepEqual(indirect('The council will spend EUR 4 million on repairs, Mayor Paul Okafor announced on Wednesday, two days after the storm.'), [
    ['Paul Okafor', 'The council will spend EUR 4 million on repairs'],
  ]);
});

test('a headline that "warns of" something and a clause about "notes" are not reported speech', () => {
  assert.deepEqual(indirect('Okafor warns of difficult budget talks'), []);
  assert.deepEqual(indirect('Engineers traced the leak to a corroded valve that had been flagged in inspection notes as early as 2021.'), []);
});

test('"the minister said" is the one minister the article named, and nobody when two could be meant', () => {
  const one = 'Infrastructure Minister Tomas Varga visited the dam on Monday.\nThe minister said the barrier would hold through the spring tide.';
  assert.deepEqual(indirect(one), [['Tomas Varga', 'the barrier would hold through the spring tide']]);
  const two = 'Health Minister Ana Ruiz met Finance Minister Tom Hale on Monday.\nThe minister said the hospital budget would rise next year.';
  assert.deepEqual(indirect(two), [[null, 'the hospital budget would rise next year']]);
});

test('a title given in apposition names the speaker; a nationality before the title must match', () => {
  const speakers = (text: string): Array<string | null> => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => q.speaker);
  const after = 'Marta Kowal, the Polish prime minister, opened the port on Monday.\n"It is a good day for Gdynia," the prime minister told reporters.';
  assert.deepEqual(speakers(after), ['Marta Kowal']);
  const before = 'The Danish foreign minister, Lars Holm, flew to Oslo.\n"We signed it," the Danish foreign minister said.';
  assert.deepEqual(speakers(before), ['Lars Holm']);
  // Another country's minister is not the one the article named.
  const other = 'Danish Foreign Minister Lars Holm flew to Oslo.\n"We will wait," the Norwegian foreign minister said.';
  assert.deepEqual(speakers(other), [null]);
  // "an aide to the governor" is not the governor.
  const aide = 'Lena Holt, an aide to the governor, spoke first.\n"The roads are closed," the governor said.';
  assert.deepEqual(speakers(aide), [null]);
});

test('a phrase without commas between a name and its verb keeps the name as speaker, and as the one "he" refers to', () => {
  const text =
    'With the river still rising, Mayor Tomas Greer in a late statement to residents Tuesday again said the barrier would hold.\n' +
    'He said engineers would stay on the dam overnight.';
  assert.deepEqual(indirect(text), [
    ['Tomas Greer', 'the barrier would hold'],
    ['Tomas Greer', 'engineers would stay on the dam overnight'],
  ]);
  // A name inside the phrase is not its subject: "talks with Greer in the town hall".
  assert.deepEqual(indirect('Talks with Tomas Greer in the town hall on Tuesday said little about the barrier budget.'), []);
});

test('a reporting verb after "and" shares the subject of the first verb, named or in apposition', () => {
  const text = [
    'Halden Freight\'s chief executive, Ruth Kessler, called the walkout "reckless" and said the company\'s offer was the best in a decade.',
    'Mayor Ana Ruiz met the engineers and later said the bridge would reopen on Friday.',
  ].join('\n');
  assert.deepEqual(indirect(text), [
    // Calling the walkout reckless is a judgement she said, too.
    ['Ruth Kessler', 'the walkout "reckless"'],
    ['Ruth Kessler', 'the company\'s offer was the best in a decade'],
    ['Ana Ruiz', 'the bridge would reopen on Friday'],
  ]);
  // Not the person met before the comma, and no description made of "the mayor smiled and".
  const quotes = analyseArticle({ text: 'After meeting Tom Hale, the mayor smiled and said the bridge would reopen.', published: '2025-06-02' }, ctx).quotes;
  assert.deepEqual(quotes.filter((q) => q.speaker === 'Tom Hale' || /and$/.test(q.attribution ?? '')), []);
});

test('a name after "by" is not the subject a later pronoun refers to', () => {
  const text = 'Prime Minister Yrsa Brandt said the review would be led by Judge Torvild Lind, a former prosecutor.\n“I wanted the facts first,” she said.';
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct);
  assert.deepEqual(quotes.map((q) => q.speaker), ['Yrsa Brandt']);
});

test('a pronoun after a sentence whose speaker reports what someone else will do refers to the speaker, not to the subject of the reported clause', () => {
  const text = (pronoun: string): string => [
    'Prime Minister Maria Brandt ordered a review of the ferry crossing on Monday.',
    `Brandt said a former harbour master, Kaspar Lind, would lead the review and report by June. “People were told the boats were safe. They deserve to know why they were not,” ${pronoun} said.`,
  ].join('\n');
  const speakers = (pronoun: string): Array<string | null> =>
    [...new Set(analyseArticle({ text: text(pronoun), published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct).map((q) => q.speaker))];
  assert.deepEqual(speakers('she'), ['Maria Brandt']);
  // The main clause's subject only where the pronoun fits it: "he" is the man the reported clause names.
  assert.deepEqual(speakers('he'), ['Kaspar Lind']);
});

test('"the minister" is the one titled "Minister of Infrastructure", not a prime minister named later', () => {
  const text = [
    'The cabinet will spend 40 million euros on repairs, the Minister of Infrastructure Tomas Varga announced on Wednesday.',
    'The minister said that the sea wall would hold during the spring tide on Saturday.',
    'Prime Minister Maria Brandt, who visited the town on Tuesday, has so far resisted calls for an inquiry.',
  ].join('\n');
  const said = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.find((q) => q.text.startsWith('the sea wall would hold'));
  assert.equal(said?.speaker, 'Tomas Varga');
  // The wife is someone else than the president her title names.
  const wife = analyseArticle({ text: 'President Tomas Varga opened the bridge. The wife of President Varga, Maria Brandt, said the town had waited years for it.', published: '2025-06-02' }, ctx).quotes;
  assert.ok(!wife.some((q) => q.speaker === 'Tomas Varga'), JSON.stringify(wife.map((q) => q.speaker)));
});

test('reported speech after a participle or a second verb is said by the subject of the sentence', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.text]);
  assert.deepEqual(said('Harbour Minister Lena Holt welcomed the ruling, saying it would give the ferry crews some certainty.'), [['Lena Holt', 'it would give the ferry crews some certainty']]);
  assert.deepEqual(said("The crews' union leader, Jonas Feld, accepted the offer but said the overtime ban would stay in place."), [['Jonas Feld', 'the overtime ban would stay in place']]);
  // The officer of a body opening the sentence speaks, not the body.
  assert.deepEqual(
    said('Harnsby Ferries chief executive Maria Brandt on Monday cut the timetable, telling the council that the older boats would be sold.'),
    [['Maria Brandt', 'the older boats would be sold']],
  );
  // The attribution inside the sentence after a short opening: what was said is the whole sentence.
  assert.deepEqual(said('Jonas Feld rejected that. The council, he said, had ignored every warning about the pier.'), [['Jonas Feld', 'The council, he said, had ignored every warning about the pier']]);
  // "..., which, according to X, would ...": X said the relative clause, not the sentence before it.
  assert.deepEqual(
    said('The council has not offered the crews any guarantees, which, according to Jonas Feld, would be needed before the vote.'),
    [['Jonas Feld', 'would be needed before the vote']],
  );
  // Verbs of saying in the present and their kin: "estimates that", "replied that".
  assert.deepEqual(said('Jonas Feld replied that the council had never asked the crews.'), [['Jonas Feld', 'the council had never asked the crews']]);
  assert.deepEqual(said('Harnsby Ferries estimates that the new boats will cut fuel use by a third.'), [['Harnsby Ferries', 'the new boats will cut fuel use by a third']]);
  // A second verb of saying ends the first one's clause and opens its own; a semicolon ends what was said.
  assert.deepEqual(said('Jonas Feld said the council would review the timetable and warned that two routes could close.'), [
    ['Jonas Feld', 'the council would review the timetable'],
    ['Jonas Feld', 'two routes could close'],
  ]);
  assert.deepEqual(said('Jonas Feld said the crews had not been consulted; the council met them only on Friday.'), [['Jonas Feld', 'the crews had not been consulted']]);
  // Calling something so is saying it is so; a call for something, a name given, is not.
  assert.deepEqual(said('Jonas Feld called the new timetable a betrayal of the island crews.'), [['Jonas Feld', 'the new timetable a betrayal of the island crews']]);
  assert.deepEqual(said('Jonas Feld called for a new timetable before the winter season.'), []);
  assert.deepEqual(said('The ferry was called Harnsby Star by the first crews who sailed it.'), []);
  assert.deepEqual(said('The ferry crews called a strike on Monday after the talks broke down.'), []);
  // A participle that is no verb of saying, or a comma before nothing reported, gives nothing.
  assert.deepEqual(said('Lena Holt left the hall, saying nothing.'), []);
});

test('a word that names a property of every object ("constructor") is not a pronoun for the last person named', () => {
  const text = 'Mayor Lena Holt visited the yard. Constructor said the deck would carry trams by May.';
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes;
  assert.ok(!quotes.some((q) => q.speaker === 'Lena Holt'), '"Constructor" is not "she"');
});

test('a source the article describes but does not name is kept as said, whole', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null]);
  assert.deepEqual(said('The ferries will run again on Monday, a source close to Mayor Lena Holt said on Thursday.'), [[null, 'a source close to Mayor Lena Holt']]);
  assert.deepEqual(said('The pier will reopen in May, a spokesperson for the port authority said.'), [[null, 'a spokesperson for the port authority']]);
  assert.deepEqual(said('“We will not wait,” said a spokesperson for the port authority.'), [[null, 'a spokesperson for the port authority']]);
  assert.deepEqual(said('The talks had stalled, two diplomats familiar with the matter said.'), [[null, 'two diplomats familiar with the matter']]);
  // A group without an article: "officials said", "Senior officials said", "two diplomats told".
  assert.deepEqual(said('Turnout fell sharply in the north, officials said.'), [[null, 'officials']]);
  assert.deepEqual(said('Senior officials said the road would stay closed until Friday.'), [[null, 'senior officials']]);
  assert.deepEqual(said('Two diplomats told reporters the talks had stalled.'), [[null, 'two diplomats']]);
  // Named again later by its head noun alone, it is the same source.
  assert.deepEqual(said('The ferries will run again on Monday, a source close to Mayor Lena Holt said. The pier opens first, the source said.'), [
    [null, 'a source close to Mayor Lena Holt'], [null, 'a source close to Mayor Lena Holt'],
  ]);
  // A named speaker needs no description; an unresolved pronoun is no description.
  assert.deepEqual(said('The pier will reopen in May, harbour master Jonas Feld said.'), [['Jonas Feld', null]]);
  assert.deepEqual(said('“We will not wait,” he said.'), [[null, null]]);
});

test('"told reporters" with a place or time after it ends the attribution: what was said came before', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.text]);
  assert.deepEqual(said('The ferries will run every hour from June, harbour master Jonas Feld told reporters in Tarrholm after talks that ran past midnight.'), [
    ['Jonas Feld', 'The ferries will run every hour from June'],
  ]);
  assert.deepEqual(said('The ferries will run every hour from June, harbour master Jonas Feld told reporters.'), [['Jonas Feld', 'The ferries will run every hour from June']]);
  // A "that" with a subject after it is still the reported clause.
  assert.deepEqual(said('Harbour master Jonas Feld told a news conference after the board meeting that the ferries would run every hour.'), [
    ['Jonas Feld', 'the ferries would run every hour'],
  ]);
  // "told waiting reporters: “...”" is the direct quote, once.
  const direct = analyseArticle({ text: 'At 5am on Friday, after 19 hours of talks, Jonas Feld walked out and told waiting reporters: “We have a deal.”', published: '2025-06-02' }, ctx).quotes;
  assert.deepEqual(direct.map((q) => [q.speaker, q.direct]), [['Jonas Feld', true]]);
});

test('a wire dateline is not part of what was said, and a description names the one person titled so later', () => {
  const text = [
    'SALTVIK, June 2 (CPA) - Ferry crews and the operator Nordlink reached a deal on Monday to end a week-long strike, the government-appointed mediator said.',
    'The deal gives crews a 4% rise, mediator Ingrid Sol told reporters.',
  ].join('\n\n');
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes;
  assert.deepEqual(quotes.map((q) => [q.speaker, q.text]), [
    ['Ingrid Sol', 'Ferry crews and the operator Nordlink reached a deal on Monday to end a week-long strike'],
    ['Ingrid Sol', 'The deal gives crews a 4% rise'],
  ]);
  // A body named by the same word is not the person titled with it: "union president X" is not "the union".
  const union = 'Union president Marta Holm spoke first.\nTwo thirds of members backed the deal, the union said.';
  assert.deepEqual(analyseArticle({ text: union, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null]), [[null, 'the union']]);
});

test('unnamed sources keep their whole description', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => q.attribution ?? null);
  assert.deepEqual(said('“He listens, and he does not leak,” said a former ferry union official who sat across the table from him in 2019.'), ['a former ferry union official']);
  assert.deepEqual(said('People close to the talks said the breakthrough came after midnight.'), ['people close to the talks']);
  assert.deepEqual(said('Officials said the road would reopen.'), ['officials']);
  assert.deepEqual(said('Democrats said the bill was dead.'), ['Democrats']);
  // "said one" after a group is one of that group.
  assert.deepEqual(said('Several older deckhands said the rise was too small. “We will strike again,” said one, who asked not to be named.'), [
    'several older deckhands', 'one of several older deckhands',
  ]);
  // "an estimated" is no verb of saying.
  const cargo = analyseArticle({ text: 'Cargo worth an estimated $40m was stuck at sea by Tuesday, the Saltvik Shippers\' Council said.', published: '2025-06-02' }, ctx).quotes;
  assert.deepEqual(cargo.map((q) => [q.speaker, q.text]), [["Saltvik Shippers' Council", 'Cargo worth an estimated $40m was stuck at sea by Tuesday']]);
});

test('"the union said" is the one union the article names; with two, or none, it stays a description', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null]);
  assert.deepEqual(said("The Saltvik Dockers' Union called the strike on Monday. Two thirds of members backed the deal, the union said."), [["Saltvik Dockers' Union", null]]);
  assert.deepEqual(said('Norholm Central Bank cut rates. Savings rates will fall by half a point from May, the bank said.'), [['Norholm Central Bank', null]]);
  assert.deepEqual(said("The Saltvik Dockers' Union and the Ferry Workers' Union met. Two thirds of members backed the deal, the union said."), [[null, 'the union']]);
  // A body named in one word ("Norbank") in the sentence before, beside another bank named earlier.
  const banks = 'Harnsby Central Bank cut its rate by half a point last week. On Monday, Harnbank said it would cut its variable rates from May 14. Its savings rates will fall in May, the bank said.';
  assert.deepEqual(said(banks), [['Harnbank', null], ['Harnbank', null]]);
  assert.deepEqual(said('The European Union sent observers. Two thirds of members backed the deal, the union said.'), [[null, 'the union']]);
});

test('the speaker is the person after a title, not the employer before it; a possessive employer is passed over', () => {
  const speakers = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => q.speaker);
  assert.deepEqual(speakers('“Tides are getting harder to predict,” said Saltvik University oceanography professor Ida Marsh.'), ['Ida Marsh']);
  assert.deepEqual(speakers('“The ferries will be late all week,” said Harbourcast’s Wren Calloway.'), ['Wren Calloway']);
  // "I’ve" opening a sentence is no name, and no speaker.
  assert.deepEqual(speakers('I’ve written our house style into the prompt, e.g. “Use short sentences and no jargon.”'), [null]);
});

test('what was written or said before the attribution, around it, or before a dash is kept whole; instructions and objects are not quotes', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.text]);
  assert.deepEqual(said('Tidal barriers can fail in several ways, Ida Marsh wrote in a report that was reviewed by the agency.'), [['Ida Marsh', 'Tidal barriers can fail in several ways']]);
  assert.deepEqual(said('Ida Marsh wrote that the barrier was never tested at full load.'), [['Ida Marsh', 'the barrier was never tested at full load']]);
  assert.deepEqual(said('If the model writes a summary that misses the point, editors rewrite it.'), []);
  assert.deepEqual(said('While most gates can be repaired in a week, Ida Marsh said, engineers should expect delays this winter.'), [
    ['Ida Marsh', 'While most gates can be repaired in a week, Ida Marsh said, engineers should expect delays this winter'],
  ]);
  assert.deepEqual(said('The repair will not hold for long, Ida Marsh said — while the gate closes now, its hinge is still cracked.'), [['Ida Marsh', 'The repair will not hold for long']]);
  assert.deepEqual(said('Ida Marsh tells the crews to check every hinge before the spring tide.'), []);
});

test('"according to" gives its source what the rest of the sentence says', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null, q.text]);
  assert.deepEqual(said('Repairs will take a month, according to Ida Marsh, chief engineer at the agency.'), [['Ida Marsh', null, 'Repairs will take a month']]);
  assert.deepEqual(said('According to police, the driver left the scene on foot.'), [[null, 'police', 'the driver left the scene on foot']]);
  assert.deepEqual(said('The deal is worth EUR 2 billion, according to people familiar with the plan.'), [[null, 'people familiar with the plan', 'The deal is worth EUR 2 billion']]);
});

test('a thing that "says" something is no source: with nobody named, described or referred to, there is no quote', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null, q.text]);
  assert.deepEqual(said('Read the labels; it usually just says something like “fragrance.”'), []);
  // An unresolved pronoun is still someone speaking.
  assert.deepEqual(said('He said the ferry would run again on Monday.'), [[null, null, 'the ferry would run again on Monday']]);
});

test('a title in quotes is not a quote', () => {
  assert.deepEqual(directQuotes('Her guide, “How To Build A Flood Barrier That Lasts”, sold well. “It took me ten years,” Ida Marsh said.'), ['It took me ten years,']);
});

test('"I" and "we" reporting outside a quote are the writer, not the last person named; an appeal is no statement', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.text]);
  assert.deepEqual(said('Harbour master Jonas Feld closed the pier. I told the council that the pier had been unsafe for years.'), [[null, 'the pier had been unsafe for years']]);
  assert.deepEqual(said('Harbour master Jonas Feld urged residents to stay away from the quay.'), []);
  assert.deepEqual(said('The pier was never inspected, Jonas Feld noted; the board had cut the budget.'), [['Jonas Feld', 'The pier was never inspected']]);
});

test('"now says", "police say" and "is claiming that" report speech too', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker ?? q.attribution ?? null, q.text]);
  assert.deepEqual(said('Mayor Ana Ruiz backed the pier plan last year. Ruiz now says she opposes the plan.'), [['Ana Ruiz', 'she opposes the plan']]);
  assert.deepEqual(said('Police say the driver fled on foot.'), [['police', 'the driver fled on foot']]);
  assert.deepEqual(said('Mayor Ana Ruiz spoke at the harbour. Ruiz is claiming that the pier was never inspected.'), [['Ana Ruiz', 'the pier was never inspected']]);
  // "a say" is no verb.
  assert.deepEqual(said('Residents want a say in the plan for the pier.'), []);
});

test("two apostrophes written for a quote mark (''...'') make a quote, and a sentence can open with them", () => {
  const text = "''The pier is safe,'' said Jonas Feld, the harbour master. He left. ''We will reopen on Monday,'' Feld said.";
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct);
  assert.deepEqual(quotes.map((q) => [q.speaker, q.text]), [['Jonas Feld', 'The pier is safe,'], ['Jonas Feld', 'We will reopen on Monday,']]);
  // The speaker after a long apposition closed by a comma.
  const long = "''It is a fair plan,'' Jonas Feld, the harbour master of Saltmere and a former director of the Coast Board at the ministry, said of the deal.";
  assert.deepEqual(analyseArticle({ text: long, published: '2025-06-02' }, ctx).quotes.map((q) => q.speaker), ['Jonas Feld']);
});

test('a company named in apposition to a described source stays in the description, and speaks through its spokesman', () => {
  const said = (text: string) => analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.map((q) => [q.speaker, q.attribution ?? null]);
  assert.deepEqual(said('A spokesman for one Saltvik-based line, Vestby Shipping, said it would keep its Asia service for now.'), [['Vestby Shipping', 'a spokesman for one Saltvik-based line, Vestby Shipping']]);
  assert.deepEqual(said('Fares will rise in May, a spokeswoman for Harnsby Ferries said.'), [['Harnsby Ferries', 'a spokeswoman for Harnsby Ferries']]);
  // A body not named stays a description; a source close to a body is not its voice.
  assert.deepEqual(said('Fares will rise in May, a spokeswoman for the ferry company said.'), [[null, 'a spokeswoman for the ferry company']]);
  assert.deepEqual(said('Fares will rise in May, a source close to Harnsby Ferries said.'), [[null, 'a source close to Harnsby Ferries']]);
});

test('"said the Rev. Name" gives the quote to the named cleric', () => {
  const text = 'The city is still counting the cost of the storm. "What looked normal was only normal for some," said the Rev. Amos Trelawney, of Harnsby Methodist Church.';
  const quote = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.find((q) => q.direct);
  assert.equal(quote?.speaker, 'Amos Trelawney');
});

test('a paragraph that ends "He said:" gives the quote in the next paragraph to him', () => {
  const text = 'Mayor Ines Duarte answered the harbour board on Monday.\n\nShe said:\n\n"We have a port that floods every winter. You walk down the quay and you get wet."';
  const quote = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.find((q) => q.direct);
  assert.equal(quote?.speaker, 'Ines Duarte');
});

test('"wrote Name for Outlet" gives the quote to the writer; "said people close to X" names nobody', () => {
  const text = 'A poll taken over two weeks shows the mayor ahead. “The impact of the debate is still small,” wrote Tomas Brenning for Harbour Polling. “We will know more next week,” said people close to Ines Duarte.';
  const quotes = analyseArticle({ text, published: '2025-06-02' }, ctx).quotes.filter((q) => q.direct);
  assert.equal(quotes[0]?.speaker, 'Tomas Brenning');
  assert.equal(quotes[1]?.speaker, null);
  assert.equal(quotes[1]?.attribution, 'people close to Ines Duarte');
});

test('reported speech whose subject is a plain noun phrase keeps it as the source; a long description between name and verb keeps the name', () => {
  assert.deepEqual(reported('The Harbour Pilots Association says the new channel would cut waiting times by half.'), [['Harbour Pilots Association', 'the new channel would cut waiting times by half']]);
  assert.deepEqual(reported("Valmora's port commissioner says an internal review found no fault in the crane logs."), [["Valmora's port commissioner", 'an internal review found no fault in the crane logs']]);
  assert.deepEqual(reported('Federal and regional inspectors said the two firms had ignored three written warnings.'), [['federal and regional inspectors', 'the two firms had ignored three written warnings']]);
  assert.deepEqual(
    reported("Ingrid Sola, director of the Centre for Coastal Studies at the University of Tarrholm's school of marine engineering, said the barrier had been built for a smaller surge."),
    [['Ingrid Sola', 'the barrier had been built for a smaller surge']],
  );
  // After a connective, a colon or a possessive; an auxiliary before the verb is not the source's.
  assert.deepEqual(reported('However, his lawyer said he would not answer questions from the harbour board.'), [['his lawyer', 'he would not answer questions from the harbour board']]);
  assert.deepEqual(reported('Anger at the port: crane drivers say the night shifts are unsafe.'), [['crane drivers', 'the night shifts are unsafe']]);
  assert.deepEqual(reported('Several former crane drivers have complained they were never trained on the new cranes.'), [['several former crane drivers', 'they were never trained on the new cranes']]);
  // A person described over several commas, and a time between a subject and its verb.
  assert.deepEqual(reported('Marta Lind, 61, of Saltmere, who has fished from the quay for forty years, said the new barrier had ruined the spring catch.'), [['Marta Lind', 'the new barrier had ruined the spring catch']]);
  assert.deepEqual(reported('Inspector Tomas Greer this week said the sluice gates had been serviced in March.'), [['Tomas Greer', 'the sluice gates had been serviced in March']]);
  // A participle after "by", and words of description before the name of the sentence's subject.
  assert.deepEqual(reported('Harbour master Ines Duarte answered the fishermen on Friday by saying the quay would stay open all winter.'), [['Ines Duarte', 'the quay would stay open all winter']]);
  assert.deepEqual(reported('Longtime rival Tomas Greer mocked the plan, saying nobody had costed the new pumps.'), [['Tomas Greer', 'nobody had costed the new pumps']]);
  // A group after a connective; a place opening the sentence right before its verb speaks for its government.
  assert.deepEqual(reported('But trawlermen and dockers say the barrier has emptied the lower bay of cod.'), [['trawlermen and dockers', 'the barrier has emptied the lower bay of cod']]);
  assert.deepEqual(reported('Tarrholm said the ferry subsidy would end in June.').map(([source]) => source), ['Tarrholm']);
  // A name the tagger does not know, a possessive inside, a subject after a clause joiner.
  assert.deepEqual(reported('McAllister said the pumps had run dry twice in March.'), [['McAllister', 'the pumps had run dry twice in March']]);
  assert.deepEqual(reported('The ferry line and its critics say the timetable cannot hold through the winter.'), [['the ferry line and its critics', 'the timetable cannot hold through the winter']]);
  assert.deepEqual(reported('The company moved its barges to Lowen Quay, where harbour pilots say the channel is too shallow for them.'), [['harbour pilots', 'the channel is too shallow for them']]);
  // What was said runs over "federal and state law" and "and thought of": no second verb of saying there.
  assert.deepEqual(reported('Tomas Greer said the operator broke federal and state law by closing the crossing.').map(([, what]) => what), ['the operator broke federal and state law by closing the crossing']);
  assert.deepEqual(reported('Ines Duarte said she had watched the quay rise from the water and thought of her father.').map(([, what]) => what), ['she had watched the quay rise from the water and thought of her father']);
  // What a poll or a report found, when "that" follows; a body found is no statement.
  assert.deepEqual(reported('A harbour board survey shows that most skippers want the old channel back.'), [['a harbour board survey', 'most skippers want the old channel back']]);
  assert.deepEqual(reported('Divers found the missing pump on the seabed on Tuesday.'), []);
  // "states" after "the suing" is a noun: no second statement by "the suing".
  assert.deepEqual(reported('Legal scholars said the suing states were overstating the reach of the agency.'), [['legal scholars', 'the suing states were overstating the reach of the agency']]);
});

test('a plural subject argues, warns or admits that; a charge and a demand with "that" report too; the same verbs without it do not', () => {
  assert.deepEqual(reported('Fishing crews argue that the barrier has emptied the lower bay of cod.'), [['fishing crews', 'the barrier has emptied the lower bay of cod']]);
  assert.deepEqual(reported('Harbour pilots warn that the channel is too shallow for the new ferries.'), [['harbour pilots', 'the channel is too shallow for the new ferries']]);
  assert.deepEqual(reported('Mayor Ana Ruiz charges that the operator hid the crane logs from inspectors.'), [['Ana Ruiz', 'the operator hid the crane logs from inspectors']]);
  // Another sense of the verb, an infinitive and a modal.
  assert.deepEqual(reported('The new rules help the operator maintain the image of a safe port.'), []);
  assert.deepEqual(reported('The board could deny them permits until the work is done.'), []);
  assert.deepEqual(reported('The system gives owners a way to report that a crane is faulty.'), []);
});

test('what follows an opening phrase of when or where, or "As X noted,", is what X said', () => {
  assert.deepEqual(
    reported('During her four years at the port, Ines Duarte said, the night shift had never been cut.'),
    [['Ines Duarte', 'the night shift had never been cut']],
  );
  assert.deepEqual(reported('As Ines Duarte noted on Monday, the quay has no money left for repairs.'), [['Ines Duarte', 'the quay has no money left for repairs']]);
  assert.deepEqual(reported('As several pilots have pointed out, the channel silts up every spring.'), [['several pilots', 'the channel silts up every spring']]);
  // "As" of time or manner is no attribution.
  assert.deepEqual(reported('As expected, the board approved the budget for the new quay.'), []);
});

test('a second speaker after ", though", agreeing or tweeting that, and going on after a quote each report a statement', () => {
  // What the first speaker said ends where the second one's clause begins.
  assert.deepEqual(
    reported('Tomas Greer said the union would picket the quay on Monday, though Ines Duarte acknowledged the strike was unlikely to last.'),
    [['Tomas Greer', 'the union would picket the quay on Monday'], ['Ines Duarte', 'the strike was unlikely to last']],
  );
  // ... or after the comma that closes an opening clause, with an adverb before the verb.
  assert.deepEqual(
    reported('Ines Duarte met the traders on Monday. While she acknowledged the quay needed more money, Duarte also noted the traders had waited long enough.'),
    [['Ines Duarte', 'the quay needed more money'], ['Ines Duarte', 'the traders had waited long enough']],
  );
  assert.deepEqual(reported('Ines Duarte agreed that the ferry timetable should change in winter.'), [['Ines Duarte', 'the ferry timetable should change in winter']]);
  assert.deepEqual(reported('Tomas Greer tweeted that the crossing would reopen before the holiday.'), [['Tomas Greer', 'the crossing would reopen before the holiday']]);
  // "Agreed to" is an act, not a statement.
  assert.deepEqual(reported('The operator agreed to repair the crane before the summer season.'), []);
  // After a direct quote, the participle's clause is the quoted speaker's too.
  assert.deepEqual(
    reported('“The pumps are ready,” Ines Duarte said in a statement, adding that the barrier would close at dusk.'),
    [['Ines Duarte', 'the barrier would close at dusk']],
  );
  // A participle that leads into a direct quote adds no reported clause.
  assert.deepEqual(reported('“The pumps are ready,” Ines Duarte said, adding later, “The barrier closes at dusk.”'), []);
});

test('the turns of a transcript are what their speakers said: a person the article names, or a role in an exchange', () => {
  const interview = [
    'Harbour minister Ines Duarte spoke to the Sunday programme about the barrier.',
    '"HOST: Minister, the gates failed twice this winter. Who is responsible?',
    '"DUARTE: The contractor is responsible, and the inquiry will show it. We will not pay for their mistakes.',
    '"HOST: Will the quay reopen before the summer?',
    '"DUARTE: It will reopen in May, as we promised the traders.',
  ].join('\n\n');
  assert.deepEqual(reported(interview), [
    ['Host', 'Minister, the gates failed twice this winter. Who is responsible?'],
    ['Ines Duarte', 'The contractor is responsible, and the inquiry will show it. We will not pay for their mistakes.'],
    ['Host', 'Will the quay reopen before the summer?'],
    ['Ines Duarte', 'It will reopen in May, as we promised the traders.'],
  ]);
  // A label with an honorific is the person of that surname.
  assert.deepEqual(reported('Opposition leader Tomas Greer answered questions.\n\nMR. GREER: The minister ignored every warning about the hinges.'), [['Tomas Greer', 'The minister ignored every warning about the hinges.']]);
  // A lone label over a paragraph is a note to the reader, not a speaker.
  assert.deepEqual(reported('The ferry will sail on Monday.\n\nUPDATE: The sailing has been moved to Tuesday morning because of the storm.'), []);
});

test('a question asked, questioned or wondered about is reported speech; asking for something is not', () => {
  assert.deepEqual(reported('Ines Duarte questioned whether the contractor had ever tested the gates.'), [['Ines Duarte', 'whether the contractor had ever tested the gates']]);
  assert.deepEqual(reported('Harbour pilots asked why the channel had not been dredged since 2019.'), [['harbour pilots', 'why the channel had not been dredged since 2019']]);
  assert.deepEqual(reported('Tomas Greer asked for a meeting with the harbour board on Friday.'), []);
});

test('an attribution inside the sentence before a clause that opens with a noun phrase or a gerund: the whole sentence was said', () => {
  assert.deepEqual(
    reported('Ines Duarte spoke after the vote. That is why, she argued, the quay should be rebuilt before the winter.'),
    [['Ines Duarte', 'That is why, she argued, the quay should be rebuilt before the winter']],
  );
  assert.deepEqual(
    reported('Tomas Greer met the traders. Though the first repair went smoothly, he said, replacing the gates would take a year.'),
    [['Tomas Greer', 'Though the first repair went smoothly, he said, replacing the gates would take a year']],
  );
  // A noun phrase with no verb after the attribution is no clause of what was said.
  assert.deepEqual(
    reported('The barrier will close at dusk, Tomas Greer said, the third closure this month.').map(([, what]) => what),
    ['The barrier will close at dusk'],
  );
});

test('a subject described by a relative clause speaks, not the last noun of its clause', () => {
  assert.deepEqual(reported('Biologists who have counted the seals on the sandbanks for thirty years say the colonies will not survive it.'), [
    ['biologists who have counted the seals on the sandbanks for thirty years', 'the colonies will not survive it'],
  ]);
  assert.deepEqual(reported('The engineer who led the inspection said the gates had rusted shut.'), [['the engineer who led the inspection', 'the gates had rusted shut']]);
  assert.deepEqual(reported('Residents who live near the quay say the cranes are too loud at night.'), [['Residents who live near the quay', 'the cranes are too loud at night']]);
  // A named person with a relative clause is that person.
  assert.deepEqual(reported('Ines Falk who runs the terminal said the cranes would work at night.').map(([who]) => who), ['Ines Falk']);
});

test('"..., said X, her description, on Monday." is what X said: a closing time adds no clause', () => {
  assert.deepEqual(reported('The port wants to dredge the channel again, said Anneke Drost, its chief executive, on Monday.'), [['Anneke Drost', 'The port wants to dredge the channel again']]);
});
