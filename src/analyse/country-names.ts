/**
 * @module A place's one name for the names news gives it: countries from the aliases of
 * countries-list ("U.S.", "USA", "America" -> "United States"; "U.K.", "Britain" -> "United
 * Kingdom"; "Burma" -> "Myanmar"), and cities that news still writes in a former or transliterated
 * form ("Kiev" -> "Kyiv"), which the city package (GeoNames' main names only) does not list.
 */
import { createRequire } from 'node:module';

let byAlias: Map<string, string> | null = null;
/** Each country's name and aliases as countries-list writes them, by country name. */
const spellingsOf = new Map<string, string[]>();

/** Dots, spaces and case do not tell country names apart: "U.S." and "US", "Great Britain" and "great britain". */
const aliasKey = (name: string): string => name.toLowerCase().replace(/[.\s]+/g, '');

function aliases(): Map<string, string> {
  if (byAlias) return byAlias;
  const require = createRequire(import.meta.url);
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; alias?: string[] }> };
  byAlias = new Map();
  for (const country of Object.values(countries)) {
    byAlias.set(aliasKey(country.name), country.name);
    for (const alias of country.alias ?? []) if (alias.length > 1) byAlias.set(aliasKey(alias), country.name);
    spellingsOf.set(country.name, country.alias ?? []);
  }
  return byAlias;
}

/** The country's name for a place name that is one of its aliases, else null. */
export function countryName(place: string): string | null {
  return aliases().get(aliasKey(place)) ?? null;
}

/**
 * Cities renamed, or re-transliterated from their own language, within the memory of news archives:
 * the older spelling -> the one GeoNames (and most style guides) use now.
 */
const CITY_NAMES = new Map(
  Object.entries({
    kiev: 'Kyiv', kharkov: 'Kharkiv', odessa: 'Odesa', lvov: 'Lviv', lugansk: 'Luhansk', zaporozhye: 'Zaporizhzhia',
    nikolaev: 'Mykolaiv', dnepropetrovsk: 'Dnipro', chernigov: 'Chernihiv', rovno: 'Rivne', vinnitsa: 'Vinnytsia',
    bombay: 'Mumbai', madras: 'Chennai', calcutta: 'Kolkata', bangalore: 'Bengaluru', poona: 'Pune',
    peking: 'Beijing', canton: 'Guangzhou', rangoon: 'Yangon', saigon: 'Ho Chi Minh City', dacca: 'Dhaka',
    leningrad: 'Saint Petersburg', 'st petersburg': 'Saint Petersburg', 'st. petersburg': 'Saint Petersburg',
    tiflis: 'Tbilisi', 'alma-ata': 'Almaty', 'nur-sultan': 'Astana',
  }),
);

/** The one name of a country or city the story may meet under several names, else null. */
export function placeName(place: string): string | null {
  return countryName(place) ?? CITY_NAMES.get(place.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** "kiev" -> "Kiev", "alma-ata" -> "Alma-Ata", "st. petersburg" -> "St. Petersburg". */
const titleCase = (name: string): string => name.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/**
 * The spellings news gives a place that `placeName` reads as one ("Kyiv": Kyiv, Kiev; "United
 * States": United States, US, U.S., USA, U.S.A., America, ...), for finding stored mentions by any of
 * them; a name that is no known place is its only spelling.
 */
export function placeSpellings(name: string): string[] {
  const one = placeName(name) ?? ([...CITY_NAMES.values()].includes(name) ? name : null);
  if (!one) return [name];
  const spellings = new Set([name, one]);
  aliases();
  for (const alias of spellingsOf.get(one) ?? []) {
    spellings.add(alias);
    // "US" is written "U.S." as often.
    if (/^[A-Z]{2,4}$/.test(alias)) spellings.add(`${alias.split('').join('.')}.`);
  }
  for (const [former, current] of CITY_NAMES) if (current === one) spellings.add(titleCase(former));
  return [...spellings];
}
