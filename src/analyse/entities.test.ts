import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { findEntities } from './entities.js';
import { tokenize } from './text-tokens.js';

const { gazetteer } = createAnalysisContext();
const entities = (text: string): Array<{ text: string; type: string; premodifier: boolean }> =>
  findEntities(tokenize(text), gazetteer).map((e) => ({ text: e.text, type: e.type, premodifier: e.premodifier }));

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
