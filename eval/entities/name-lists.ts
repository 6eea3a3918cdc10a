/**
 * @module Builds src/analyse/name-lists.json: one-word company names for the entity tagger's word
 * classes, from the npm package @cspell/dict-companies (MIT, © Street Side Software; see NOTICE),
 * a spelling dictionary of company names. Only this script reads the package (a devDependency);
 * the product reads the JSON it writes.
 *
 * Kept: words of three or more letters written with a capital (stock tickers such as "AAPL" too: they
 * are rare in running text, and "EADS" looks the same). Left out: words that the gazetteer or the word lists
 * already give another meaning (given names, places, titles, organisation words like "Corporation",
 * sentence openers, calendar words, nationalities): "James", "Boston" and "United" are on the list.
 * Run: node --import tsx eval/entities/name-lists.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, type Gazetteer } from '../../src/analyse/gazetteer.js';
import {
  CALENDAR_WORDS, DEMONYMS, NAME_CONNECTORS, ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, SENTENCE_OPENERS,
} from '../../src/analyse/entity-lexicon.js';

/** The company words of the dictionary text (one entry a line, '#' comments), lower-cased and filtered. */
export function companyWords(dictionary: string, gaz: Pick<Gazetteer, 'places' | 'countries' | 'firstNames'>): string[] {
  const out = new Set<string>();
  for (const line of dictionary.split('\n')) {
    const word = line.trim();
    if (!/^\p{Lu}[\p{L}\d&'-]{2,}$/u.test(word)) continue;
    const lower = word.toLowerCase();
    if (gaz.firstNames.has(lower) || gaz.places.has(lower) || gaz.countries.has(lower)) continue;
    if ([CALENDAR_WORDS, DEMONYMS, NAME_CONNECTORS, ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, SENTENCE_OPENERS].some((list) => list.has(lower))) continue;
    out.add(lower);
  }
  return [...out].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@cspell/dict-companies/cspell-ext.json'));
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const companies = companyWords(readFileSync(join(pkg, 'dict', 'companies.txt'), 'utf8'), loadGazetteer({ minCityPopulation: 100_000 }));
  const out = fileURLToPath(new URL('../../src/analyse/name-lists.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify({ source: `@cspell/dict-companies ${version} (MIT)`, companies })}\n`);
  console.log(`${companies.length} company words -> ${out}`);
}
