import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cleanFlattenedText } from './clean-text.js';

const furniture = readFileSync(new URL('./testdata/furniture.txt', import.meta.url), 'utf8');

test('every real paragraph and the subheading survive, in order', () => {
  const paragraphs = cleanFlattenedText(furniture).split('\n\n');
  assert.deepEqual(
    paragraphs.map((p) => p.slice(0, 30)),
    [
      'Regional energy ministers agre',
      'The plan lets any member state',
      '"Nobody will be left in the co',
      'Industry groups welcomed the d',
      'Price formula under scrutiny',
      'Economists said the formula wo',
    ],
  );
});

test('calls to action, ads, teasers, credits, correction prompts and headline lists are gone', () => {
  const cleaned = cleanFlattenedText(furniture);
  for (const gone of ['SUBSCRIBE', '@northwire_news', 'Advertisement', 'Eastern Grid', 'Also Worth Reading', 'tight supply in January', 'With AFP', 'AFP', 'write to us', 'Ctrl + Enter', 'Comments', 'TRENDING', 'By Northwire', '2h ago', 'Read Next', 'Previous', 'Next »', 'Energy Ministers Agree']) {
    assert.ok(!cleaned.includes(gone), `kept: ${gone}`);
  }
});

test('lines the outlet repeats on its other pages are dropped', () => {
  const text = 'Heavy rain closed the mountain pass for the third time this month, police said on Sunday evening.\nThe Alpine Bulletin is funded by its readers and independent of any party.\nSnow ploughs are expected to reopen the road by Tuesday if the weather holds, officials said.';
  const plain = cleanFlattenedText(text);
  assert.ok(plain.includes('funded by its readers'));
  const cleaned = cleanFlattenedText(text, { outletLines: new Set(['the alpine bulletin is funded by its readers and independent of any party.']) });
  assert.equal(cleaned.split('\n\n').length, 2);
});

test('hard-wrapped paragraphs are joined before lines are judged', () => {
  const wrapped = [
    'The county will close the old ferry landing next month and move the',
    'service to a new pier two miles downstream, officials said on Monday.',
    '',
    'Residents who live near the landing said they had not been consulted',
    'and asked the county to keep a small stop for foot passengers there.',
    '',
    'A public meeting is planned for the first week of the month at the',
    'school hall, where engineers will present the plans for the new pier.',
  ].join('\n');
  const paragraphs = cleanFlattenedText(wrapped).split('\n\n');
  assert.equal(paragraphs.length, 3);
  assert.ok(paragraphs[0]?.endsWith('move the service to a new pier two miles downstream, officials said on Monday.'));
});

test('whitespace is normalised without touching the wording', () => {
  assert.equal(
    cleanFlattenedText('  The   council met\u00a0on Monday and approved the budget for the coming year.  \r\n'),
    'The council met on Monday and approved the budget for the coming year.',
  );
  assert.equal(cleanFlattenedText(''), '');
});

/** Invented article paragraphs, reused by the page tests below. */
const ARTICLE = [
  'The harbour authority in Westmere approved a plan on Thursday to dredge the main channel before the spring shipping season, ending months of dispute with local fishermen.',
  'The work will cost about 14 million euros and is expected to take eleven weeks, the authority said in a statement after a vote of its board.',
  'Fishermen had warned that dredging during the spawning season would damage stocks in the bay, and asked for the work to be delayed until the autumn.',
  'Under the compromise, dredging will stop for three weeks in April, and an independent biologist will monitor the water quality at four points in the bay.',
  'The first ships too large for the current channel are expected to call at the port in June, when a new container terminal opens on the eastern quay.',
];

const kept = (lines: string[]): string[] => cleanFlattenedText(lines.join('\n')).split('\n\n');

