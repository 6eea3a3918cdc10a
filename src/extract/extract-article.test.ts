import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { decodeBytes } from './decode.js';
import { extractArticle, sourceFromUrl, titleFromText } from './extract-article.js';

const page = (name: string): string => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const html = (content: string, hints: RawDocument['hints'] = {}): RawDocument => ({ path: 'page.html', index: 0, format: 'html', content, hints });
const text = (content: string, hints: RawDocument['hints'] = {}): RawDocument => ({ path: 'dump.txt', index: 0, format: 'text', content, hints });

test('JSON-LD in @graph gives headline, authors, outlet, publish and modified dates', () => {
  const article = extractArticle(html(page('jsonld-graph.html')));
  assert.equal(article.title, 'Harbour council approves & funds tidal barrier');
  assert.equal(article.author, 'Maren Oakes, Tobiah Lund');
  assert.equal(article.source, 'The Coastline Courier');
  assert.equal(article.published, '2024-11-01T18:45:00+01:00');
  assert.equal(article.modified, '2024-11-02T09:10:00+01:00');
  assert.equal(article.language, 'en');
  assert.equal(article.url, 'https://www.coastlinecourier.example/news/2024/11/01/tidal-barrier');
});

test('the body keeps every paragraph and leaves out share bar, related list and newsletter box', () => {
  const article = extractArticle(html(page('jsonld-graph.html')));
  const paragraphs = article.text.split('\n\n');
  assert.ok(paragraphs[0]?.startsWith('The harbour council voted eleven to two'));
  assert.ok(paragraphs.at(-1)?.startsWith('Work on the first gate is due to start next spring'));
  assert.ok(article.text.includes('"We have waited long enough for the sea to make this decision for us," said the council leader'));
  for (const furniture of ['Share on Facebook', 'Storm season', 'Sign up for our morning briefing', 'All rights reserved', 'Sport']) {
    assert.ok(!article.text.includes(furniture), `kept furniture: ${furniture}`);
  }
});

test('OpenGraph and meta tags alone give the metadata', () => {
  const article = extractArticle(html(page('opengraph-only.html')));
  assert.equal(article.title, 'Vintners count cost of late frost');
  assert.equal(article.source, 'Valley Gazette');
  assert.equal(article.author, 'Colette Marchetti');
  assert.equal(article.published, '2023-05-14T21:30:00-04:00');
  assert.equal(article.language, 'en');
  assert.equal(article.text.split('\n\n').length, 4);
});

test('a text dump names its author in the byline under the headline; the byline leaves the text', () => {
  const dump = [
    'Ferry operator cuts winter sailings to the outer islands',
    'By Ines Halvorsen | 4 min read',
    'The ferry operator serving the outer islands will run two sailings a day instead of four from November, it said on Monday, blaming fuel costs and a shortage of crew.',
    'Island councillors said the cut would leave commuters stranded and called on the regional government to step in before the timetable changes.',
  ].join('\n');
  const article = extractArticle(text(dump));
  assert.equal(article.author, 'Ines Halvorsen');
  assert.ok(!article.text.includes('4 min read'));
  // A sentence that opens with "By" is no byline.
  const story = extractArticle(text(dump.replace('By Ines Halvorsen | 4 min read', 'By the end of the month the timetable will change again, the operator said.')));
  assert.equal(story.author, null);
  const monday = extractArticle(text(dump.replace('By Ines Halvorsen | 4 min read', 'By Monday, it was over.')));
  assert.equal(monday.author, null);
});

test('a page with only a visible byline and date line still yields author and date', () => {
  const article = extractArticle(html(page('byline-dateline.html'), { url: 'https://www.townherald.example/local/library' }));
  assert.equal(article.author, 'Odile Fairweather');
  assert.equal(article.published, '2022-03-09');
  assert.equal(article.source, 'townherald.example');
  assert.ok(article.text.startsWith('The town library reopened its doors on Tuesday'));
  assert.ok(!article.text.includes('Front page'));
});

