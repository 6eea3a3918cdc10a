import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { defaultTagger, findEntities } from './entities.js';
import { tokenize } from './text-tokens.js';

const { gazetteer } = createAnalysisContext();
const entities = (text: string): Array<{ text: string; type: string; name: string; premodifier: boolean }> =>
  findEntities(tokenize(text), gazetteer).map((e) => ({ text: e.text, type: e.type, name: e.name, premodifier: e.premodifier }));

test('companies that speak stay organisations; a given name makes a person', () => {
  const found = entities([
    'Harlow Dynamics said on Monday it would cut 300 jobs at its plant in Leeds.',
    'Chief executive Karen Whitfield told analysts that Harlow Dynamics expected demand to recover.',
    'Pelham said the cuts were "painful but necessary".',
  ].join('\n'));
  assert.ok(found.some((e) => e.text === 'Harlow Dynamics' && e.type === 'organisation'));
  assert.ok(found.some((e) => e.text === 'Karen Whitfield' && e.type === 'person'));
  assert.ok(found.some((e) => e.text === 'Leeds' && e.type === 'place'));
  assert.ok(!found.some((e) => e.text.includes('Dynamics') && e.type === 'person'));
});

test('"the" belongs to organisation and place names; names before a noun are marked as modifiers', () => {
  const found = entities('The contract went to Corvane Aerospace after the Pentagon reviewed US airtanker bids, officials from the United States said.');
  assert.ok(found.some((e) => e.text === 'the Pentagon' && e.type === 'organisation'));
  assert.ok(found.some((e) => e.text === 'the United States' && e.type === 'place' && !e.premodifier));
  assert.ok(found.some((e) => e.text === 'US' && e.premodifier));
  assert.ok(found.some((e) => e.text === 'Corvane Aerospace' && e.type === 'organisation'));
});

test('model codes, currencies and units are not entities', () => {
  const found = entities('Skyline Air ordered ten A350 jets worth US$ 3 billion, each carrying 8 GB flight recorders.');
  assert.deepEqual(found.filter((e) => !e.premodifier).map((e) => e.text), ['Skyline Air']);
});

test('a given name that is also a town, or a surname that is also a given name, still makes a person', () => {
  const found = entities([
    'Shareholders at the annual meeting applauded Mary Tolland when she spoke about the results of the year.',
    'Investors cheered when John Smith joined the board of the mining group in the spring.',
  ].join('\n'));
  assert.ok(found.some((e) => e.text === 'Mary Tolland' && e.type === 'person'));
  assert.ok(found.some((e) => e.text === 'John Smith' && e.type === 'person'));
});

test('"Company CEO Name" is an organisation and a person, and the surname alone stays the person', () => {
  const found = entities([
    'Halvard Motor Company CEO Ruth Kessler said sales would rise next year.',
    'Kessler spoke to reporters in Oslo after the meeting.',
  ].join('\n'));
  assert.ok(found.some((e) => e.text === 'Halvard Motor Company' && e.type === 'organisation'));
  assert.ok(found.some((e) => e.text.endsWith('Ruth Kessler') && e.type === 'person' && e.name === 'Ruth Kessler'));
  assert.ok(found.some((e) => e.text === 'Kessler' && e.type === 'person'));
  assert.ok(!found.some((e) => e.text.includes('Kessler') && e.type === 'organisation'));
});

test('a name ending in a place word is a place even with an organisation word in it', () => {
  const found = entities('After a long delay the plane landed at Kingsford International Airport, where the crew left the aircraft.');
  assert.ok(found.some((e) => e.text === 'Kingsford International Airport' && e.type === 'place'));
});

test('a name followed by a verb ending in -s ("says", "has") or by "this" is not a modifier of a plural noun', () => {
  const found = entities('After the vote the Assembly says the budget will pass, and the Treasury has agreed to it this week in the Senate this time.');
  assert.ok(found.some((e) => e.text === 'the Assembly' && !e.premodifier));
  assert.ok(found.some((e) => e.text === 'the Treasury' && !e.premodifier));
  assert.ok(found.some((e) => e.text === 'the Senate' && !e.premodifier));
});

