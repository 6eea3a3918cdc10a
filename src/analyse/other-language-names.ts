/**
 * @module The people and places a report in French, German, Spanish, Italian, Portuguese or Dutch
 * names, for `other-languages.ts`, which reads who said what there.
 * - People: a run of capitalised words opening on a known given name ("Ilse Marrow", "Ursula von der
 *   Leyen"; a title before it, "Präsident", left out; not when a word of it names a body, "Port
 *   Authority"), and later the same surname alone.
 * - Places: country names of the language under their English names, cities the gazetteer knows.
 */
import { baseLanguage, capitalisesNouns } from '../language/codes.js';
import { englishCountryNames } from '../language/country-names.js';
import { languageStopwords } from '../language/stopwords.js';
import type { EntityMention } from '../model/analysis.js';
import { placeName } from './country-names.js';
import { ORGANISATION_WORDS } from './entity-lexicon.js';
import type { Gazetteer } from './gazetteer.js';

/** Particles that may stand inside a name, before its last word ("von der Leyen", "de Gaulle"), per language. */
const PARTICLES: Record<string, string[]> = {
  fr: ['de', 'du', 'des', 'de la', "d'", 'd’', 'le', 'la'],
  de: ['von', 'von der', 'von den', 'van', 'van der', 'van den', 'zu', 'de'],
  es: ['de', 'del', 'de la', 'de las', 'de los', 'y'],
  it: ['di', 'de', 'del', 'della', 'da', 'de la'],
  pt: ['de', 'da', 'do', 'dos', 'das', 'e'],
  nl: ['van', 'van der', 'van den', 'van de', 'de', 'ter', 'ten', 'te'],
};

/** A word of the text: letters with inner apostrophes and hyphens ("qu'il", "Jean-Pierre", "a-t-elle"), with its offsets. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** The words of a text, in order. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0].replace(/['’-]+$/u, '');
    out.push({ text: raw, lower: raw.toLowerCase(), start: m.index, end: m.index + raw.length });
  }
  return out;
}

export const isCapitalised = (word: string): boolean => word[0] !== word[0]!.toLowerCase();

/**
 * The people the text names: runs of capitalised words (a particle sequence allowed before the last
 * one) that open on a known given name, from that name on ("Präsident Emmanuel Macron" is Emmanuel
 * Macron), unless a word of the run names a body ("Port Authority") or the run is a place; then every
 * word of the text that is one of their surnames alone.
 */