test('a saved page that declares no outlet is filed under the name its logo shows; with an address, its host stays', () => {
  const saved = `<html><head><title>Harbour quarter counts the cost of the surge</title></head><body>
<header class="site-header"><a class="logo" href="/">Westmere Courier</a><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Harbour quarter counts the cost of the surge</h1><p class="byline">By Lena Moss</p>
<p>By mid-afternoon the water in the harbour quarter had dropped to knee height, and shopkeepers were carrying ruined stock out into the street.</p>
<p>About 600 homes were cleared overnight after the surge, the fire service said, and nobody was hurt. Volunteers served soup in the school gym until the early hours.</p>
<p>The council said it would pay for hotel rooms for families with small children until the ground floors had dried out.</p>
</article></main><footer><p>Westmere Courier, Quay Road 4. &copy; 2026 Westmere Media</p></footer></body></html>`;
  assert.equal(extractArticle(html(saved)).source, 'Westmere Courier');
  assert.equal(extractArticle(html(saved, { url: 'https://www.westmere-courier.example/news/surge' })).source, 'westmere-courier.example');
});

test('container hints fill what the page lacks but never override the page', () => {
  const hints = { title: 'Feed title', published: '2020-01-01', author: 'Feed Author', source: 'Feed Outlet' };
  const fromPage = extractArticle(html(page('opengraph-only.html'), hints));
  assert.equal(fromPage.title, 'Vintners count cost of late frost');
  assert.equal(fromPage.published, '2023-05-14T21:30:00-04:00');
  const sparse = extractArticle(html(page('too-short.html'), hints));
  assert.equal(sparse.published, '2020-01-01');
  assert.equal(sparse.author, 'Feed Author');
  assert.equal(sparse.source, 'Feed Outlet');
});

test('a page too short for Readability still gives its text', () => {
  const article = extractArticle(html(page('too-short.html')));
  assert.match(article.text, /^Ferries between the two islands are suspended until Thursday/);
  assert.match(article.text, /claim a refund/);
  assert.equal(article.title, 'Ferry service suspended');
});

test('a decoded Windows-1252 page extracts with its accents intact', () => {
  const { text: content } = decodeBytes(readFileSync(new URL('./testdata/cp1252-page.html', import.meta.url)), { isHtml: true });
  const article = extractArticle(html(content));
  assert.match(article.text, /Renée Dufrêne, who runs a crêperie/);
});

test('an empty page or binary content throws a clear error; broken HTML does not', () => {
  assert.throws(() => extractArticle(html(page('empty.html'))), /no article text/);
  assert.throws(() => extractArticle(text('\u0000\u0001\u0002\u0003PK\u0003\u0004\u0000\u0000\u0008')), /binary/);
  const broken = extractArticle(html('<div><p>The ferry left at noon with forty passengers aboard and a cargo of timber for the island sawmill.<p>It returned <b>empty'));
  assert.match(broken.text, /forty passengers aboard/);
});

test('markup nested thousands deep is refused with a clear error before it is parsed; sloppy but real nesting still reads', () => {
  const story = 'The ferry left at noon with forty passengers aboard and a cargo of timber for the island sawmill. ';
  const deep = `<html><body>${'<div>'.repeat(50_000)}<p>${story}</p>${'</div>'.repeat(50_000)}</body></html>`;
  assert.throws(() => extractArticle(html(deep)), /nests elements more than 1,000 deep: not a page to read/);
  // Six hundred paragraphs never closed, each with a line break and an image: nested, but readable.
  const unclosed = `<html><body><article>${Array.from({ length: 600 }, (_, i) => `<p>${i === 0 ? story : `Crossing ${i} went to plan.`}<br><img src="x.png">`).join('')}</article></body></html>`;
  assert.match(extractArticle(html(unclosed)).text, /forty passengers aboard/);
});

test('flattened text: furniture removed, title from the first headline line, language detected', () => {
  const dump = [
    'Dam Inspectors Find Cracks in Spillway',
    'Inspectors found hairline cracks in the spillway of the Mirelle dam during a routine survey last week, the water authority said on Thursday.',
    'Advertisement',
    'The authority said the dam was safe but that it would lower the reservoir by two metres as a precaution while engineers studied the cracks.',
    'Read the full article here',
  ].join('\n');
  const article = extractArticle(text(dump, { url: 'https://www.riverpost.example/x' }));
  assert.equal(article.title, 'Dam Inspectors Find Cracks in Spillway');
  assert.equal(article.text.split('\n\n').length, 2);
  assert.equal(article.source, 'riverpost.example');
  assert.equal(article.language, 'en');
});

