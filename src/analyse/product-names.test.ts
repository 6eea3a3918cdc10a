import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalysisContext } from './analysis-context.js';
import { defaultTagger, findEntities } from './entities.js';
import { productNames } from './product-names.js';
import { tokenize } from './text-tokens.js';

const { gazetteer } = createAnalysisContext();
const tagged = (text: string): Array<{ text: string; type: string }> => findEntities(tokenize(text), gazetteer, defaultTagger()).map((e) => ({ text: e.text, type: e.type }));
const products = (text: string): string[] => {
  const doc = tokenize(text);
  return [...productNames(doc, findEntities(doc, gazetteer, defaultTagger()), gazetteer)].sort();
};

test('a car model after its maker is no person or company, wherever the article names it', () => {
  const text = [
    'Brantley to end the Vireo',
    'Brantley Motors will stop building the Brantley Vireo in March, chief executive Dana Whitlock said in Detroit.',
    'The Vireo has sold poorly since 2004, and dealers said they would miss the Vireo.',
  ].join('\n');
  const found = tagged(text);
  assert.ok(!found.some((e) => e.text.includes('Vireo')), JSON.stringify(found));
  assert.ok(found.some((e) => e.text === 'Brantley Motors' && e.type === 'organisation'));
  assert.ok(found.some((e) => e.text.endsWith('Dana Whitlock') && e.type === 'person'));
  assert.ok(found.some((e) => e.text === 'Detroit' && e.type === 'place'));
});

test('names listed before a product noun, or after "model", are products; the maker of a numbered model is not', () => {
  assert.deepEqual(products('The plant in Ohio will stop making Zephyr and Comet sedans next spring, Brantley Motors said.'), ['comet', 'zephyr']);
  assert.deepEqual(products('Brantley Motors said its next model Vireo would replace ageing vans.'), ['vireo']);
  // "Kestrel jets" alone may be the maker's jets, and Kestrel builds the K40.
  // (The model "K40" itself may be listed as a product too, when the tagger takes it for a name.)
  const jets = products('Northwind Airways flies Kestrel and Osprey jets; it ordered ten Kestrel K40 aircraft.');
  assert.ok(jets.includes('osprey') && !jets.includes('kestrel'), JSON.stringify(jets));
});

test('a name that speaks or owns is no product, nor is a title or a place after a company', () => {
  assert.deepEqual(products('Brantley Motors sold its Lumen and Tavish vans. Tavish said the deal was fair, and Lumen\'s owners agreed.'), []);
  assert.deepEqual(products('Brantley Motors President Ana Ruiz opened the Brantley Europe office.'), []);
});

test('a name with a title or a first name is a person, never a product', () => {
  assert.deepEqual(products('Kestrel said on Monday it would build the Kestrel Vireo in Ohio next year.'), ['vireo']);
  assert.deepEqual(products('Kestrel said on Monday it would build the Kestrel Vireo in Ohio. Mr. Vireo, who drew it, was pleased.'), []);
  assert.deepEqual(products('Kestrel said on Monday it would build the Kestrel Vireo in Ohio. Its designer, Dana Vireo, was pleased.'), []);
});