test('a country\'s government is the country, a place; a named body stays an organisation', () => {
  const found = entities('Loans came from the Canadian Government and the United States Government on Monday, while the Harlow Dynamics Group said it would pay the rest.');
  assert.ok(found.some((e) => e.text === 'the Canadian Government' && e.type === 'place'));
  assert.ok(found.some((e) => e.text === 'the United States Government' && e.type === 'place'));
  assert.ok(found.some((e) => e.text === 'the Harlow Dynamics Group' && e.type === 'organisation'));
});

test('"the HSA" stays a mention where the article spelled the name out, even if the tagger passed it over', async () => {
  const { LABELS, loadTagger } = await import('./entity-tagger.js');
  // A tagger that tags nothing: what is left comes from the rules' names the fusion keeps.
  const silent = loadTagger({ labels: LABELS, templates: [], weights: {}, transitions: new Array((LABELS.length + 1) * LABELS.length).fill(0) });
  const mentions = (text: string): string[] => findEntities(tokenize(text), gazetteer, silent).map((e) => e.text);
  const spelled = mentions('The Harwell Shipping Authority on Monday ordered a review of the port contract. Brantley Marine protested before the HSA, saying the review was unfair.');
  assert.ok(spelled.includes('the HSA'), JSON.stringify(spelled));
  const unexplained = mentions('Brantley Marine protested before the HSA, saying the review was unfair.');
  assert.ok(!unexplained.includes('the HSA'), JSON.stringify(unexplained));
});

test('"Dayton, Ohio" is one place mention and holds the state, not the town, as a mention of its own', () => {
  const found = findEntities(tokenize('Brantley Motors will close its plant in Dayton, Ohio, next year, the company said.'), gazetteer, defaultTagger()).map((e) => e.text);
  assert.ok(found.includes('Dayton, Ohio'), JSON.stringify(found));
  assert.ok(found.includes('Ohio'), JSON.stringify(found));
  assert.ok(!found.includes('Dayton'), JSON.stringify(found));
});

test('a legal form tagged alone ("Ltd.") takes in the company name before it', async () => {
  const { withCompanyNames } = await import('./entities.js');
  const doc = tokenize('The tankers will be owned by Skyreach Ltd., an Acme-led consortium. Sales rose at Brantley Inc. on Monday.');
  const at = (word: string): number => doc.tokens.findIndex((t) => t.text === word);
  const spans = withCompanyNames(doc.tokens, [{ first: at('Ltd'), last: at('Ltd') + 1, type: 'person' }, { first: at('Brantley'), last: at('Inc'), type: 'organisation' }]);
  const text = spans.map((s) => `${doc.text.slice(doc.tokens[s.first]!.start, doc.tokens[s.last]!.end)}/${s.type}`);
  assert.deepEqual(text, ['Skyreach Ltd./organisation', 'Brantley Inc/organisation']);
});

test('places listed with commas keep each their own mention; only "Town, State" drops the town', () => {
  const found = findEntities(tokenize('The campaign will run ads in the swing states of Ohio, Florida, and Nevada before the vote.'), gazetteer, defaultTagger()).map((e) => e.text);
  for (const state of ['Ohio', 'Florida', 'Nevada']) assert.ok(found.includes(state), JSON.stringify(found));
});

test('a surname that speaks as people do is a person, even where the article never gives the full name', () => {
  const text = [
    'During the meeting on Saturday, Halvorsen urged the others to agree to a ceasefire.',
    'Halvorsen mentioned that planners would meet again in Oslo on Thursday.',
    'Brantley Motors said the plan would cost jobs.',
  ].join('\n');
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize(text), gazetteer, tagger).map((e) => `${e.text}/${e.type}`);
    assert.ok(found.includes('Halvorsen/person'), JSON.stringify(found));
    assert.ok(found.includes('Brantley Motors/organisation'), JSON.stringify(found));
  }
});