test("a saved page's menu over its headline is passed over: the headline is the title", () => {
  const article = extractArticle(text('Home · Ferries · Weather · Opinion\nFerry crews accept new rota\nFerry crews on the northern routes voted on Monday to accept a new rota after weeks of talks, the union said.\n\nThe union said the vote was close.'));
  assert.equal(article.title, 'Ferry crews accept new rota');
  assert.match(article.text, /^Ferry crews on the northern routes voted/);
});

test('flattened text without a headline takes its first sentence as the title', () => {
  const article = extractArticle(text('Le conseil municipal a voté lundi la fermeture de la piscine pour travaux. Les habitants devront se rendre à la commune voisine pendant six mois, a indiqué la mairie.'));
  assert.equal(article.title, 'Le conseil municipal a voté lundi la fermeture de la piscine pour travaux.');
  assert.equal(article.language, 'fr');
});

test('a text item without a date of its own takes the day in its address; a dated one keeps its date', () => {
  const body = 'Ferry crews on the northern routes voted on Monday to accept a new rota after weeks of talks.\n\nThe union said the vote was close.';
  const undated = extractArticle(text(body, { url: 'https://islandpost.example/news/2024/09/16/ferry-crews-accept-rota/' }));
  assert.equal(undated.published, '2024-09-16');
  const dated = extractArticle(text(body, { url: 'https://islandpost.example/news/2024/09/16/ferry-crews-accept-rota/', published: '2024-09-17T08:00:00Z' }));
  assert.equal(dated.published, '2024-09-17T08:00:00Z');
  const noAddress = extractArticle(text(body, { url: 'https://islandpost.example/news/ferry-crews-accept-rota' }));
  assert.equal(noAddress.published, null);
});

test("a text dump (a saved page, a PDF, a press release) is dated by the date line under its headline; a relative stamp, a yearless date or a date in the story dates nothing", () => {
  const story = 'Ferry crews on the northern routes voted on Monday to accept a new rota after weeks of talks, the union said, ending a dispute that began on 2 March 2026.\n\nThe union said the vote was close.';
  const dated = (top: string): string | null => extractArticle(text(`Ferry crews accept new rota\n${top}\n${story}`)).published;
  assert.equal(dated('15 May 2026'), '2026-05-15');
  assert.equal(dated('Kirkwall, 15 May 2026'), '2026-05-15');
  assert.equal(dated('Island Post\nPublished: Friday 15 May 2026, 10:20'), '2026-05-15');
  assert.equal(dated('By Ines Halvorsen, Transport Correspondent · 15 May 2026'), '2026-05-15');
  assert.equal(dated('Updated 3 hours ago'), null);
  assert.equal(dated('15 May'), null);
  assert.equal(dated('By Ines Halvorsen'), null, 'the date in the story is what it tells, not when it was published');
});

test('a text dump without a source is filed under the outlet its copyright line names, and the line is not text', () => {
  const dump = [
    'Ferry crews accept new rota',
    'Ferry crews on the northern routes voted on Monday to accept a new rota after weeks of talks, the union said.',
    'The company said the first crews would start the new shifts next month.',
    'Most read',
    '© 2026 Islandpost Media Ltd. All rights reserved.',
  ].join('\n');
  const article = extractArticle(text(dump));
  assert.equal(article.source, 'Islandpost');
  assert.doesNotMatch(article.text, /©|rights reserved/);
  assert.equal(extractArticle(text(dump, { source: 'Island Post' })).source, 'Island Post');
});

test('a declared language stands unless the text is plainly written in another one', () => {
  const english = 'The harbour authority said on Monday that it would close the northern quay for repairs after divers found that the old timber piles had rotted. The work, which has been delayed twice, is expected to take about six weeks, and ferries will use the southern berth while it lasts, the authority said in a statement to passengers. ';
  assert.equal(extractArticle(text(english.repeat(2), { language: 'en' })).language, 'en');
  const french = 'Le conseil municipal a voté lundi soir la fermeture de la piscine pour des travaux de rénovation qui devraient durer au moins six mois. Les habitants devront se rendre à la commune voisine pendant toute la durée du chantier, a indiqué la mairie dans un communiqué publié mardi matin sur son site internet. ';
  assert.equal(extractArticle(text(french.repeat(2), { language: 'en' })).language, 'fr');
  // Dutch shares "is", "in" and "was" with English: they do not make a text English.
  const dutch = 'De gemeenteraad heeft maandag besloten dat het zwembad in de zomer wordt gesloten voor een grote renovatie. Het bad was al jaren in slechte staat en de kosten van het onderhoud zijn sterk gestegen, zei de wethouder. Het is nog niet bekend wanneer de werkzaamheden precies beginnen en hoe lang ze duren. ';
  assert.equal(extractArticle(text(dutch.repeat(2), { language: 'en' })).language, 'nl');
});

