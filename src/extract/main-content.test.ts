import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './html-document.js';
import { extractMainContent } from './main-content.js';

const paragraphs = (...texts: string[]): string => texts.map((t) => `<p>${t}</p>`).join('\n');
const main = (html: string): string => extractMainContent(parseDocument(html), { reparse: () => parseDocument(html) }).text;

const FERRY = [
  'The island ferry will run twice as often from next month, the harbour board said on Monday, after a summer in which queues at the slipway stretched back past the fish market most mornings.',
  'Two boats will now cross every forty minutes between six in the morning and ten at night, and a third will be held in reserve for the weeks of the regatta, when visitors outnumber islanders four to one.',
  'Islanders had petitioned the board for three years, saying the single crossing each hour left nurses, teachers and shop staff waiting in the rain for a place on a boat that was full before it docked.',
  'The board said the extra sailings would be paid for by a small rise in the fare for cars, while foot passengers and cyclists would pay the same as before and children under twelve would still travel free.',
];

test('an article inside a container whose class says "sidebar" layout is still found, not a short notice elsewhere', () => {
  const terms = 'Prices and availability were correct when this page was last checked and may have changed since then. Our editors test what they can in person, and say so when a recommendation rests on the maker\'s own figures instead. Questions about a purchase go to the shop that sold it: we cannot see or change any order placed through a link on these pages.';
  const notice = 'This site may receive a commission when readers follow links to the shops and services mentioned in its pages. That never changes what we write about them, and our reviewers choose every product on their own. Read our full policy on how we earn money and how we keep that apart from our reporting before you buy anything through a link on this site, thank you.';
  const page = `<html><body>
    <div class="disclosure-box"><p>${notice}</p><p>${terms}</p></div>
    <article class="template template-with-sidebar"><h1>Ferry to run twice as often</h1>${paragraphs(...FERRY)}</article>
  </body></html>`;
  const text = main(page);
  for (const paragraph of FERRY) assert.ok(text.includes(paragraph), `missing: ${paragraph.slice(0, 40)}`);
});

test('a hover card of a person\'s other articles inside a sentence is left out, the sentence kept whole', () => {
  const card = '<span class="person-card"><img src="p.jpg" alt=""><a href="/people/ada">Ada Quill</a><a href="/a/1">Council backs new tram line to the airport</a> <a href="/a/2">Quill says budget will balance by spring</a> <a href="/a/3">Mayor race tightens after debate</a></span>';
  const page = `<html><body><article><h1>Ferry to run twice as often</h1>
    <p>The plan was first put forward by councillor <span class="person"><a href="/people/ada">Ada Quill</a>${card}</span>, who said the island had waited long enough for a service that matched the mainland's, and who now chairs the harbour board.</p>
    ${paragraphs(...FERRY)}</article></body></html>`;
  const text = main(page);
  assert.ok(text.includes('put forward by councillor Ada Quill, who said the island had waited long enough'), text.slice(0, 300));
  assert.ok(!text.includes('Council backs new tram line'));
});

test('an affiliate disclosure, a sign-up call to action and an author bio inside the article are left out', () => {
  const page = `<html><body><article><h1>Ferry to run twice as often</h1>
    <div class="affiliate-disclosure"><h4>How we earn money</h4><p>Products on this page were chosen by our editors, and the paper is paid a share of the price when readers buy them from the retailers named here.</p></div>
    ${paragraphs(...FERRY)}
    <div class="story-cta"><h3>Never miss a crossing</h3><p>Every morning our islands desk sends the timetable changes, the weather at the slipway and the week's harbour news to readers who asked for them.</p></div>
    <div class="author-details"><div class="bio">Ines Harrow has covered the islands and their harbours for the paper since she moved to the coast from the city eleven years ago, after a decade of court reporting.</div></div>
  </article></body></html>`;
  const text = main(page);
  for (const paragraph of FERRY) assert.ok(text.includes(paragraph));
  for (const furniture of ['paid a share of the price', "the week's harbour news", 'a decade of court reporting']) {
    assert.ok(!text.includes(furniture), `kept: ${furniture}`);
  }
});

test('section headings of the article that open a paragraph are kept, question headings of an interview too', () => {
  const page = `<html><body><article><h1>Meet the new harbour master</h1>
    ${paragraphs(FERRY[0] as string, FERRY[1] as string)}
    <h3>Q: Where did you grow up?</h3>
    <p>A: On the north shore, two streets from the slipway, in a house where the tide tables hung beside the calendar and everyone knew the times of the first boat by heart.</p>
    <h3>How the fares will change</h3>
    ${paragraphs(FERRY[2] as string, FERRY[3] as string)}
  </article></body></html>`;
  const text = main(page).split('\n\n');
  assert.ok(text.includes('Q: Where did you grow up?'), text.join(' | '));
  assert.ok(text.includes('How the fares will change'), text.join(' | '));
  assert.equal(text[text.indexOf('Q: Where did you grow up?') + 1]?.slice(0, 20), 'A: On the north shor');
});

