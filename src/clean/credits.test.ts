import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditOfLine, findCredits } from './credits.js';

test('credit lines and datelines name the agencies once each', () => {
  const text = 'PARIS (AFP) — Ministers met on Monday.\nMore text follows here.\nWith AFP and Reuters\nAFP\nAFP';
  assert.deepEqual(findCredits(text), ['AFP', 'Reuters']);
});

test('only whole credit lines count, not agencies named inside a sentence', () => {
  assert.deepEqual(creditOfLine('With AFP'), ['AFP']);
  assert.deepEqual(creditOfLine('Additional reporting by Reuters'), ['Reuters']);
  assert.equal(creditOfLine('Reuters reported that talks had stalled.'), null);
  assert.deepEqual(findCredits('The AFP news agency said talks had stalled.'), []);
});

test('any agency is a credit after "With", or by its initials in a dateline; prose is not', async () => {
  const { findCredits: find } = await import('./credits.js');
  assert.deepEqual(find('The fund was approved on Monday.\nWith CPA'), ['CPA']);
  assert.deepEqual(find('(With Nordwire)'), ['Nordwire']);
  assert.deepEqual(find('OSTWICK, April 13 (CPA) - About 3,000 residents were evacuated.'), ['CPA']);
  assert.deepEqual(find('With the river rising, the town council met again on Tuesday evening.'), []);
  assert.deepEqual(find('with love'), []);
});

test("the newsroom's own credit lines are recognised; sentences about reporting are not", async () => {
  const { isStaffCredit } = await import('./credits.js');
  assert.ok(isStaffCredit('(Reporting by Ana Ruiz in Lima; Editing by Tom Hale)'));
  assert.ok(isStaffCredit('Additional reporting by Mei Tanaka'));
  assert.ok(isStaffCredit('Ana Ruiz in Lima contributed to this report.'));
  assert.ok(isStaffCredit('Staff writers Ana Ruiz and Tom Hale contributed reporting from Brussels.'));
  assert.ok(isStaffCredit('Filed under: Energy, Europe'));
  assert.ok(isStaffCredit('Ana Ruiz Lima contributed reports, Tom Hale from Rome, Ivo Petrov of Sofia, Bulgaria and Mei Tanaka From Osaka, Japan.'));
  assert.ok(!isStaffCredit('Ana Ruiz contributed reports that the council later used to justify closing the clinic.'));
  assert.ok(!isStaffCredit('Reporting by local media suggested the mine would close.'));
  assert.ok(!isStaffCredit('Editing by committee slowed the bill, the senator said, and nobody contributed to this report of delays on time.'.repeat(5)));
  assert.ok(!isStaffCredit('He said the council had contributed to this report over two years of hearings in the town hall before the vote on Tuesday when the mayor finally agreed to publish it with all the annexes.'));
});

test('a note that the article is republished names the outlet where it first ran; sentences about publishing do not', () => {
  const named = (line: string): string | null => creditOfLine(line)?.[0] ?? null;
  assert.equal(named('This article is republished from Valley Dispatch under a Creative Commons license. Read the original article.'), 'Valley Dispatch');
  assert.equal(named('This article was originally published on The Harbour Conversation. Read the original article.'), 'The Harbour Conversation');
  assert.equal(named('This story first appeared in Grist Weekly.'), 'Grist Weekly');
  assert.equal(named('A version of this story appeared in The Harbour Times on 8 April 2025.'), 'The Harbour Times');
  assert.equal(named('Originally published at valleydispatch.example on April 8, 2025.'), 'valleydispatch.example');
  assert.equal(named('This article was originally published in the Journal of Shipping.'), 'Journal of Shipping');
  assert.equal(named('This story was first published on Tuesday.'), null);
  assert.equal(named('The report was first published in March by the ministry, which said it found no fault.'), null);
  assert.equal(named('The article first appeared in the magazine last year and caused an uproar among its readers.'), null);
  assert.deepEqual(findCredits('The council met.\nThis story originally appeared on Valley Dispatch.'), ['Valley Dispatch']);
});
