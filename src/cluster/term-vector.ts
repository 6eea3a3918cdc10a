/**
 * @module Term vectors for clustering: TF-IDF over an article's title (weighted up), the lead of its
 * text, and the entities it names. Entity names come from the analysis when there is one; otherwise
 * capitalised words inside sentences count as names and are weighted up. An article with no text (a
 * feed entry, a headline) reads the words of its URL slug instead. Document frequencies are learnt
 * online (`TermStats`), bounded by pruning rare terms.
 */

import { capitalisesNouns, isOtherLanguage } from '../language/codes.js';
import { languageStopwords } from '../language/stopwords.js';
import { englishCountryNames } from '../language/country-names.js';
import type { CountryNames } from '../language/country-names.js';

/** Sparse vector: parallel arrays of terms and weights, L2-normalised, heaviest first. */
export interface TermVector {
  terms: string[];
  weights: number[];
}

// Function words and reporting verbs of English, French and German news: they say nothing about
// which happening a report covers.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my no nor not ' +
    'now of off on once only or other our ours out over own same she should so some such than that the their ' +
    'theirs them then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours said says say saying told tell according added ' +
    'new would year years week weeks day days time one two three first last may might must shall us mr mrs ms ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow news report reports ' +
    'le la les de des du un une et en est pour que qui dans sur au aux par pas plus der die das und ist nicht ' +
    'mit von den dem ein eine zu im'
  ).split(' '),
);

/** Canonical form of a word: lower case, possessive and plural "s" dropped. */
export function normaliseTerm(word: string): string {
  let w = word.toLowerCase();
  if (w.includes("'") || w.includes('\u2019')) w = w.replace(/['\u2019]s?$/u, '').replace(/['\u2019]/gu, '');
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    w = w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  }
  return w;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for a UTF-16 code unit that can be part of a word (letters and digits; quick for ASCII). */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/**
 * Scan the words of `text` (a letter or digit, then letters, digits and inner apostrophes), at most
 * `limit` of them, calling `visit` with each word and whether it opens a sentence.
 */
function scanWords(text: string, limit: number, visit: (word: string, sentenceStart: boolean) => void): void {
  let read = 0;
  let sentenceStart = true;
  let i = 0;
  const n = text.length;
  while (i < n && read < limit) {
    const c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      if (c === 46 || c === 33 || c === 63 || c === 10) sentenceStart = true;
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordUnit(d) || isApostrophe(d)) i++;
      else break;
    }
    visit(text.slice(start, i), sentenceStart);
    read++;
    sentenceStart = false;
  }
}

function isContentTerm(term: string): boolean {
  if (term.length < 2 || STOPWORDS.has(term)) return false;
  const c = term.charCodeAt(0);
  return !(c >= 48 && c <= 57 && /^\p{N}+$/u.test(term));
}

export interface TermSource {
  title: string;
  text: string;
  /** Canonical entity names from the analysis (may be empty). */
  entityNames: string[];
  /** The article's address: its slug words stand in for the text when there is none. */
  url?: string | null;
  /** The article's language: another than English reads its country names as English ones. */
  language?: string | null;
}

export interface TermWeights {
  titleWeight: number;
  nameWeight: number;
  entityWeight: number;
  /** Words of the text read (the lead says which happening it is). */
  leadWords: number;
  /** Weight of a word of the URL slug, read when the article has no text (a feed item, a headline). */
  slugWeight: number;
}

export const defaultTermWeights: TermWeights = { titleWeight: 3, nameWeight: 2, entityWeight: 1, leadWords: 250, slugWeight: 2 };

/** Raw weighted term counts of one article. */
export function countTerms(source: TermSource, weights: TermWeights = defaultTermWeights): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string, w: number): void => {
    if (isContentTerm(term)) counts.set(term, (counts.get(term) ?? 0) + w);
  };
  // Another language's function words are left out as English ones are (its country names are
  // added in English after them, so "Estados Unidos" still counts).
  const stopwords = languageStopwords(source.language);
  const addWord = stopwords === null ? (word: string, w: number): void => add(normaliseTerm(word), w) : (word: string, w: number): void => {
    if (!stopwords.has(word.toLowerCase())) add(normaliseTerm(word), w);
  };
  const countries = englishCountryNames(source.language);
  const translate = countries === null ? null : countryTranslator(countries, add);
  scanWords(source.title, Infinity, (word, sentenceStart) => {
    addWord(word, weights.titleWeight);
    translate?.(word, sentenceStart, weights.titleWeight);
  });
  // Capitals mark names where the analysis gave none, and in other languages, where it names people only.
  const useCapitals = source.entityNames.length === 0 || isOtherLanguage(source.language);
  // German writes every noun with a capital: there a capital marks a name only in a run of two
  // ("Emmanuel Macron", "Präsident Macron"), and then wherever that name recurs.
  const runNames = useCapitals && capitalisesNouns(source.language) ? capitalisedRunWords(source.text, weights.leadWords, stopwords) : null;
  scanWords(source.text, weights.leadWords, (word, sentenceStart) => {
    let capital = useCapitals && !sentenceStart && isCapitalised(word);
    if (capital && runNames !== null) capital = runNames.has(word);
    addWord(word, 1 + (capital ? weights.nameWeight : 0));
    translate?.(word, sentenceStart, 1 + weights.nameWeight);
  });
  if (weights.slugWeight > 0 && !hasText(source.text)) {
    for (const word of slugWords(source.url)) add(normaliseTerm(word), weights.slugWeight);
  }
  for (const name of new Set(source.entityNames)) {
    scanWords(name, Infinity, (word) => add(normaliseTerm(word), weights.entityWeight));
  }
  return counts;
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : word[0] !== word[0]!.toLowerCase();
}

