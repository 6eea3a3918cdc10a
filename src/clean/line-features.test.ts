import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeLine, isDateTimeLine, isProse } from './line-features.js';

test('a title-case headline glued to its summary is told from prose with names', () => {
  assert.ok(describeLine('Ferry Service To Resume After Winter BreakThe county will reopen the landing in May, officials said.').gluedHeadline);
  assert.ok(describeLine('Is The Old Pier Safe?Engineers found cracks in two of the pillars during a routine check.').gluedHeadline);
  // Names with inner capitals, in ordinary sentences.
  assert.ok(!describeLine('Rep. Dana McAllister visited McAllen on Monday and met the mayor of the town for an hour.').gluedHeadline);
  assert.ok(!describeLine('The company sells its phones through YouTube adverts and its own shop in the city centre.').gluedHeadline);
  assert.ok(!isProse(describeLine('Ferry Service To Resume After Winter BreakThe county will reopen the landing in May, officials said.')));
});

test('picture credits and copyright notices are recognised, captions in sentences are not', () => {
  for (const credit of ['Photo: Anna Berg / Coastal Images', '(Image: © Northern Observatory)', 'Photo by Jane Roe', 'Jane Roe | Getty Images', 'Image caption The pier at dawn', '© 2025 Westmere Courier. All rights reserved.']) {
    assert.ok(describeLine(credit).credit, credit);
  }
  for (const line of ['The photo was taken by a passer-by and shared thousands of times on Monday.', 'Images from the scene showed a burnt-out car.']) {
    assert.ok(!describeLine(line).credit, line);
  }
});

test('comment headings and comment bylines are recognised', () => {
  for (const line of ['34 responses to “Harbour Authority Approves Dredging Plan”', 'Comments (12)', 'seafarer22 says:', 'Jane Roe on March 4, 2025 at 9:14 am said:']) {
    assert.ok(describeLine(line).comment, line);
  }
  assert.ok(!describeLine('The mayor said: we will decide on Monday.').comment);
});

test('an author bio is told from a sentence about someone in the story', () => {
  assert.ok(describeLine('Jonas Lind is a senior reporter for the Westmere Courier, covering shipping and the coast.').authorBio);
  assert.ok(describeLine('Mira Holt (@mholt) is a contributing editor at the Courier.').authorBio);
  assert.ok(!describeLine('Lotte Brandsma is the chair of the regional energy council and a former minister.').authorBio);
  assert.ok(!describeLine('The harbour master is a former sailor who has worked in the port for thirty years.').authorBio);
  // The outlet named in the possessive.
  assert.ok(describeLine("Pia Vennor is the Courier's deals editor and tests every kettle she recommends.").authorBio);
});

test('a publication or update stamp on its own line is told from a range, a schedule and prose', () => {
  for (const stamp of [
    'Updated at 1:23 p.m.',
    'March 6, 2025 - 11:28 AMT',
    'Mar. 6, 2025Updated: Mar. 6, 2025 1:35 a.m.',
    'Published: 6 March 2025 | 10:03 (CET)',
    'Thu, Mar. 6, 2025 at 5:00 PM EST',
    'Wednesday March 5, 2025',
    'Last updated: 2025-03-06T14:05',
    '9h ago',
    '06/03/2025 14:05',
  ]) {
    assert.ok(isDateTimeLine(stamp), stamp);
    assert.ok(describeLine(stamp).timeOnly, stamp);
  }
  for (const line of [
    // An exhibition's dates and a museum's opening hours are the article's facts.
    '29 November 2024 | 20 January 2025',
    '9.30 A.M. / 7.00 P.M.',
    'In May 2025',
    'Meet at 10:30 in May',
    'Posted on March 3, 2025 by admin',
    'Score 3-1',
    'Updated',
  ]) {
    assert.ok(!isDateTimeLine(line), line);
  }
});

test("a gallery's counter and a pager are navigation", () => {
  for (const line of ['1 of 6', 'Photo 3 of 12', 'Page 2 of 5']) assert.ok(describeLine(line).navigation, line);
  assert.ok(!describeLine('Three of the six ferries were cancelled.').navigation);
});