const withUrl = (html: string, url: string): string =>
  extractMainContent(parseDocument(html), { reparse: () => parseDocument(html), url }).text;

const card = (href: string, label: string, headline: string, summary: string): string => `
  <div class="col"><div class="story-card"><a href="${href}"><img src="x.jpg" alt=""></a>
    <div class="kicker">${label}</div><h2 class="headline"><a href="${href}">${headline}</a></h2>
    <div class="summary"><p>${summary}</p></div></div></div>`;

test('lists of the site\'s other articles inside the story, a linked headline each, are left out, the story kept', () => {
  const more = (href: string, headline: string): string => `<ul><li><h4><a href="${href}">${headline}</a></h4></li></ul>`;
  const page = `<html><body><article><h1>Ferry to run twice as often</h1><div class="story-body">
    ${paragraphs(FERRY[0] as string, FERRY[1] as string)}
    <h4>More:</h4>
    ${more('/news/2024/05/lighthouse-cottage-sold-at-auction', 'Lighthouse keeper\'s cottage sold at auction')}
    ${more('https://www.islandnews.example/news/2024/05/school-roof-repaired', 'School roof repaired before the winter storms')}
    ${more('https://elsewhere.example/travel/best-islands', 'The ten best islands for a quiet summer')}
    ${paragraphs(FERRY[2] as string, FERRY[3] as string)}
  </div></article></body></html>`;
  const text = withUrl(page, 'https://www.islandnews.example/news/2024/05/ferry-twice-as-often');
  for (const paragraph of FERRY) assert.ok(text.includes(paragraph));
  for (const teaser of ['Cottage sold at auction', 'School roof repaired', 'best islands']) assert.ok(!text.toLowerCase().includes(teaser.toLowerCase()), `kept: ${teaser}`);
});

test('an article made of linked entries for outside places keeps every entry', () => {
  const trails = [
    ['https://parks.example/trails/river-walk', 'The River Walk Along The Old Towpath', 'Six flat miles from the lock to the mill, shaded most of the way and paved for bicycles and pushchairs.'],
    ['https://county.example/paths/ridge-loop', 'The Ridge Loop Above The Quarry', 'A steeper climb with views over the bay, best walked early before the heat of the afternoon.'],
    ['https://trust.example/walks/marsh-boardwalk', 'The Marsh Boardwalk To The Bird Hide', 'Boards over the reed beds lead to a hide where herons nest every spring, a mile from the car park.'],
  ];
  const entries = trails.map(([href, name, about]) => card(href as string, 'TRAIL', name as string, about as string)).join('');
  const page = `<html><body><article><h1>Three walks for a summer weekend</h1>${paragraphs(FERRY[0] as string, FERRY[1] as string)}${entries}</article></body></html>`;
  const text = withUrl(page, 'https://www.islandnews.example/2024/06/summer-walks');
  for (const [, name, about] of trails) {
    assert.ok(text.includes(name as string), `missing: ${name}`);
    assert.ok(text.includes(about as string), `missing: ${about}`);
  }
});

test('section headings that link to the site\'s own pages stay when their section\'s text follows them', () => {
  const page = `<html><body><article><h1>Two ferries compared</h1>${paragraphs(FERRY[0] as string)}
    <h2><a href="/boats/island-queen">The Island Queen Car Ferry</a></h2>${paragraphs(FERRY[1] as string, FERRY[2] as string)}
    <h2><a href="/boats/morning-star">The Morning Star Foot Ferry</a></h2>${paragraphs(FERRY[3] as string)}
  </article></body></html>`;
  const text = withUrl(page, 'https://www.islandnews.example/2024/06/ferries');
  for (const paragraph of FERRY) assert.ok(text.includes(paragraph));
  assert.ok(text.includes('The Island Queen Car Ferry') && text.includes('The Morning Star Foot Ferry'), text);
});

test('a list after the story pointing to the site\'s other articles is left out with its label; a checklist that links a word per item stays', () => {
  const pointers = ['Harbour master retires after forty years', 'Lifeboat crew rescue two kayakers off the point', 'Why the island\'s only cinema is closing'];
  const checklist = [
    'Book the car space on the <a href="/ferry/booking">crossing</a> at least a week before the regatta weekend',
    'Bring the <a href="/ferry/permits">resident permit</a> on every crossing, the crew checks it at the ramp',
    'Arrive half an hour early on Saturdays, when the queue reaches the fish market',
  ];
  const page = `<html><body><article><h1>Ferry to run twice as often</h1><div class="body">
    ${paragraphs(FERRY[0] as string, FERRY[1] as string)}
    <ul>${checklist.map((item) => `<li>${item}</li>`).join('')}</ul>
    ${paragraphs(FERRY[2] as string, FERRY[3] as string)}
    <hr><div class="heading">More island stories</div>
    <ul>${pointers.map((headline, i) => {
      const words = headline.split(' ');
      const half = Math.floor(words.length / 2);
      return `<li>${words.slice(0, half).join(' ')} <a href="https://www.islandnews.example/news/${i}/story">${words.slice(half).join(' ')}</a></li>`;
    }).join('')}</ul>
  </div></article></body></html>`;
  const text = withUrl(page, 'https://www.islandnews.example/news/2024/05/ferry-twice-as-often');
  for (const paragraph of FERRY) assert.ok(text.includes(paragraph));
  assert.ok(text.includes('Arrive half an hour early on Saturdays'), text);
  assert.ok(text.includes('Bring the resident permit on every crossing'), text);
  for (const kept of [...pointers, 'More island stories']) assert.ok(!text.includes(kept), `kept: ${kept}`);
});

