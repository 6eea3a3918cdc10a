import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outletOfFeedTitle } from './feed-outlet.js';

test('a feed titled by outlet and section is filed under the outlet, whichever side the outlet stands', () => {
  assert.equal(outletOfFeedTitle('The Harbour Times - Brennmouth news', 'https://harbourtimes.example/'), 'The Harbour Times');
  assert.equal(outletOfFeedTitle('World news | The Guardian', 'https://www.theguardian.com/world'), 'The Guardian');
  assert.equal(outletOfFeedTitle('Reuters: Top News', 'https://www.reuters.com/'), 'Reuters');
  assert.equal(outletOfFeedTitle('BBC News - Europe', 'https://www.bbc.co.uk/news/world/europe'), 'BBC News');
  assert.equal(outletOfFeedTitle('NYT > World News', 'https://www.nytimes.com/section/world'), 'NYT');
});

test('a part named by the site address in full wins over one that only shares its initials', () => {
  assert.equal(outletOfFeedTitle('World News - WNYC', 'https://www.wnyc.org/'), 'WNYC');
});

test('a feed title without a section, or whose parts do not name its site, is kept whole', () => {
  assert.equal(outletOfFeedTitle('Coastline FM News', 'https://coastlinefm.example/'), 'Coastline FM News');
  assert.equal(outletOfFeedTitle('Ports & Shipping - Weekly Digest', 'https://feeds.feedburner.com/portsdigest'), 'Ports & Shipping - Weekly Digest');
  assert.equal(outletOfFeedTitle('Marren Courier - Local', null), 'Marren Courier - Local');
  assert.equal(outletOfFeedTitle(null, 'https://harbourtimes.example/'), null);
});