export function findPeople(text: string, words: Word[], language: string, gazetteer: Gazetteer): EntityMention[] {
  const particles = PARTICLES[baseLanguage(language)] ?? [];
  const mentions: EntityMention[] = [];
  const nameOf = new Map<string, string>();
  const firstNamed = new Map<string, number>();
  const stopwords = languageStopwords(language);
  // "Jean-Pierre" is a given name when each part is one; "Cross-Enterprise" is not.
  const isGiven = (w: Word): boolean => !stopwords?.has(w.lower) && w.lower.split('-').every((part) => gazetteer.firstNames.has(part) || gazetteer.registerNames.has(part));
  // The registers' rarer names ("Amor") need a plain run: "Amor de Verdade" is a title, "Marek Olsen" a name.
  const isCommonGiven = (w: Word): boolean => w.lower.split('-').every((part) => gazetteer.firstNames.has(part));
  const adjacent = (a: Word, b: Word): boolean => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));
  /** The index of the word after a particle sequence that starts at i and is followed by a capitalised word, else -1. */
  const afterParticles = (i: number): number => {
    for (let n = 3; n >= 1; n--) {
      if (i + n >= words.length) continue;
      const seq = words.slice(i, i + n);
      if (!particles.includes(seq.map((w) => w.lower).join(' '))) continue;
      if (seq.every((w, k) => k === 0 || adjacent(seq[k - 1]!, w)) && adjacent(seq[n - 1]!, words[i + n]!) && isCapitalised(words[i + n]!.text)) return i + n;
    }
    return -1;
  };
  const claimed = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!.text) || !isGiven(words[i]!)) continue;
    let end = i;
    for (let j = i + 1; j < words.length && adjacent(words[j - 1]!, words[j]!); ) {
      if (isCapitalised(words[j]!.text)) {
        end = j++;
        continue;
      }
      const next = afterParticles(j);
      if (next < 0) break;
      end = next;
      j = next + 1;
    }
    if (end === i) continue;
    const run = words.slice(i, end + 1);
    const withParticles = run.some((w) => !isCapitalised(w.text));
    if (withParticles && !isCommonGiven(words[i]!)) {
      i = end;
      continue;
    }
    const name = text.slice(words[i]!.start, words[end]!.end);
    if (run.some((w) => ORGANISATION_WORDS.has(w.lower)) || gazetteer.places.has(name.toLowerCase())) {
      i = end;
      continue;
    }
    const surname = words[end]!.text;
    if (!nameOf.has(surname)) nameOf.set(surname, name);
    if (!firstNamed.has(name)) firstNamed.set(name, words[i]!.start);
    mentions.push({ text: name, start: words[i]!.start, end: words[end]!.end, type: 'person', name });
    for (let k = i; k <= end; k++) claimed.add(k);
    i = end;
  }
  for (let i = 0; i < words.length; i++) {
    const name = nameOf.get(words[i]!.text);
    if (claimed.has(i) || name === undefined) continue;
    // A surname alone stands for the person named in full before it.
    if ((firstNamed.get(name) ?? Infinity) > words[i]!.start) continue;
    mentions.push({ text: words[i]!.text, start: words[i]!.start, end: words[i]!.end, type: 'person', name });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** German prepositions that put a place after them ("in Essen", not "beim Essen"): there every noun has a capital. */
const GERMAN_PLACE_PREPOSITIONS = new Set(['in', 'aus', 'nach', 'bei', 'nahe', 'von', 'bis', 'vor', 'südlich', 'nördlich', 'östlich', 'westlich']);

/**
 * The places the text names: country names of its language, read as their English names ("Russie",
 * "Vereinigte Staaten"), and capitalised words (or two) the gazetteer knows ("Kyiv", "Paris"); in
 * German, where every noun has a capital, a city only after a preposition of place ("in Essen", not
 * "beim Essen"). Words of a person's name are not places.
 */
export function findPlaces(text: string, words: Word[], language: string, people: EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  const countries = englishCountryNames(language);
  const german = capitalisesNouns(language);
  const inPerson = new Uint8Array(text.length + 1);
  for (const p of people) inPerson.fill(1, p.start, p.end);
  const out: EntityMention[] = [];
  const adjacent = (a: Word, b: Word): boolean => /^[ \u00a0-]$/u.test(text.slice(a.end, b.start));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w.text) || inPerson[w.start] === 1) continue;
    let matched = false;
    for (let n = 3; n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      if (run.length < n || run.some((x, k) => k > 0 && !adjacent(run[k - 1]!, x))) continue;
      const key = run.map((x) => x.lower.replace(/-/gu, ' ')).join(' ');
      const end = run[n - 1]!.end;
      const country = countries?.get(key);
      if (country !== undefined) {
        out.push({ text: text.slice(w.start, end), start: w.start, end, type: 'place', name: placeName(country.name) ?? country.name });
      } else if (key.length >= 4 && gazetteer.places.has(key) && (!german || gazetteer.countries.has(key) || GERMAN_PLACE_PREPOSITIONS.has(words[i - 1]?.lower ?? ''))) {
        const written = text.slice(w.start, end);
        out.push({ text: written, start: w.start, end, type: 'place', name: placeName(written) ?? written });
      } else continue;
      matched = true;
      i += n - 1;
    }
  }
  return out;
}
