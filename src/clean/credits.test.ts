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