test('a title made from a long lead sentence drops its attribution and ends where a clause begins', () => {
  assert.equal(
    titleFromText('The harbour authority has outlined its plan for a new northern quay for the ferries to the islands of the outer archipelago, emphasising that the work would not start before the end of the tourist season next year. More follows.'),
    'The harbour authority has outlined its plan for a new northern quay for the ferries to the islands of the outer archipelago',
  );
  assert.equal(
    titleFromText('Valmora will close its northern quay for six weeks from Monday, with ferries moved to the southern berth while divers replace old piles, a source close to the harbour master said on Thursday.'),
    'Valmora will close its northern quay for six weeks from Monday, with ferries moved to the southern berth while divers replace old piles',
  );
  assert.equal(
    titleFromText('Valmora will host talks on Friday with the harbour masters of the six ports whose crews are ready to take over the ferry routes after the strike ends next month, an official said.'),
    'Valmora will host talks on Friday with the harbour masters of the six ports whose crews are ready to take over the ferry routes',
  );
});

test('titles from long text are cut at a word boundary; hosts lose www', () => {
  const long = `${'word '.repeat(60)}end.`;
  const title = titleFromText(long);
  assert.ok(title.length <= 141 && title.endsWith('…'));
  assert.equal(sourceFromUrl('https://www.kyiv-news.example/post/1'), 'kyiv-news.example');
  assert.equal(sourceFromUrl('not a url'), null);
});

test('a feed item keeps the feed time of publication, and its credit line is recorded though cleaned away', () => {
  const article = extractArticle({
    path: 'feed.rss',
    index: 4,
    format: 'html',
    content: '<p>The fund of EUR 40 million was approved on April 13 by the cabinet, the ministry said.</p><p>Residents can apply from Monday at the town hall.</p><p>With CPA</p>',
    hints: { published: '2026-04-15T14:10:00.000Z', source: 'The Harbour Times' },
  });
  assert.equal(article.published, '2026-04-15T14:10:00Z');
  assert.deepEqual(article.credits?.map((c) => c.toUpperCase()), ['CPA']);
  assert.ok(!article.text.includes('With CPA'));
});

test("a WordPress feed item loses the line linking back to itself ('The post ... appeared first on ...'), whole or summarised", () => {
  const title = 'Ferry operator orders two electric ships for the island crossing';
  const backLink = `<p>The post <a rel="nofollow" href="https://valley.example/2026/05/ferries/">${title}</a> appeared first on <a rel="nofollow" href="https://valley.example">Valley Dispatch</a>.</p>`;
  const paragraphs = [
    '<p>Northwind Ferries has ordered two electric ships for the island crossing, to enter service in the spring of 2028, the company said on Tuesday.</p>',
    '<p>The ships will carry 300 passengers and 40 cars each and charge at both ends of the crossing in the twenty minutes they spend in port.</p>',
    '<p>&#8220;Fares will not rise because of it,&#8221; said Ola Strand, the chief executive.</p>',
  ];
  for (const content of [paragraphs.join('') + backLink, paragraphs[0] + backLink]) {
    const article = extractArticle({
      path: 'valley.rss',
      index: 0,
      format: 'html',
      content,
      hints: { title, published: '2026-05-12T08:00:00Z', source: 'Valley Dispatch', url: 'https://valley.example/2026/05/ferries/' },
    });
    assert.ok(!article.text.includes('appeared first'), article.text);
    assert.ok(article.text.startsWith('Northwind Ferries has ordered two electric ships'));
  }
});

