/**
 * @module Builds src/analyse/name-lists.json: one-word company names for the entity tagger's word
 * classes, from the npm package @cspell/dict-companies (MIT, © Street Side Software; see NOTICE),
 * a spelling dictionary of company names; and given names beyond the stdlib English lists, from
 * the npm package gender-detection-from-name (MIT; see NOTICE). Only this script reads those
 * packages (devDependencies); the product reads the JSON it writes.
 *
 * Kept: words of three or more letters written with a capital (stock tickers such as "AAPL" too: they
 * are rare in running text, and "EADS" looks the same). Left out: words that the gazetteer or the word lists
 * already give another meaning (given names, places, titles, organisation words like "Corporation",
 * sentence openers, calendar words, nationalities): "James", "Boston" and "United" are on the list.
 * Given names: the package's English, German, Spanish, French, Italian and Turkish lists (67k
 * names, mostly the US birth registers: "Donald", "Barack", "Olaf", "Volodymyr", "Recep" are there,
 * the stdlib lists lack them). Those registers hold every name given a few times, so also "The",
 * "Said", "North", "Tesla" and "Paris": a name that is an English word (the npm package
 * an-array-of-english-words, 275k words), a place, a country, a company word or one of the
 * tagger's word lists is left out; the stdlib names are not repeated. With each name, its gender
 * where the registers agree on one (`givenNameGenders`, a letter per name), for pronouns.
 * Run: node --import tsx eval/entities/name-lists.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, stdlibFirstNames, type Gazetteer } from '../../src/analyse/gazetteer.js';
import { joinSortedWords } from '../../src/analyse/sorted-words.js';
import {
  CALENDAR_WORDS, DEMONYMS, NAME_CONNECTORS, ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, SENTENCE_OPENERS,
} from '../../src/analyse/entity-lexicon.js';

const LEXICON_LISTS = [CALENDAR_WORDS, DEMONYMS, NAME_CONNECTORS, ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, SENTENCE_OPENERS];

/** The company words of the dictionary text (one entry a line, '#' comments), lower-cased and filtered. */
export function companyWords(dictionary: string, gaz: Pick<Gazetteer, 'places' | 'countries' | 'firstNames'>): string[] {
  const out = new Set<string>();
  for (const line of dictionary.split('\n')) {
    const word = line.trim();
    if (!/^\p{Lu}[\p{L}\d&'-]{2,}$/u.test(word)) continue;
    const lower = word.toLowerCase();
    if (gaz.firstNames.has(lower) || gaz.places.has(lower) || gaz.countries.has(lower)) continue;
    if (LEXICON_LISTS.some((list) => list.has(lower))) continue;
    out.add(lower);
  }
  return [...out].sort();
}

/** Given names of the register lists that are no English word, place, company or listed word; lower-cased, sorted. */
export function givenNames(
  names: Iterable<string>,
  englishWords: ReadonlySet<string>,
  gaz: Pick<Gazetteer, 'places' | 'countries' | 'firstNames' | 'companies'>,
): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!/^\p{Ll}{3,}$/u.test(lower) || englishWords.has(lower)) continue;
    if (gaz.firstNames.has(lower) || gaz.places.has(lower) || gaz.countries.has(lower) || gaz.companies.has(lower)) continue;
    if (LEXICON_LISTS.some((list) => list.has(lower))) continue;
    out.add(lower);
  }
  return [...out].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@cspell/dict-companies/cspell-ext.json'));
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  // The gazetteer as the product loads it, but with the stdlib given names alone (not the list this writes).
  const gaz = { ...loadGazetteer({ minCityPopulation: 100_000 }), firstNames: stdlibFirstNames() };
  const companies = companyWords(readFileSync(join(pkg, 'dict', 'companies.txt'), 'utf8'), gaz);
  const registers = dirname(require.resolve('gender-detection-from-name'));
  const versionOf = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const registerNames: string[] = [];
  const registerGender = new Map<string, string>();
  for (const language of ['en', 'de', 'es', 'fr', 'it', 'tr']) {
    for (const [name, gender] of require(join(registers, 'names', `${language}.js`)) as Map<string, string>) {
      registerNames.push(name);
      const lower = name.toLowerCase();
      registerGender.set(lower, registerGender.has(lower) && registerGender.get(lower) !== gender ? 'unisex' : gender);
    }
  }
  const englishWords = new Set(require('an-array-of-english-words') as string[]);
  const given = givenNames(registerNames, englishWords, { ...gaz, companies: new Set(companies) });
  const out = fileURLToPath(new URL('../../src/analyse/name-lists.json', import.meta.url));
  const source = `@cspell/dict-companies ${version} (MIT); given names: gender-detection-from-name ${versionOf(registers)} (MIT) less an-array-of-english-words ${versionOf(dirname(require.resolve('an-array-of-english-words/package.json')))} (MIT)`;
  // The given names as one string (src/analyse/sorted-words.ts): a JSON array would be 50,000 strings on every worker's heap.
  // Each given name's gender, a letter per name in the list's order: f, m, or u where the registers
  // disagree or list it for both ("Andrea", "Jean"). Pronoun resolution reads it.
  const joined = joinSortedWords(given);
  const givenNameGenders = joined.split(' ').filter(Boolean).map((name) => ({ female: 'f', male: 'm' })[registerGender.get(name) ?? ''] ?? 'u').join('');
  writeFileSync(out, `${JSON.stringify({ source, companies, givenNames: joined, givenNameGenders })}\n`);
  console.log(`${companies.length} company words, ${given.length} given names -> ${out}`);
}