test('the people of a country ("Singaporeans") are no name; "the Pentagon" is kept where the tagger passes it over', () => {
  const found = findEntities(tokenize('The new terminal is a source of pride for all Singaporeans, the minister said. The deal was killed by the Pentagon last year.'), gazetteer, defaultTagger())
    .map((e) => `${e.text}/${e.type}`);
  assert.ok(!found.some((e) => e.startsWith('Singaporeans')), JSON.stringify(found));
  assert.ok(found.includes('the Pentagon/organisation'), JSON.stringify(found));
});

test('a city GeoNames names with a qualifier ("Frankfurt am Main") is a place by its short name', () => {
  const found = entities('The first of the jets flew from Frankfurt to Chicago on Monday.');
  assert.ok(found.some((e) => e.text === 'Frankfurt' && e.type === 'place'), JSON.stringify(found));
});

test('a wire dateline opens with a place in capitals, and the capitals are the name the article writes in normal case', () => {
  const text = [
    'DRAVENBY, Osterlund, March 3 (NPA) - Crews worked through the night to clear the roads.',
    'The council of Dravenby said schools would reopen on Thursday.',
  ].join('\n\n');
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize(text), gazetteer, tagger).map((e) => `${e.text}/${e.type}=${e.name}`);
    assert.ok(found.includes('DRAVENBY/place=Dravenby'), JSON.stringify(found));
    assert.ok(found.includes('Osterlund/place=Osterlund'), JSON.stringify(found));
    assert.ok(!found.some((e) => e.includes('/organisation=Dravenby') || e.includes('/organisation=DRAVENBY')), JSON.stringify(found));
  }
  const alone = entities('KELMARSH, May 6 (NPA) - Talks resumed on Tuesday.');
  assert.ok(alone.some((e) => e.text === 'KELMARSH' && e.type === 'place' && e.name === 'Kelmarsh'), JSON.stringify(alone));
  // A heading in capitals before a dash is no dateline; a known place is.
  const heading = entities('QUESTIONABLE CLAIMS — For years, the show was criticised by doctors.\n\nLOS ANGELES — The hearing was delayed.');
  assert.ok(!heading.some((e) => e.text.includes('QUESTIONABLE')), JSON.stringify(heading));
  assert.ok(heading.some((e) => e.text === 'LOS ANGELES' && e.type === 'place' && e.name === 'Los Angeles'), JSON.stringify(heading));
});

test('names joined by "&" are a firm, not a person', () => {
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize('The claims were assessed by Harriet & Cole, a loss adjuster, on Friday.'), gazetteer, tagger).map((e) => `${e.text}/${e.type}`);
    assert.ok(found.includes('Harriet & Cole/organisation'), JSON.stringify(found));
  }
});

test('"Storm Alda" names a weather system: no person, not even by the bare name', () => {
  const text = 'Storm Alda cut power to 10,000 homes on Monday. Forecasters said Hurricane Bertrand would weaken. Alda moved north overnight.';
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize(text), gazetteer, tagger).map((e) => `${e.text}/${e.type}`);
    assert.ok(!found.some((e) => /Alda|Bertrand/.test(e)), JSON.stringify(found));
  }
});

test('"the Minister of Transport Name Surname" is the person, the office is no part of an organisation name', () => {
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize('The plan was signed by the Minister of Transport David Orlen on Monday.'), gazetteer, tagger);
    assert.ok(found.some((e) => e.name === 'David Orlen' && e.type === 'person'), JSON.stringify(found.map((e) => `${e.text}/${e.type}`)));
    assert.ok(!found.some((e) => e.type === 'organisation' && e.name.includes('Orlen')), JSON.stringify(found.map((e) => `${e.text}/${e.type}`)));
  }
  // A lower-case office before "of" names the place: "the former mayor of New York City".
  const mayor = entities('Rudy Giuliani is the former mayor of New York City.');
  assert.ok(mayor.some((e) => e.text === 'New York City' && e.type === 'place'), JSON.stringify(mayor));
});