test('an embedded post quoted in the article keeps its signature line', () => {
  const page = `<html><body><article><h1>Ferry to run twice as often</h1>
    ${paragraphs(FERRY[0] as string, FERRY[1] as string)}
    <blockquote class="embedded-post"><p>Finally! Two boats an hour means I can stop leaving for the early shift at half past five.</p>— Mara Tull (@maratull_isle) May 6, 2024</blockquote>
    ${paragraphs(FERRY[2] as string, FERRY[3] as string)}
  </article></body></html>`;
  const text = main(page).split('\n\n');
  assert.ok(text.includes('— Mara Tull (@maratull_isle) May 6, 2024'), text.join(' | '));
  assert.equal(text[text.indexOf('— Mara Tull (@maratull_isle) May 6, 2024') + 1], FERRY[2]);
});

test('a box label left at the very end of the article, with nothing under it, is left out; a last section keeps its heading', () => {
  const page = `<html><body><article><h1>Ferry to run twice as often</h1><div class="body">
    ${paragraphs(FERRY[0] as string, FERRY[1] as string)}
    <h3>Where the money comes from</h3>
    ${paragraphs(FERRY[2] as string, FERRY[3] as string)}
    <div class="box-title"><h2>From the harbour desk</h2></div><div class="box-items"></div>
  </div></article></body></html>`;
  const text = main(page).split('\n\n');
  assert.ok(text.includes('Where the money comes from'), text.join(' | '));
  assert.ok(!text.includes('From the harbour desk'), text.join(' | '));
  assert.equal(text[text.length - 1], FERRY[3]);
});

test('section headings repeated in every part of a plan are kept each time', () => {
  const day = (n: number): string => `<h2>Day ${n}</h2>
    <h3>Morning crossing</h3><p><em>Boats leave every forty minutes</em></p><p>Take the ${6 + n} o'clock boat from the north slipway and walk ${n} miles of the cliff path towards the lighthouse, at an easy pace with a stop at the chapel.</p>
    <h3>Evening crossing</h3><p><em>The last boat leaves at ten</em></p><p>Come back from the harbour after supper on day ${n}; buy the return ticket in the morning, as the kiosk closes at six on weekdays and at four on Sundays.</p>`;
  const page = `<html><body><article><h1>Three days on the island by ferry</h1>${paragraphs(FERRY[0] as string)}${day(1)}${day(2)}${day(3)}</article></body></html>`;
  const text = main(page).split('\n\n');
  assert.equal(text.filter((line) => line === 'Morning crossing').length, 3, text.join(' | '));
  assert.equal(text.filter((line) => line === 'Evening crossing').length, 3, text.join(' | '));
});

test('a short blurb in a box of its own after the article body is left out; the body\'s closing paragraph stays', () => {
  const closing = 'The first of the new sailings leaves the north slipway at six on Monday.';
  const blurb = 'Ines Harrow writes about the islands, their harbours and the people who keep the boats running.';
  const page = `<html><body><article><h1>Ferry to run twice as often</h1>
    <div class="story-text">${paragraphs(...FERRY, closing)}</div>
    <div class="writer"><p>${blurb}</p></div>
  </article></body></html>`;
  const text = main(page);
  for (const paragraph of [...FERRY, closing]) assert.ok(text.includes(paragraph), `missing: ${paragraph.slice(0, 40)}`);
  assert.ok(!text.includes(blurb), text);
});

test('a short deck in a box of its own before the article body is left out; an introduction set apart is kept', () => {
  const deck = 'Two boats an hour, and about time too.';
  const intro = 'For three summers the single ferry has been the island\'s bottleneck, and the harbour board has at last agreed to a second boat.';
  const body = `<div class="story-text">${paragraphs(...FERRY)}</div>`;
  const withDeck = `<html><body><article><h1>Ferry to run twice as often</h1><div class="deck"><span>${deck}</span></div>${body}</article></body></html>`;
  const withIntro = `<html><body><article><h1>Ferry to run twice as often</h1><div class="intro"><p>${intro}</p></div>${body}</article></body></html>`;
  const decked = main(withDeck);
  for (const paragraph of FERRY) assert.ok(decked.includes(paragraph));
  assert.ok(!decked.includes(deck), decked);
  assert.ok(main(withIntro).includes(intro));
});
