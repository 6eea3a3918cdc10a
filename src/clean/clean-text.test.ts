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