test('a name before a lower-case place noun ("Fenmoor province", "the Mellind central bank") or after "the town of" is a place', () => {
  const text = [
    'The storm cut power to homes in Fenmoor province on Sunday.',
    'Rescuers reached the coastal town of Pellock by boat.',
    'Officials in Garrowby said the roads were closed, and Garrowby’s harbour was shut.',
    'The Mellind central bank cut its main rate on Thursday.',
    'Water still stood in Corrach’s harbour quarter at dawn.',
  ].join('\n');
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize(text), gazetteer, tagger).map((e) => `${e.name}/${e.type}`);
    for (const place of ['Fenmoor', 'Pellock', 'Garrowby', 'Mellind', 'Corrach']) assert.ok(found.includes(`${place}/place`), JSON.stringify(found));
  }
});

test('"a stake in X" does not make a company a place', () => {
  const found = entities('Fiorano bought a stake in Corbel last year. Corbel shares rose, and later Fiorano raised its stake in Corbel.');
  assert.ok(!found.some((e) => e.text === 'Corbel' && e.type === 'place'), JSON.stringify(found));
});

test('a job title in lower case beside a name makes a person, given name known or not', () => {
  const text = [
    'The vote is on Friday, union president Darek Pollin said.',
    'Railco chief executive Oskaro Lindt said the trains were late.',
    'Later, Brannoc Sheel, the union\'s treasurer, read a statement.',
  ].join('\n');
  for (const tagger of [null, defaultTagger()]) {
    const found = findEntities(tokenize(text), gazetteer, tagger);
    for (const name of ['Darek Pollin', 'Oskaro Lindt', 'Brannoc Sheel']) {
      assert.ok(found.some((e) => e.name === name && e.type === 'person'), JSON.stringify(found.map((e) => `${e.text}/${e.type}`)));
      assert.ok(!found.some((e) => e.name === name && e.type !== 'person'), JSON.stringify(found.map((e) => `${e.text}/${e.type}`)));
    }
  }
});

test('"The Danish prime minister" opening a sentence is the prime minister the article named, not a person called "The Danish"', () => {
  const text = [
    'Danish Prime Minister Mette Holm has set out her plan for the northern ports, saying the harbours of Aalborg and Esbjerg would be dredged first.',
    'Over the past two years, many shipping firms have asked for deeper berths at both ports.',
    'The Danish prime minister announced new funding worth 4 billion kroner, including cranes and rail links.',
  ].join('\n');
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  const people = found.filter((e) => e.type === 'person').map((e) => [e.text, e.name]);
  assert.deepEqual(people, [['Danish Prime Minister Mette Holm', 'Mette Holm'], ['The Danish prime minister', 'Mette Holm']]);
});

test('a short verb between two names ("met", "meets") parts them: no person "Ana Ruiz met Tom Hale"', () => {
  const found = findEntities(tokenize('Mayor Ana Ruiz met Tom Hale on Monday, and Governor Lena Holt meets Karl Weiss in Tarrholm today.'), gazetteer, defaultTagger());
  const people = found.filter((e) => e.type === 'person').map((e) => e.text);
  assert.ok(people.every((p) => !/ met | meets /.test(p)), JSON.stringify(people));
  assert.ok(people.includes('Tom Hale') && people.some((p) => p.endsWith('Ana Ruiz')), JSON.stringify(people));
});

test('a month that is a given name or surname is a name; a month before a date is not', () => {
  const names = (text: string): string[] => entities(text).map((e) => `${e.name}:${e.type}`);
  assert.ok(names('“It is done,” said Jan Petersen, who runs a shop.').includes('Jan Petersen:person'));
  assert.ok(names('Prime Minister Theresa May said the vote would go ahead.').includes('Theresa May:person'));
  assert.ok(names('April Ryan, a reporter, asked the first question.').includes('April Ryan:person'));
  assert.deepEqual(names('In May Parliament voted on the bill.'), ['Parliament:organisation']);
  assert.deepEqual(names('Prices rose in Jan 2024 and fell on Jan. 5.'), []);
});

