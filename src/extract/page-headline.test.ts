import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseHeadline, withoutOutlet } from './page-headline.js';

const outlet = ['The Harbour Times', 'harbourtimes'];

test('the shown headline wins when the page title agrees with it once the outlet is cut off', () => {
  assert.equal(
    chooseHeadline({
      declared: ['Ferry fares to rise in spring | The Harbour Times'],
      headings: ['The Harbour Times', 'Ferry fares to rise in spring'],
      outletNames: outlet,
    }),
    'Ferry fares to rise in spring',
  );
});

test('a heading that is one part of a declared title wins over the title with its subtitle', () => {
  assert.equal(
    chooseHeadline({
      declared: ['Ferry fares to rise in spring – what commuters will pay - Harbour Times'],
      headings: ['Ferry fares to rise in spring'],
      outletNames: outlet,
    }),
    'Ferry fares to rise in spring',
  );
});

test("a page's one headline wins over a title written for search engines", () => {
  assert.equal(
    chooseHeadline({
      declared: ['Ferry Prices 2026: Complete Guide to Fares and Passes'],
      headings: ['Ferry fares to rise in spring as fuel costs bite'],
      outletNames: outlet,
    }),
    'Ferry fares to rise in spring as fuel costs bite',
  );
});

test('a banner in capitals or a two-word heading does not replace the declared title', () => {
  for (const heading of ['LATEST FERRY NEWS', 'Our blog']) {
    assert.equal(
      chooseHeadline({ declared: ['Ferry fares to rise in spring | The Harbour Times'], headings: [heading], outletNames: outlet }),
      'Ferry fares to rise in spring',
    );
  }
});

test('without headings the declared title loses the outlet before or after it', () => {
  assert.equal(chooseHeadline({ declared: ['Harbour Times: Ferry fares to rise'], headings: [], outletNames: outlet }), 'Ferry fares to rise');
  assert.equal(chooseHeadline({ declared: ['The Harbour Times | Ferry fares to rise'], headings: [], outletNames: outlet }), 'Ferry fares to rise');
  assert.equal(chooseHeadline({ declared: [], headings: [], outletNames: outlet }), null);
});

test("a headline that names the outlet keeps it; a title that is only the outlet's name is kept whole", () => {
  assert.equal(
    chooseHeadline({ declared: ['Harbour Times staff vote to strike | The Harbour Times'], headings: ['Harbour Times staff vote to strike'], outletNames: outlet }),
    'Harbour Times staff vote to strike',
  );
  assert.equal(withoutOutlet('The Harbour Times', outlet), 'The Harbour Times');
  // A section between the headline and the outlet stays: it is not the outlet's name.
  assert.equal(withoutOutlet('Ferry fares to rise | Transport | Harbour Times', outlet), 'Ferry fares to rise | Transport');
});

test('a declared title cut short is completed by a longer one that opens with it', () => {
  assert.equal(
    chooseHeadline({
      declared: ['Ask the Engineer: Why do old bridges sing in the wind? We asked four (Including', 'Ask the Engineer: Why do old bridges sing in the wind? We asked four (Including one who built them) - Harbour Times'],
      headings: [],
      outletNames: outlet,
    }),
    'Ask the Engineer: Why do old bridges sing in the wind? We asked four (Including one who built them)',
  );
});

test('a date or post line set inside the heading is no part of the headline', () => {
  for (const heading of ['Dec 18 2025 Tide gauges to be replaced along the quay', 'Tide gauges to be replaced along the quay Posted on July 1, 2024 by harbourdesk']) {
    assert.equal(chooseHeadline({ declared: ['Tide gauges to be replaced along the quay'], headings: [heading], outletNames: outlet }), 'Tide gauges to be replaced along the quay');
  }
});

test('a site name that is the whole page title (a template error) does not hide the headline', () => {
  const title = 'How to read a tide table: a complete guide | Harbour Times';
  assert.equal(
    chooseHeadline({ declared: [title], headings: ['How to read a tide table: a complete guide'], outletNames: [title, 'harbourtimes'] }),
    'How to read a tide table: a complete guide',
  );
});

test('a comment counter set inside the heading is left out', () => {
  assert.equal(
    chooseHeadline({ declared: ['Ferry fares to rise in spring (harbourtimes.example) - Quayside'], headings: ['Ferry fares to rise in spring (harbourtimes.example) 87'], outletNames: ['Quayside', 'quayside'] }),
    'Ferry fares to rise in spring (harbourtimes.example)',
  );
  // With the source it credits between the headline and the counter.
  assert.equal(
    chooseHeadline({ declared: ['Ferry fares to rise in spring - Quayside'], headings: ['Ferry fares to rise in spring (harbourtimes.example) 87'], outletNames: ['Quayside', 'quayside'] }),
    'Ferry fares to rise in spring',
  );
  // A number that belongs to the headline stays.
  assert.equal(chooseHeadline({ declared: ['Apollo 11 | Harbour Times'], headings: ['Apollo 11'], outletNames: outlet }), 'Apollo 11');
});