test('teaser cards whose headline runs into its summary are not the article', () => {
  const page = [
    'Menu',
    'Latest Headlines',
    'Council Votes To Close Riverside LibraryThe city council voted on Monday to close the library at the end of the year to save money.',
    'Bakery Owner Wins Regional Bread PrizeA bakery in the old town took first place at a contest held in the capital over the weekend.',
    'Storm Damages Roofs Across The ValleyStrong winds tore roofs off several barns and left hundreds of homes without power for a night.',
    'New Cycle Lane Opens On Bridge StreetThe lane links the station with the university and will be extended to the hospital next year.',
    'Weather',
    'Sports',
    'Harbour Authority Approves Dredging Plan',
    ...ARTICLE,
    'Follow Us',
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('a comment section after the article is dropped, however well its comments read', () => {
  const page = [
    ...ARTICLE,
    'Share this:',
    '3 responses to “Harbour Authority Approves Dredging Plan”',
    'seafarer22 says:',
    'March 4, 2025 at 9:14 am',
    'This is the right decision for the town, the port has waited far too long for a deeper channel and the jobs that come with it.',
    'marta_k says:',
    'March 4, 2025 at 9:40 am',
    'Nobody asked the people who actually fish in the bay what they think, and the three-week pause is far too short to protect anything.',
    'old_pilot says:',
    'March 4, 2025 at 11:02 am',
    'I remember the last time they dredged the channel, the water was brown for the whole summer and the beaches were closed for weeks.',
    'You must be logged in to post a comment.',
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('a list of other articles as headline and one-line summary pairs is dropped', () => {
  const page = [
    ...ARTICLE,
    'More from the region',
    'Ferry timetable changes next month',
    'The winter timetable will add a late crossing on Fridays and Saturdays.',
    'School roof repairs delayed again',
    'The contractor said the steel for the new roof would arrive in March.',
    'Museum to open a new wing for maritime history',
    'The wing will show the models and charts donated by a local collector.',
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('the headline, picture caption, credit and byline above the first paragraph are dropped', () => {
  const page = [
    'Home',
    'Business',
    'Harbour authority approves dredging plan before spring season',
    'A dredger at work in the main channel of the port of Westmere last summer, when the first survey was made.',
    'Photo: Anna Berg / Coastal Images',
    'By Jonas Lind | Published March 3, 2025 at 6:10 PM',
    ...ARTICLE,
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('calls to subscribe, correction prompts and "read the full article" lines go, wherever they sit', () => {
  const page = [
    ARTICLE[0] as string,
    ARTICLE[1] as string,
    'Advertisement',
    ARTICLE[2] as string,
    'Subscribe to our newsletter for the latest news from the coast.',
    ARTICLE[3] as string,
    ARTICLE[4] as string,
    'Read the full article here',
    'To suggest a correction or clarification, write to us here',
    'Join the conversation on our forums',
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('prose far from the article, past the footer menus, is not kept', () => {
  const menu = ['About us', 'Contact', 'Careers', 'Advertise', 'Privacy', 'Terms', 'Sitemap', 'Archive', 'Newsletters', 'Podcasts'];
  const page = [
    ...ARTICLE,
    ...menu,
    'Trending',
    'By Staff Reporter',
    '2h ago',
    ...menu,
    'The Westmere Courier has been published every day since 1871 and is owned by a foundation that guarantees its independence from any party or company.',
    'Its newsroom of forty journalists covers the coast from the border to the lighthouse at Skarp, and its reporters have won the national press prize three times.',
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('a short article of two paragraphs is kept whole', () => {
  const page = [
    'The footbridge over the Elm canal will be closed on Saturday for an inspection, the city said.',
    'Pedestrians can use the road bridge two hundred metres to the north while the work lasts.',
  ];
  assert.deepEqual(kept(page), page);
});

test('a short quote and a one-line paragraph inside the article are kept', () => {
  const page = [
    ARTICLE[0] as string,
    '"We have waited long enough," she said.',
    ARTICLE[1] as string,
    'The vote was unanimous.',
    ARTICLE[2] as string,
  ];
  assert.deepEqual(kept(page), page);
});

test('a list inside the article (steps, dates) is kept with it', () => {
  const steps = [
    'March 10: survey boats mark the channel',
    'March 17: dredging starts at the harbour mouth',
    'April 7 to April 28: pause for the spawning season',
    'May 26: the channel reopens at its new depth',
  ];
  const page = [ARTICLE[0] as string, ARTICLE[1] as string, ...steps, ARTICLE[2] as string, ARTICLE[3] as string];
  assert.deepEqual(kept(page), page);
});

test('a lone label between the last paragraphs does not cut the article short', () => {
  const page = [...ARTICLE, 'Advertisement', 'The board will meet again in May to review the first results.', 'To report an error in this story, write to us here', 'Most read', 'By Staff Reporter', '3h ago'];
  assert.deepEqual(kept(page), [...ARTICLE, 'The board will meet again in May to review the first results.']);
});

test('a list closing the article is kept, the headlines and date line after it are not', () => {
  const dates = ['June 9 – Westmere, Harbour Hall', 'June 12 – Skarp, Lighthouse Stage', 'June 15 – Elmford, Town Square', 'June 21 – Brackley, Old Mill'];
  const page = [
    ...ARTICLE,
    'Tour dates',
    ...dates,
    'Share',
    'Most popular',
    'Published on March 3, 2025 at 6:10 pm',
    'Ferry timetable changes next month',
    'School roof repairs delayed again',
  ];
  assert.deepEqual(kept(page), [...ARTICLE, 'Tour dates', ...dates]);
});

test('the author bio, a "Related:" link and a caption repeated on the page are dropped', () => {
  const caption = 'Cranes unload containers at the eastern quay of the port of Westmere during the night shift on Tuesday.';
  const page = [
    caption,
    ARTICLE[0] as string,
    ARTICLE[1] as string,
    'Related: Port of Westmere posts record year for container traffic',
    ARTICLE[2] as string,
    ARTICLE[3] as string,
    ARTICLE[4] as string,
    'Jonas Lind is a senior reporter for the Westmere Courier, covering shipping and the coast.',
    'Gallery',
    caption,
  ];
  assert.deepEqual(kept(page), ARTICLE);
});

test('questions and lines addressing the reader inside the article are kept, sign-up lines are not', () => {
  const page = [
    'Harbour Authority Names New Director',
    'The Westmere harbour authority is pleased to welcome Mira Holt as our new director from April.',
    'We asked her about her plans for the port and what she expects from the coming year.',
    'Q: What will you change first?',
    'A: The channel comes first, then the quays, because the ships are getting larger every year and we cannot wait.',
    'Q: How do you plan your week?',
    'A: Mondays are for the board, and the rest of the week I spend on the quays with the people who work there.',
    'Sign up for our newsletter to get port news every week.',
  ];
  assert.deepEqual(kept(page), page.slice(1, -1));
});

test('contact lines, site notices and sign-up forms after the article are dropped', () => {
  const page = [
    ...ARTICLE,
    'Have a tip? Jonas Lind can be reached at jlind@westmere-courier.example. Follow him on the Courier site.',
    'Email (required)',
    'By signing up, you agree to our Privacy Policy and terms.',
    'Use of this site constitutes acceptance of the terms below, which apply to all content.',
  ];
  assert.deepEqual(kept(page), ARTICLE);
  // A privacy policy in the news is not a site notice.
  const story = ['The ministry said the airline changed its privacy policy in March without telling its passengers, and opened an inquiry.'];
  assert.deepEqual(kept(story), story);
});

test('a page carrying its article twice (a copy for print) keeps it once, its subheadings too', () => {
  const article = [
    ARTICLE[0] as string,
    ARTICLE[1] as string,
    'Dredging plan pauses for spawning fish',
    'The dredging plan pauses for three weeks in April while the fish spawn in the bay, as the fishermen asked.',
    ARTICLE[3] as string,
    ARTICLE[4] as string,
  ];
  const page = ['Home', 'Business', ...article, 'Print this page', 'Share', 'Close', ...article, 'Back to top'];
  assert.deepEqual(kept(page), article);
});

test('a list of other articles after the text, each summary under a headline, an author and a date, is dropped', () => {
  const page = [
    'Harbour Cranes Return to Service',
    'The two container cranes at the east quay returned to service on Thursday after a month of repairs, the port authority said.',
    'Engineers replaced the hoist cables and the control cabins of both cranes, which had been damaged in the October storm.',
    'Shipping lines had diverted some vessels to the west quay, where waiting times rose to three days at the busiest point.',
    '"We are back to full capacity and the queue should be gone by the weekend," the harbour master told reporters on the quay.',
    'Port',
    'More from the Coast Courier',
    'Ferry fares to rise in spring',
    'Mara Lind',
    'Monday March 3, 2025',
    'The operator says fuel costs and new crew rules leave it no choice but to raise fares on every route by April. Passengers with season tickets will keep the old price until their tickets run out, and children under twelve will still travel free on all crossings.',
    'Lighthouse keeper retires after forty years',
    'Jon Vale',
    'Monday March 3, 2025',
    'He climbed the tower every night since the age of twenty and says he will miss the view more than the work itself. His daughter, who trained as an engineer, will look after the automatic light that replaces him from next month on.',
    'Fish market moves to the old rope works',
    'Ada Brun',
    'Sunday March 2, 2025',
    'Traders will open their stalls in the restored hall from May, ending years of complaints about the cramped pier site. The council paid for the new roof and the cold stores, and the traders will rent their places at the same rate as before.',
    'Council approves new sea wall',
    'Tom Ek',
    'Sunday March 2, 2025',
    'The wall will protect the low streets behind the harbour from the winter surges that flooded them twice last year. Work starts in the autumn and should be finished before the storms of the following winter, the council said on Friday.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  assert.ok(cleaned.includes('back to full capacity'), 'the last paragraph of the article is kept');
  assert.ok(cleaned.includes('returned to service on Thursday'));
  for (const gone of ['fuel costs', 'forty years', 'rope works', 'winter surges']) assert.ok(!cleaned.includes(gone), `kept: ${gone}`);
});

test('a live report whose paragraphs follow one another is not taken for a list of teasers', () => {
  const lines = [
    'The river rose above the flood mark at the town bridge on Saturday morning, the water agency said in its first bulletin.',
    'Volunteers filled sandbags at the fire station through the night and stacked them along the lower promenade.',
    'Updated 10:15 am',
    'The agency now expects the crest in the early afternoon, about half a metre below the level of the 2013 flood.',
    'Shops on the lower promenade were asked to move their stock upstairs before noon as a precaution.',
    'Updated 11:40 am',
    'The regional train line was closed between the bridge and the harbour after water covered the tracks near the depot.',
    'Buses will replace the trains until the track has been inspected, the operator said in a statement.',
    'Updated 1:05 pm',
    'The river crested at 12:50, the agency said, and the water has started to fall slowly along the whole valley.',
    'Residents of the lower streets may return home from the evening, the mayor said, but should boil their water.',
  ];
  const cleaned = cleanFlattenedText(lines.join('\n'));
  for (const kept of ['first bulletin', 'half a metre', 'covered the tracks', 'inspected', 'started to fall', 'boil their water']) assert.ok(cleaned.includes(kept), `dropped: ${kept}`);
});

test("the first paragraph under the article's own headline, repeated higher on the page, is kept", () => {
  const page = [
    'Home',
    'News',
    'Night Ferry Crew Rescues Two Kayakers Off Cape Lind',
    'Weather',
    'Sport',
    'Night Ferry Crew Rescues Two Kayakers Off Cape Lind',
    'The crew of the night ferry rescued two kayakers off Cape Lind on Saturday after spotting their torch in the water.',
    'The pair had set out from the marina in the afternoon and were carried out to sea when the wind turned, the coastguard said.',
    'Both were treated for cold at the harbour and released from hospital on Sunday morning, a spokeswoman for the hospital said.',
    "The ferry's captain said his deckhand saw a faint light flashing about half a mile from the route and called the bridge.",
  ].join('\n');
  const paragraphs = cleanFlattenedText(page).split('\n\n');
  assert.equal(paragraphs.length, 4);
  assert.ok(paragraphs[0]?.startsWith('The crew of the night ferry'));
});

test('short lines under a paragraph ending on a colon are kept as its list', () => {
  const page = [
    "The county's new recycling scheme starts on the first of the month, and residents will get three bins instead of one.",
    'Each household will receive a guide with the collection days, and the council says three kinds of waste go in the blue bin:',
    'Paper and Cardboard',
    'Glass Bottles and Jars',
    'Tins and Drinks Cans',
    'Food waste goes in the small green caddy, which is emptied every week, while the black bin is collected every two weeks.',
    'The council expects the scheme to cut the amount of waste sent to landfill by a third within two years.',
  ].join('\n');
  const paragraphs = cleanFlattenedText(page).split('\n\n');
  assert.deepEqual(paragraphs.slice(2, 5), ['Paper and Cardboard', 'Glass Bottles and Jars', 'Tins and Drinks Cans']);
});

test('a box of headlines under a paragraph ending on a colon still goes when it carries bylines and dates', () => {
  const page = [
    'The mayor opened the new library on Saturday, three years after the old building on Mill Street was closed by a fire.',
    'The building has room for 80,000 books and a hall for readings, and the mayor said the city had wanted it for a long time:',
    'By Ada Brun',
    'March 3, 2025',
    'Library fire: what we know so far',
    'Readers queued from early morning to be among the first to borrow from the new shelves, the head librarian said.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  for (const gone of ['By Ada Brun', 'March 3, 2025', 'what we know so far']) assert.ok(!cleaned.includes(gone), `kept: ${gone}`);
});

test('headings listed in a table of contents at the top are kept over their sections', () => {
  const page = [
    'How to Keep Bees in a Small Garden',
    'Contents',
    'Choosing a Hive',
    'Where to Put It',
    'Feeding in Winter',
    'Keeping bees needs less room than most people think, and a small garden can hold a hive without trouble for the neighbours.',
    'Most councils ask for nothing more than a note to the neighbours, though a few towns keep a register of hives.',
    'A beginner\'s course at a local association is the best start, and many lend a hive for the first season.',
    'Choosing a Hive',
    'A top-bar hive is light and cheap to build. A framed hive gives more honey and is easier to inspect in the summer months.',
    'Where to Put It',
    'Face the entrance away from paths and give the bees a hedge or a fence to fly over. They then rise above head height at once.',
    'Feeding in Winter',
    'In a poor year the colony needs sugar syrup in the autumn. A block of fondant in January lasts until the first flowers open.',
  ].join('\n');
  const paragraphs = cleanFlattenedText(page).split('\n\n');
  assert.deepEqual(paragraphs.filter((p) => p.split(' ').length <= 4), ['Choosing a Hive', 'Where to Put It', 'Feeding in Winter']);
  assert.ok(paragraphs.some((p) => p.startsWith('A top-bar hive')));
  assert.ok(!paragraphs.includes('Contents'));
});

test('the first paragraph under a picture credit is kept, not taken for a teaser under its headline', () => {
  const page = [
    'Menu',
    'The Price of Cheap Flights Is Paid on the Ground',
    'Airport staff say the new low-cost terminal has left them with longer shifts and fewer breaks.',
    'Photograph: Jane Roe/Harbour Pictures',
    'Baggage handlers at the city airport say their shifts have grown by two hours a day since the low-cost terminal opened in May.',
    'The airport company says the extra hours are voluntary and paid at the overtime rate agreed with the union last year.',
    'Union officials dispute that and say they will ask for a meeting with the company\'s board before the summer holidays begin.',
    'Passenger numbers at the terminal have risen by a third since it opened, according to the airport\'s own monthly figures.',
  ].join('\n');
  const paragraphs = cleanFlattenedText(page).split('\n\n');
  assert.ok(paragraphs[0]?.startsWith('Baggage handlers at the city airport'));
  assert.ok(!paragraphs.some((p) => p.startsWith('Photograph')));
});

test('a comment section signed by its commenters is cut even when it is longer than the article', () => {
  const page = [
    'Why the Old Lighthouse Film Still Works',
    'The film was shot on the island in six weeks, with a crew of eleven and a budget smaller than the catering bill of most studio pictures today.',
    'Its director cast the keepers\' own families as extras, and the island\'s weather did the rest: half the storm scenes are real storms.',
    'Critics at the time found it slow, but audiences kept coming back, and the cinema in the harbour town showed it every winter for thirty years.',
    'What still works is the patience of it. The camera waits with the keepers, and by the end the viewer has waited too.',
    'Share this:',
    'Facebook',
    'Email',
    '18 Reader Comments',
    'Mara Lind',
    'December 18, 2025, 9:46 pm',
    'I saw it in that harbour cinema as a child and the foghorn scene still gives me chills every time I hear one on the coast at night.',
    'Jon Vale',
    'December 18, 2025, 9:59 pm',
    'The storm scenes are the reason to watch it. Nobody could fake that sea, and you can see the actors were genuinely frightened of the waves.',
    'Ada Brun',
    'December 18, 2025, 10:02 pm',
    'My grandfather was one of the extras. He talked about the shoot for the rest of his life and kept the call sheet in a frame in the hall.',
    'He said the director made everyone eat together every night, keepers, crew and actors, and that the whole island came to the last supper.',
    'Tom Ek',
    'December 18, 2025, 10:20 pm',
    'I found it slow the first time and wonderful the second. It is a film that asks you to slow down to its pace, and it is worth doing so.',
    'Lena Berg',
    'December 18, 2025, 10:31 pm',
    'Does anyone know whether the restored version will be shown on the island again next summer? I would travel a long way to see it there.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  assert.ok(cleaned.includes('The camera waits with the keepers'), 'the last paragraph of the article is kept');
  for (const gone of ['Reader Comments', 'Mara Lind', 'foghorn scene', 'call sheet', 'restored version']) assert.ok(!cleaned.includes(gone), `kept: ${gone}`);
});

test('a comments link under the first paragraph does not end the article', () => {
  const page = [
    'Harbour Board Approves New Ferry Pier',
    'By Mara Lind',
    'The harbour board approved plans for a second ferry pier on Monday, ending two years of argument over where the new berth should go.',
    'Comments (3)',
    'Updated March 3, 2025 at 10:05 am',
    'The pier will be built on the east side of the harbour, away from the fishing fleet, and should be ready for the summer timetable next year.',
    'Fishermen had opposed the first plan, which put the berth next to the fish market, because ferries would have blocked their boats at low tide.',
    'The board\'s chair said the new site costs more but keeps both fleets apart, and that the extra money would come from the regional port fund.',
    'Work on the foundations starts in the autumn, when the ferry timetable is thinner and the contractor can close part of the quay for months.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  for (const kept of ['east side of the harbour', 'low tide', 'regional port fund', 'close part of the quay']) assert.ok(cleaned.includes(kept), `dropped: ${kept}`);
});

test('a short line announcing a list keeps itself and the items under it', () => {
  const page = [
    'The foundation gave the river trust a grant of two million euros in March to restore the wetlands along the lower valley.',
    'The trust will report on its work every year, and the foundation will decide in three years whether to renew the grant.',
    'Summary',
    'This report covers the following:',
    'Why the wetlands matter for the town',
    'What the trust has done so far',
    'Where the money will go next year',
    'The trust began by buying back two farms that had drained their fields into the river for more than forty years.',
    'Since then the water level has risen in the old meadows, and the first wading birds have returned to nest there.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  for (const kept of ['This report covers the following:', 'Why the wetlands matter for the town', 'What the trust has done so far', 'Where the money will go next year']) {
    assert.ok(cleaned.includes(kept), `dropped: ${kept}`);
  }
});

test('a box about the company after a press release is cut', () => {
  const page = [
    'Northwind Ferries said on Tuesday it had ordered two electric ferries for the island routes, to enter service in the spring of 2027.',
    'The ships will carry 300 passengers and 40 cars each, and will charge at both ends of the crossing in the twenty minutes they spend in port.',
    'The company said the order would cut its fuel use on the routes by nine tenths and that fares would not rise because of it.',
    '"This is the biggest change to the crossing since the first car ferry," said the chief executive, who announced the order at the harbour.',
    'About Northwind Ferries',
    'Northwind Ferries is a leading operator of passenger and car ferries in the northern isles, with 14 ships and 600 staff.',
  ].join('\n');
  const cleaned = cleanFlattenedText(page);
  assert.ok(cleaned.includes('biggest change to the crossing'));
  assert.ok(!cleaned.includes('leading operator'));
  assert.ok(!cleaned.includes('About Northwind'));
});

test("a page's closing blurb about its own company is dropped, named by the copyright line or the outlet's name; a company in the story keeps its lines", () => {
  const page = (holder: string): string => [
    'Home',
    'News',
    'Press releases',
    'Second crane enters service at the eastern quay',
    'Halvard Terminals has put a second ship-to-shore crane into service at the eastern quay of the port of Westmere, doubling the containers the quay can move in an hour.',
    'The crane was built in Rotterdam and shipped in parts over the summer; it was assembled on the quay in six weeks and passed its load tests on Friday.',
    '"The second crane means ships no longer wait at anchor for a berth," said Ines Falk, the operations director, adding that night shifts would start next month.',
    'Halvard Terminals is a port operator founded in 1921 that runs four container terminals on the northern coast and employs around 1,300 people in three countries.',
    'Contact',
    'Careers',
    `© 2025 ${holder}`,
  ].join('\n');
  const own = cleanFlattenedText(page('Halvard Terminals'));
  assert.ok(own.endsWith('adding that night shifts would start next month.'), own.slice(-100));
  assert.ok(cleanFlattenedText(page('Westmere Courier')).includes('Halvard Terminals is a port operator founded in 1921'));
  // Named by the caller (the outlet's site name) when the page carries no copyright line.
  const named = cleanFlattenedText(page('Westmere Courier').replace('© 2025 Westmere Courier', ''), { outletNames: ['Halvard Terminals'] });
  assert.ok(!named.includes('port operator founded in 1921'));
});

test("a closing line linking back to the article under its own headline goes; the article's last paragraph naming its subject stays", () => {
  const headline = 'Night trains return to the Lakeshore line in May';
  const body = [
    'Night trains will run again on the Lakeshore line from the second week of May, the regional rail authority said on Thursday, four years after the service was cut.',
    'Two sleeper trains a week will leave the capital at ten in the evening and reach the lakes at dawn, stopping at five towns on the way that lost their last direct service in 2021.',
    '"People asked for it at every public meeting we held," said Lotte Maren, who runs the authority\'s long-distance services.',
  ];
  const withLinks = [
    ...body,
    `The post ${headline} appeared first on Valley Dispatch.`,
  ].join('\n');
  for (const scope of ['page', 'article'] as const) {
    const cleaned = cleanFlattenedText(withLinks, { headline, scope });
    assert.ok(cleaned.endsWith('long-distance services.'), `${scope}: ${cleaned.slice(-120)}`);
    // Without the headline nothing tells the line from a sentence of the article.
    assert.ok(cleanFlattenedText(withLinks, { scope }).includes('appeared first on'), scope);
  }
  // The headline repeated over the text is the title, not the text's first line; a text that is
  // nothing but its headline keeps it.
  assert.ok(cleanFlattenedText(`${headline}\n${withLinks}`, { headline }).startsWith('Night trains will run again'));
  assert.equal(cleanFlattenedText(headline, { headline, scope: 'article' }), headline);
  // Medium's footer says more around the headline.
  const medium = `${body.join('\n')}\n${headline} was originally published in Valley Rail Notes on Medium, where people are continuing the conversation by highlighting and responding to this story.`;
  assert.ok(cleanFlattenedText(medium, { headline }).endsWith('long-distance services.'));
  // The article's own last paragraph may name what a short headline names, in a sentence of its own.
  const closing = `${body.join('\n')}\nThe ferry strike called off on Wednesday would have stranded some four thousand islanders and the lorries that bring their food over the summer weekend.`;
  assert.ok(cleanFlattenedText(closing, { headline: 'Ferry strike called off' }).includes('stranded some four thousand islanders'));
  // A headline of three words is too short to tell inside another line.
  const short = `${body.join('\n')}\nThe post Night trains return appeared first on Valley Dispatch.`;
  assert.ok(cleanFlattenedText(short, { headline: 'Night trains return' }).includes('appeared first on'));
});