test('a plural possessive inside a body\'s name keeps the whole name', () => {
  const found = entities("The Saltvik Dockers' Union said on Monday it would strike. The Shippers’ Council disagreed.");
  assert.ok(found.some((e) => e.name === "Saltvik Dockers' Union" && e.type === 'organisation'), JSON.stringify(found));
  assert.ok(found.some((e) => e.name === 'Shippers’ Council' && e.type === 'organisation'));
  assert.ok(!found.some((e) => e.name === 'Union' || e.name === 'Council'));
});

test('a name with a job title beside it, or right after "said", is a person even when its given name is unknown', () => {
  const typeOf = (text: string, name: string) => entities(text).find((e) => e.name === name)?.type;
  assert.equal(typeOf('Demand is rising, according to Poonam Lamba, senior product manager at Harbourcast.', 'Poonam Lamba'), 'person');
  assert.equal(typeOf('“Demand is rising,” said Savannah Peterson.', 'Savannah Peterson'), 'person');
  assert.equal(typeOf('Platforms need owners, according to Ameenah Burhan, solutions architect for Harbourcast, at the meeting on Monday.', 'Ameenah Burhan'), 'person');
  // A company after "said" stays a company.
  assert.equal(typeOf('“Demand is rising,” said Harlow Dynamics.', 'Harlow Dynamics'), 'organisation');
});

