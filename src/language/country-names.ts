/**
 * @module Country names across languages, so that reports in different languages share the names
 * of the countries they cover: "Russie", "Russland" and "Rusia" all read as "Russia", "États-Unis"
 * and "Vereinigte Staaten" as "United States". The names are ICU's (through `Intl.DisplayNames`),
 * for the languages publish dates are read in; a Node built without full ICU gives English names
 * for every locale, and nothing is translated.
 */
import { baseLanguage, namedCodes } from './codes.js';

/** Languages whose country names are read (base codes, as language detection gives them). */
const NAME_LANGUAGES = [
  'fr', 'de', 'es', 'it', 'nl', 'pt', 'ca', 'ro', 'sv', 'da', 'nb', 'fi', 'et', 'lv', 'lt',
  'pl', 'cs', 'sk', 'sl', 'hr', 'hu', 'ru', 'uk', 'bg', 'el', 'tr', 'id',
];

/** The words of one written name, lower case, as `term-vector`'s scanner cuts them. */
export function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}\p{N}'\u2019]+/u).filter((w) => w.length > 0);
}

/** One language's country names: the name's words (lower case) joined by spaces, to the English name and its words. */
export type CountryNames = Map<string, { name: string; words: string[] }>;


const byLanguage = new Map<string, CountryNames | null>();
let codes: string[] | null = null;

/**
 * The country names of `language` (a code such as "fr" or "de-AT"), or null for English and for a
 * language whose names are not read. Built on first use (~10 ms per language).
 */
export function englishCountryNames(language: string | null | undefined): CountryNames | null {
  if (!language) return null;
  const base = baseLanguage(language);
  if (!NAME_LANGUAGES.includes(base)) return null;
  const known = byLanguage.get(base);
  if (known !== undefined) return known;
  codes ??= namedCodes('region').map((c) => c.code);
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  const local = new Intl.DisplayNames([base], { type: 'region' });
  const names: CountryNames = new Map();
  for (const code of codes) {
    const written = local.of(code);
    const target = english.of(code);
    // A name with a qualifier ("Congo (RDC)", "Macao R.A.S.") is not how a report writes it.
    if (!written || !target || written === target || /[(),.]/u.test(written) || /[(),.]/u.test(target)) continue;
    const words = nameWords(written);
    if (words.length === 0 || words.length > 3) continue;
    names.set(words.join(' '), { name: target, words: nameWords(target) });
  }
  // Without full ICU every locale answers in English: nothing to translate.
  const result = names.size > 0 ? names : null;
  byLanguage.set(base, result);
  return result;
}