test("a news search's item (its headline, its outlet) and an item with a headline alone are headline-only articles; a web page with no text still fails", () => {
  const title = 'Council backs port expansion despite protests';
  const summary = `<a href="https://search.example/r/1" target="_blank">${title}</a>&nbsp;&nbsp;<font color="#6f6f6f">The Harbour Times</font>`;
  const hints = { title, source: 'The Harbour Times', url: 'https://search.example/r/1', published: '2025-04-10T17:40:00Z' };
  const searched = extractArticle({ path: 'search.rss', index: 0, format: 'html', content: summary, hints });
  assert.deepEqual([searched.title, searched.text, searched.source], [title, '', 'The Harbour Times']);
  const bare = extractArticle({ path: 'search.rss', index: 1, format: 'text', content: '', hints });
  assert.deepEqual([bare.title, bare.text], [title, '']);
  // A summary that says more than its headline is text.
  const more = extractArticle({ path: 'search.rss', index: 2, format: 'html', content: `<p>${title}: councillors voted 31 to 12 after a four-hour debate.</p>`, hints });
  assert.match(more.text, /31 to 12/);
  assert.throws(() => extractArticle(html(`<html><head><title>${title}</title></head><body><nav>Home</nav></body></html>`)), /no article text/);
  assert.throws(() => extractArticle({ path: 'notes.txt', index: 0, format: 'text', content: '', hints: {} }), /no article text/);
});

test("a feed item's closing links ('Read full article', 'Comments') and a republication note go; the note names where the article first ran", () => {
  const paragraphs = '<p>The Port of Veldhaven will build two deep-water berths by 2028, its board said on Monday, in a project costing EUR 410 million that it expects to double the tonnage the port can handle.</p><p>Environmental groups criticised the plan, saying that dredging would disturb the seal colonies on the sandbanks north of the harbour.</p>';
  const url = 'https://ports.example/2025/04/berths/';
  const links = `<p><a href="${url}">Read full article</a></p><p><a href="${url}#comments">Comments</a></p>`;
  const republished = '<p><em>This article is republished from <a href="https://valley.example">Valley Dispatch</a> under a Creative Commons license. Read the <a href="https://valley.example/berths">original article</a>.</em></p>';
  for (const tail of [links, republished]) {
    const article = extractArticle({ path: 'ports.rss', index: 0, format: 'html', content: paragraphs + tail, hints: { title: 'Veldhaven to add berths', url } });
    assert.ok(article.text.endsWith('north of the harbour.'), article.text.slice(-80));
    assert.deepEqual(article.credits, tail === republished ? ['Valley Dispatch'] : []);
  }
});

test("a feed item's content that repeats its headline as a heading and ends in Medium's footer gives the article alone", () => {
  const title = 'What the harbour dredging will cost the seal colonies';
  const link = 'https://medium.example/valley-notes/harbour-dredging-9f2c';
  const content = [
    `<h3>${title}</h3>`,
    '<p>The port says the channel must be dredged to 17 metres for the new berths. Biologists who have counted the seals on the sandbanks for thirty years say the colonies will not survive it.</p>',
    '<h3>When the pups are born</h3>',
    '<p>&#8220;The pups are born exactly when the dredgers would be working,&#8221; said Hanne Ruys, who leads the count every summer, and who wants the work kept to the winter months.</p>',
    `<hr><p><a href="${link}">${title}</a> was originally published in <a href="https://medium.example/valley-notes">Valley Notes</a> on Medium, where people are continuing the conversation by highlighting and responding to this story.</p>`,
  ].join('');
  const article = extractArticle({ path: 'notes.rss', index: 0, format: 'html', content, hints: { title, url: link } });
  assert.equal(article.title, title);
  assert.ok(article.text.startsWith('The port says the channel'), article.text.slice(0, 80));
  // The article's own section heading stays.
  assert.ok(article.text.includes('When the pups are born'));
  assert.ok(article.text.endsWith('kept to the winter months.'), article.text.slice(-80));
});