test('a lone given name is the one person the article named with it; a capitalised noun opening the sentence is no part of the name', () => {
  const found = entities('Creator Kevin Cureghian and Sam Bernard tested the gear. Bernard liked it. Kevin recommends the Opal camera.');
  assert.ok(found.some((e) => e.text === 'Kevin Cureghian' && e.type === 'person'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Kevin' && e.name === 'Kevin Cureghian' && e.type === 'person'));
  // Two people with that given name: the lone one stays unresolved.
  const two = entities('Kevin Cureghian and Kevin Marsh tested the gear. Kevin liked it.');
  assert.ok(!two.some((e) => e.text === 'Kevin' && e.name !== 'Kevin'));
});

test('a lone first word of the one organisation the article names in full is that organisation', () => {
  const found = entities('Halvard Terminals offered 3%. The offer from Halvard was fair, officials said. Aldwin Works Ltd will build the trains. The order gives Aldwin work for years.');
  assert.ok(found.some((e) => e.text === 'Halvard' && e.name === 'Halvard Terminals' && e.type === 'organisation'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Aldwin' && e.name === 'Aldwin Works Ltd'));
  // After "in", the word is the place the body is named after.
  const town = entities("The Harnsby Dockers' Union called a strike on Monday. Rents in Harnsby rose 9% last year.");
  assert.ok(town.some((e) => e.text === 'Harnsby' && e.name === 'Harnsby' && e.type === 'place'), JSON.stringify(town));
});

test('a given name the English lists lack ("Olaf", "Volodymyr") still makes a person, with no other cue', () => {
  const found = entities('Olaf Brenning met Volodymyr Haidai in Tarrholm on Tuesday, and the two signed the accord after a long night of talks over grain exports.');
  assert.ok(found.some((e) => e.text === 'Olaf Brenning' && e.type === 'person'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Volodymyr Haidai' && e.type === 'person'), JSON.stringify(found));
});

test('a lone given name that speaks is the one person the article named with it', () => {
  const found = entities('Donald Pemberton opened the rally in Harnsby on Tuesday. Later that night, Donald told reporters the crowd had been the largest of the year.');
  assert.ok(found.some((e) => e.text === 'Donald' && e.name === 'Donald Pemberton' && e.type === 'person'), JSON.stringify(found));
});

test('a person stays a person beside a body named after them, a party word and a nickname are no part of the name', () => {
  const found = entities([
    'Democrat Marla Quist opened her campaign in Harnsby on Monday, where the Quist Foundation paid for the stage.',
    'Rival Marla Quist had mocked the complaint, and "Sleepy Marla Quist" is what her opponent called her in a post.',
    'Marla Quist says the foundation has done nothing wrong.',
  ].join('\n'));
  const quist = found.filter((e) => e.text.endsWith('Marla Quist'));
  assert.ok(quist.length >= 3 && quist.every((e) => e.type === 'person' && e.name === 'Marla Quist'), JSON.stringify(quist));
  assert.ok(found.some((e) => e.name === 'Quist Foundation' && e.type === 'organisation'), JSON.stringify(found));
});

test('a lone surname is the person the article named, even beside a body that bears the name', () => {
  const found = findEntities(tokenize([
    'Marla Quist opened her campaign in Harnsby on Monday.',
    'Quist University, which she founded, was sued by former students last year.',
    'The suit against Quist’s school goes to trial in May. Quist’s plan for the port was the centre of her speech.',
  ].join(' ')), gazetteer, defaultTagger());
  const lone = found.filter((e) => e.text === 'Quist');
  assert.ok(lone.length === 2 && lone.every((e) => e.type === 'person' && e.name === 'Marla Quist'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Quist University' && e.type === 'organisation'), JSON.stringify(found));
});

test('a sentence that opens with a place of several words keeps its first word ("The New York Times", "North Carolina")', () => {
  const text = 'Campaign donors gave less this year, and few new donors joined. The New York Times reports that the gap is widening. North Carolina voters were not asked, the north of the state said.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  assert.ok(found.some((e) => e.text === 'The New York Times' && e.type === 'organisation'), JSON.stringify(found));
  assert.ok(!found.some((e) => e.text === 'York Times'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'North Carolina' && e.type === 'place'), JSON.stringify(found));
});

test('a body\'s name that opens a sentence keeps its first words, even ones the article writes in lower case', () => {
  const text = 'Lenders with international reach cut rates. The International Monetary Fund warned on Tuesday that growth would slow, and the IMF asked for calm.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  assert.ok(found.some((e) => e.text === 'The International Monetary Fund' && e.type === 'organisation'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text.endsWith('IMF') && e.name === 'International Monetary Fund'), JSON.stringify(found));
});

test('a title that is also a surname, after a given name or "Mr.", is the surname ("Larry King", "Mr. King"); "Mr. President" is no name', () => {
  const text = 'Larry Kingsmill hosted the debate, and Dora King asked the first question. Mr. King, as the paper calls her, has covered six campaigns. "Thank you, Mr. President," she said to the chair.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  assert.ok(found.some((e) => e.text === 'Dora King' && e.type === 'person'), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Mr. King' && e.name === 'Dora King' && e.type === 'person'), JSON.stringify(found));
  assert.ok(!found.some((e) => e.name === 'President'), JSON.stringify(found));
});

test('a title-case headline\'s verb parts the names around it ("Marla Quist Calls Tom Harrow", "Dora King Says")', () => {
  const text = 'Marla Quist Calls Tom Harrow ‘A Disgrace’ Over Harbour Closure Comments.\nHarbour Deal Could Go Ahead, Dora King Says.\nMarla Quist said on Wednesday that the remarks by Tom Harrow were a disgrace, and Dora King agreed with her.';
  const names = findEntities(tokenize(text), gazetteer, defaultTagger()).map((e) => e.name);
  assert.ok(!names.some((n) => /Calls|Says/.test(n)), JSON.stringify(names));
  for (const n of ['Marla Quist', 'Tom Harrow', 'Dora King']) assert.ok(names.filter((x) => x === n).length >= 2, `${n}: ${JSON.stringify(names)}`);
});

test('a middle initial does not cut a name short ("Rep. Elijah E. Trelawney")', () => {
  // The tagger ends this one at the initial; the rules' name goes on.
  const text = '"One of the brightest members of the entire Congress," Rep. Elijah E. Trelawney (D-Md.) said in a phone interview.';
  const names = findEntities(tokenize(text), gazetteer, defaultTagger()).map((e) => e.name);
  assert.ok(names.includes('Elijah E. Trelawney'), JSON.stringify(names));
  assert.ok(!names.some((n) => /\bE$/.test(n)), JSON.stringify(names));
});

test('a name that says something and is then "she" is a person; one that is then "it" stays a body', () => {
  const person = findEntities(tokenize('Kamala Tessaro met voters in Harnsby on Tuesday. Tessaro said the economy was strong, and she promised to cut costs for families.'), gazetteer, defaultTagger());
  assert.ok(person.some((e) => e.text === 'Kamala Tessaro' && e.type === 'person'), JSON.stringify(person));
  const body = findEntities(tokenize('Harlow Dynamics cut 300 jobs on Monday. Harlow Dynamics said it would close its plant in Leeds, and its chief executive said he regretted it.'), gazetteer, defaultTagger());
  assert.ok(body.every((e) => e.text !== 'Harlow Dynamics' || e.type === 'organisation'), JSON.stringify(body));
});

test('a direction before a place is part of it ("North Florida"), not a person named North whose surname every later "Florida" takes', () => {
  const text = 'The governor will travel to North Florida on Friday. Florida is a swing state, and she will hold rallies in Tampa and across Florida before the vote.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  assert.ok(!found.some((e) => e.type === 'person'), JSON.stringify(found));
});

test('a place after "in" stays the place though someone in the article bears its name', () => {
  const text = 'Denzel Washington attended the gala on Monday. In Washington, lawmakers said the bill would pass, and Washington told reporters he was proud of the film.';
  const found = findEntities(tokenize(text), gazetteer, defaultTagger());
  const lone = found.filter((e) => e.text === 'Washington');
  assert.deepEqual(lone.map((e) => e.type), ['place', 'person'], JSON.stringify(found));
});

test('a relative named with the same surname is another person, not a body and not the first one', () => {
  const found = entities('Police shot Tomas Lamont Greer on Tuesday. Ailsabet Greer can be heard yelling to the officers that her husband was unarmed.');
  assert.deepEqual(found.filter((e) => e.text.includes('Greer')).map((e) => [e.name, e.type]).filter(([n]) => n === 'Ailsabet Greer'), [['Ailsabet Greer', 'person']]);
  // A body named after a family keeps its type: its name holds a body's word.
  const body = entities('Tomas Greer founded the firm in 1990. Greer Holdings said profits rose.');
  assert.ok(body.some((e) => e.name === 'Greer Holdings' && e.type === 'organisation'), JSON.stringify(body));
});

test('a lone word opening a sentence, described in apposition and then speaking, is a name', () => {
  const body = entities("Harnbank, Harnsby's largest mortgage lender, said on Monday it would cut its variable rates from May 14.");
  assert.ok(body.some((e) => e.text === 'Harnbank' && e.type === 'organisation'), JSON.stringify(body));
  const person = entities('Brekkestad, a former finance minister, said the cut came too late for most households.');
  assert.ok(person.some((e) => e.text === 'Brekkestad' && e.type === 'person'), JSON.stringify(person));
  // An ordinary word opening a sentence stays one.
  assert.deepEqual(entities('Yesterday, the mayor said the bridge would reopen on Friday.').filter((e) => e.text === 'Yesterday'), []);
});

test('a body named "X of Y" is one organisation, an invented one too, not its head word beside the name', () => {
  const found = entities('The University of Tarrholm said on Monday it would appeal. The Bank of Norholm raised its rates on Thursday. The Bank of England said it would wait.')
    .filter((e) => !e.premodifier)
    .map((e) => `${e.text}:${e.type}`);
  assert.deepEqual(found, ['The University of Tarrholm:organisation', 'The Bank of Norholm:organisation', 'The Bank of England:organisation']);
});