/** Words of `text` (its first `limit`) that stand in a run of two or more capitalised words, function words not counted. */
function capitalisedRunWords(text: string, limit: number, stopwords: ReadonlySet<string> | null): Set<string> {
  const names = new Set<string>();
  let run: string[] = [];
  const close = (): void => {
    if (run.length >= 2) for (const w of run) names.add(w);
    run = [];
  };
  scanWords(text, limit, (word, sentenceStart) => {
    if (sentenceStart) close();
    const lower = word.toLowerCase();
    if (isCapitalised(word) && !STOPWORDS.has(lower) && !stopwords?.has(lower)) run.push(word);
    else close();
  });
  close();
  return names;
}

/**
 * A visitor that adds the English words of a country name written in another language ("Russie",
 * "États-Unis") when the words just read, capitalised, end one.
 */
function countryTranslator(countries: CountryNames, add: (term: string, w: number) => void): (word: string, sentenceStart: boolean, w: number) => void {
  const recent: Array<{ lower: string; capital: boolean }> = [];
  return (word, sentenceStart, w) => {
    if (sentenceStart) recent.length = 0;
    recent.push({ lower: word.toLowerCase(), capital: isCapitalised(word) });
    if (recent.length > 3) recent.shift();
    for (let from = 0; from < recent.length; from++) {
      if (!recent[from]!.capital) continue;
      const english = countries.get(recent.slice(from).map((r) => r.lower).join(' '));
      if (english === undefined) continue;
      for (const e of english.words) add(normaliseTerm(e), w);
      return;
    }
  };
}

/** True when the article has a body (anything but white space): false for a headline-only item. */
export function hasText(text: string): boolean {
  return /\S/u.test(text);
}

const SLUG_EXTENSION = /\.(?:s?html?|php\d?|aspx?|jsp|cms|story|ece|stm)$/iu;

/**
 * The words of a URL's slug: the path segments written as words joined by hyphens or underscores
 * (at least three words of three letters or more), not the host, the query, numbers or single-word
 * section names. Many sites put an article's headline, or a longer wording of it, there.
 */
export function slugWords(url: string | null | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  const words: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      segment = raw;
    }
    const parts = segment.replace(SLUG_EXTENSION, '').split(/[-_+.,\s]+/u);
    const slug = parts.filter((w) => w.length >= 3 && /^\p{L}+$/u.test(w));
    if (slug.length >= 3) words.push(...slug);
  }
  return words;
}

/** Online document frequencies with a bounded vocabulary. */
export class TermStats {
  private readonly df = new Map<string, number>();
  private docs = 0;

  /**
   * `background` pretends that many earlier documents held none of the terms, so the first few
   * articles (all on one subject, perhaps) do not make their shared subject words worthless.
   */
  constructor(private readonly options: { maxTerms: number; background: number } = { maxTerms: 300_000, background: 20 }) {}

  idf(term: string): number {
    return Math.log((this.docs + this.options.background + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  record(terms: Iterable<string>): void {
    this.docs += 1;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    if (this.df.size > this.options.maxTerms) {
      for (const [t, n] of this.df) if (n <= 1) this.df.delete(t);
      if (this.df.size > this.options.maxTerms * 0.9) {
        for (const [t, n] of this.df) if (n <= 3) this.df.delete(t);
      }
    }
  }

  get documents(): number {
    return this.docs;
  }
}

/** TF-IDF vector of the heaviest `limit` terms, L2-normalised. */
export function weighTerms(counts: Map<string, number>, stats: TermStats, limit = 40): TermVector {
  const scored: Array<[string, number]> = [];
  for (const [term, tf] of counts) scored.push([term, (1 + Math.log(tf)) * stats.idf(term)]);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, limit);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { terms: top.map(([t]) => t), weights: top.map(([, w]) => w / norm) };
}