test("the body leaves out an update stamp, a gallery's counter and a line about the author, and keeps an exhibition's dates", () => {
  const body = [
    '<p>Mar. 6, 2025Updated: Mar. 6, 2025 1:35 a.m.</p>',
    '<p>The harbour museum reopened its east wing on Wednesday after two years of repairs to the roof and the old timber floors.</p>',
    '<p>29 November 2024 | 20 January 2025</p>',
    '<p>Curators have hung forty paintings of the coast that had been kept in storage since the storm damaged the building in 2022.</p>',
    '<div class="gallery"><p>1 of 6</p></div>',
    '<p>"People kept asking when they could see the boats again," the museum director told reporters at the opening, adding that the wing would stay open late on Fridays.</p>',
    '<p>The town council paid for most of the work, and a local shipping firm gave the rest, according to the museum annual report.</p>',
    '<p>Updated at 1:23 p.m.</p>',
    "<p>Pia Vennor is the Courier's arts editor and has covered the museum since it first closed.</p>",
  ].join('\n');
  const article = extractArticle(html(`<html><head><title>Harbour museum reopens east wing</title></head><body><article><h1>Harbour museum reopens east wing</h1>${body}</article></body></html>`));
  for (const furniture of ['Updated: Mar. 6', '1 of 6', 'Updated at 1:23', 'Pia Vennor']) assert.ok(!article.text.includes(furniture), `kept furniture: ${furniture}`);
  assert.ok(article.text.startsWith('The harbour museum reopened its east wing'));
  assert.ok(article.text.includes('29 November 2024 | 20 January 2025'));
  assert.ok(article.text.endsWith('according to the museum annual report.'));
});

test("the blurb in which the outlet describes itself closes a press release and is left out; a company the story is about keeps its lines", () => {
  const release = (site: string): string => `<html><head><title>New crane at the eastern quay</title><meta property="og:site_name" content="${site}"></head><body><article><h1>New crane at the eastern quay</h1>
<p>Halvard Terminals has put a second ship-to-shore crane into service at the eastern quay of the port of Westmere, doubling the number of containers the quay can move in an hour.</p>
<p>The crane was built in Rotterdam and shipped in parts over the summer; it was assembled on the quay in six weeks and passed its load tests on Friday.</p>
<p>"The second crane means ships no longer wait at anchor for a berth," said Ines Falk, the terminal's operations director, adding that night shifts would start next month.</p>
<hr><p>Halvard Terminals is a port operator founded in 1921 that runs four container terminals on the northern coast and employs around 1,300 people.</p>
<p>Halvard Terminals is headquartered in Westmere and listed on the regional stock exchange since 1998.</p></article></body></html>`;
  const own = extractArticle(html(release('Halvard Terminals'), { url: 'https://www.halvardterminals.example/news/second-crane' }));
  assert.ok(own.text.endsWith('adding that night shifts would start next month.'), own.text.slice(-120));
  assert.ok(!own.text.includes('port operator founded in 1921'));
  // The same paragraphs on a newspaper's site are about the company, not the outlet.
  const news = extractArticle(html(release('Westmere Courier'), { url: 'https://www.westmerecourier.example/port/second-crane' }));
  assert.ok(news.text.includes('Halvard Terminals is headquartered in Westmere'));
});

test("a company site without a declared name is named by its address's own label, also under a two-part suffix (halvard.co.uk is Halvard): its closing blurb goes", () => {
  const page = `<html><head><title>New crane at the eastern quay</title></head><body><article><h1>New crane at the eastern quay</h1>
<p>Halvard has put a second ship-to-shore crane into service at the eastern quay of the port of Westmere, doubling the number of containers the quay can move in an hour.</p>
<p>The crane was built in Rotterdam and shipped in parts over the summer; it was assembled on the quay in six weeks and passed its load tests on Friday.</p>
<p>"The second crane means ships no longer wait at anchor for a berth," said Ines Falk, the terminal's operations director, adding that night shifts would start next month.</p>
<hr><p>Halvard is a port operator founded in 1921 that runs four container terminals on the northern coast and employs around 1,300 people.</p>
<p>Halvard is headquartered in Westmere and listed on the regional stock exchange since 1998.</p></article></body></html>`;
  const release = extractArticle(html(page, { url: 'https://www.halvard.co.uk/news/second-crane' }));
  assert.ok(release.text.endsWith('adding that night shifts would start next month.'), release.text.slice(-120));
});

test('a text whose container names its language in words is stored under the code', () => {
  const article = extractArticle({
    path: 'hafen.txt',
    index: 0,
    format: 'text',
    content:
      'Der Hafen von Brennmouth bleibt nach dem Streik der Hafenarbeiter bis mindestens Samstag für alle Containerschiffe geschlossen, teilte der Betreiber am Donnerstag mit.\n\n' +
      'Die Gewerkschaft will am Freitag über das Angebot abstimmen, das eine Lohnerhöhung von 4,5 Prozent in diesem Jahr vorsieht.',
    hints: { language: 'Deutsch', title: 'Hafen bleibt bis Samstag geschlossen' },
  });
  assert.equal(article.language, 'de');
});