test('a caption closing on its credit, and a paragraph closing on a call to follow, are told apart from prose', () => {
  assert.ok(describeLine('Workers check the new crane on the eastern quay before its first shift. Credit: Port of Westmere').credit);
  assert.ok(describeLine('A container ship waits outside the harbour mouth on Tuesday morning (AP)').credit);
  assert.ok(!describeLine('The agreement was signed by the World Health Organization (WHO).').credit);
  assert.ok(describeLine('Jonas Lind covers the coast for the Courier. Follow him on Twitter @jlind.').callToAction);
  assert.ok(describeLine('In each episode of her weekly show, she explains one law in plain words. Click here to subscribe!').callToAction);
  // Ordinary closing sentences that start with the same words.
  assert.ok(!describeLine('The port expects more ships next year. Like many towns on the coast, Westmere depends on them.').callToAction);
  assert.ok(!describeLine('The board approved the budget on Monday. Follow-up talks with the unions are planned for May.').callToAction);
});

test('a closing call to comment or to contact the outlet is a call to action; an article sentence or a numbered tip is not', () => {
  for (const line of [
    'What do you think? Leave a comment below.',
    'Got a story to share? Contact us.',
    'To suggest a correction or clarification, please contact our standards editor.',
    'Spotted an error? Please let us know through the form on this page.',
  ]) {
    assert.ok(describeLine(line).callToAction, line);
  }
  for (const line of [
    '5. Try a slower pace for the first week.',
    'The council met on Monday. Residents can comment on the plan until the end of the month.',
    'Please contact your doctor if the rash spreads, the health service advised on Tuesday.',
  ]) {
    assert.ok(!describeLine(line).callToAction, line);
  }
});

test('a comment heading with a word between its count and "comments" is recognised', () => {
  for (const line of ['18 Reader Comments', '3 responses', 'Comments (4)']) assert.ok(describeLine(line).comment, line);
  assert.ok(!describeLine('Readers left 18 comments on the first story about the pier.').comment);
});

test('a tip opening with "Try" is advice in the article, not a call to action', () => {
  assert.ok(!describeLine('Try eating at the same times every day and putting the fork down between bites.').callToAction);
  assert.ok(isProse(describeLine('Try eating at the same times every day and putting the fork down between bites.')));
});

test('a line is counted alike whether or not it holds a character outside ASCII', () => {
  const plain = 'Officials in Marrow Bay said the U.S.-built ferry would not sail before May, citing repairs.';
  const accented = 'Officials in Marrow Bay said the U.S.-built ferry would not sail before May, citing repairs —';
  const a = describeLine(plain);
  const b = describeLine(accented);
  assert.equal(a.words, 15);
  assert.deepEqual([b.words, b.stopWordRatio, b.capitalisedRatio, b.allCaps], [a.words, a.stopWordRatio, a.capitalisedRatio, a.allCaps]);
  assert.equal(describeLine('RIVER  LEVELS\tFALL').key, 'river levels fall');
  assert.ok(describeLine('WEATHER WARNING FOR THE COAST').allCaps);
});

test('labels of related-article boxes and trademark notices are furniture; a sentence opening the same way is not', () => {
  for (const line of ['[Related: Harbour council keynote: tides, gates and protestors]', 'You may also like:', 'Kettle logo and Kettle TV are registered trademarks of Kettle Inc.']) {
    assert.ok(describeLine(line).callToAction, line);
  }
  assert.ok(!describeLine('You may also like the new gates, officials said, because they are quieter than the old ones.').callToAction);
});

test('disclosures of commissions and comment rules are the site speaking, not the story', () => {
  for (const line of [
    'Our editors pick every kettle we review. When you buy through our links, we may earn a small commission.',
    'Harbour Gear is reader-supported. We buy every product we test.',
    'All comments are moderated before they appear.',
    'Please be respectful of other readers.',
  ]) {
    assert.ok(describeLine(line).callToAction, line);
  }
  // A story about commissions is not a disclosure.
  assert.ok(!describeLine('The council said the agency would earn a commission of 3 per cent on every ferry ticket sold.').callToAction);
});

test('a byline is recognised whether it opens with a capital or not, a sentence opening with "By" is not', () => {
  for (const line of ['By Nadia Kovac', 'by Peter Holt and Ana Ruiz', 'Von Max Muster', 'Par Claire Dubois']) {
    assert.ok(describeLine(line).byline, line);
  }
  for (const line of ['By Monday the water had gone down in most streets.', 'By then, nobody was listening']) {
    assert.ok(!describeLine(line).byline, line);
  }
});
