/**
 * @module Names of products (car, aircraft and device models): "the Ford Falcon", "Zephyr and Comet
 * sedans", "the iPad Air, Mini and Pro". They look like names of people or companies, but they are
 * none of the three entity types, so the mentions of an article that name a product are dropped.
 */
import type { Gazetteer } from './gazetteer.js';
import { DEMONYMS, ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, REPORTING_VERBS } from './entity-lexicon.js';
import type { Token, TokenizedText } from './text-tokens.js';

/** Nouns for kinds of manufactured goods: a name right before one is a model name ("Comet sedans"). */
const PRODUCT_NOUNS = new Set([
  'aircraft', 'airliner', 'airliners', 'jetliner', 'jetliners', 'jet', 'jets', 'plane', 'planes', 'helicopter', 'helicopters',
  'car', 'cars', 'vehicle', 'vehicles', 'model', 'models', 'sedan', 'sedans', 'suv', 'suvs', 'truck', 'trucks', 'pickup',
  'pickups', 'minivan', 'minivans', 'hatchback', 'hatchbacks', 'coupe', 'coupes', 'nameplate', 'nameplates',
  'phone', 'phones', 'smartphone', 'smartphones', 'handset', 'handsets', 'tablet', 'tablets', 'laptop', 'laptops', 'console', 'consoles',
]);
/** Words right before a model name: "the new model Comet". */
const PRODUCT_CUES_BEFORE = new Set(['model', 'models', 'nameplate']);

export interface NamedSpan { first: number; last: number; nameFirst: number; nameLast: number; type: string | null; gender?: string | null }

/** A word that can be part of a model name: capitalised, or lower-case first with a capital inside ("iPad"). */
const isCapitalised = (t: Token | undefined): boolean => !!t && (t.cap || isDeviceWord(t));
/** "iPad": lower case first, a capital inside. */
const isDeviceWord = (t: Token): boolean => !t.cap && t.text !== t.lower && /^\p{Ll}+\p{Lu}/u.test(t.text);

/**
 * The lower-cased names that the article uses as products: a capitalised run right after a company's
 * name that is not part of it ("Ford Falcon", "Chrysler Zephyr"), after a word such as "iPad", after
 * "model", or before a product noun ("Zephyr sedans"); the names listed with one of those ("the Zephyr,
 * Comet and Nova") too. A name the article also uses as a speaker or owner ("Zephyr said", "Zephyr's")
 * is no product, nor is one written before a model number ("Acme A20").
 */
export function productNames(doc: TokenizedText, mentions: NamedSpan[], gaz: Gazetteer): Set<string> {
  const { tokens, text } = doc;
  const orgLast = new Set<number>();
  const orgWords = new Set<string>();
  const inMention = new Uint8Array(tokens.length);
  for (const m of mentions) {
    inMention.fill(1, m.first, m.last + 1);
    if (m.type !== 'organisation') continue;
    orgLast.add(m.nameLast);
    if (m.nameFirst === m.nameLast) orgWords.add(tokens[m.nameFirst]!.lower);
  }
  // A company's name, also where the article writes it before a model ("Acme Zephyr").
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.cap && orgWords.has(tokens[k]!.lower)) orgLast.add(k);
  // Headlines in title case ("Acme Results Beat Forecasts") say nothing about models (checked when needed).
  const titleCase = new Int8Array(doc.sentences.length).fill(-1);
  const inTitleCase = (i: number): boolean => {
    if (titleCase[i] === -1) {
      const sentence = doc.sentences[i]!;
      let words = 0; let caps = 0;
      for (let k = sentence.first; k < sentence.last; k++) {
        const c = tokens[k]!.lower.charCodeAt(0);
        if ((c >= 97 && c <= 122) || c > 191) { words++; if (tokens[k]!.cap) caps++; }
      }
      titleCase[i] = words >= 3 && caps / words > 0.6 ? 1 : 0;
    }
    return titleCase[i] === 1;
  };
  const found = new Set<string>();
  const nameAt = (first: number, last: number): string => text.slice(tokens[first]!.start, tokens[last]!.end).toLowerCase();
  /** The capitalised run starting at k (one past its last token). */
  const runEnd = (k: number): number => { let e = k; while (e < tokens.length && tokens[e]!.sentence === tokens[k]!.sentence && isCapitalised(tokens[e])) e++; return e; };
  const plainName = (first: number, end: number): boolean => {
    for (let k = first; k < end; k++) {
      const l = tokens[k]!.lower;
      if (ORGANISATION_WORDS.has(l) || PERSON_TITLES.has(l) || ORGANISATION_HEADS.has(l) || PLACE_WORDS.has(l) || DEMONYMS.has(l) || gaz.places.has(l) || gaz.countries.has(l)) return false;
    }
    return true;
  };
  // Names joined by "and"/"or", after commas ("Zephyr, Comet and Nova"): [first, end) of each.
  const listOf = (first: number): Array<[number, number]> => {
    const items: Array<[number, number]> = [];
    let k = first;
    let joined = false;
    while (k < tokens.length) {
      const e = runEnd(k);
      if (e === k) break;
      items.push([k, e]);
      if (joined) break;
      let n = e;
      if (tokens[n]?.text === ',') n++;
      if (tokens[n]?.lower === 'and' || tokens[n]?.lower === 'or') { n++; joined = true; }
      if (n === e || !isCapitalised(tokens[n]) || tokens[n]!.sentence !== tokens[e - 1]!.sentence) break;
      k = n;
    }
    // Commas alone make no list ("Zephyr, Ohio").
    return joined ? items : items.slice(0, 1);
  };
  // Not in capitals ("SALES FELL TODAY"): there every word looks like a name.
  const add = (first: number, list: boolean): void => {
    if (tokens[first]!.text.length > 3 && tokens[first]!.text === tokens[first]!.text.toUpperCase()) return;
    addRun(first, list);
  };
  const addRun = (first: number, list: boolean): void => { for (const [a, e] of list ? listOf(first) : [[first, runEnd(first)] as [number, number]]) if (plainName(a, e)) found.add(nameAt(a, e - 1)); };
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    // Not in title case or capitals ("SALES FELL TODAY"): there every word looks like a name.
    if (!isCapitalised(t)) continue;
    const prev = tokens[k - 1]!;
    const prevDevice = isDeviceWord(prev);
    if ((prev.cap && !orgLast.has(k - 1)) || prev.sentence !== t.sentence) continue;
    const afterMaker = orgLast.has(k - 1) && inMention[k] === 0;
    const afterDevice = prevDevice && !isDeviceWord(t);
    const afterCue = PRODUCT_CUES_BEFORE.has(prev.lower);
    if ((afterMaker || afterCue || afterDevice) && inTitleCase(t.sentence)) continue;
    if (afterMaker || afterCue) { add(k, true); continue; }
    if (afterDevice) { add(k, false); continue; }
    // Before a product noun, a list of names ("Zephyr and Comet sedans"; one name alone may be the maker's, "Acme jets").
    if (prevDevice) continue;
    const after = tokens[runEnd(k)]?.lower;
    if ((after !== ',' && after !== 'and' && after !== 'or') || inTitleCase(t.sentence)) continue;
    const items = listOf(k);
    const last = items[items.length - 1];
    if (items.length > 1 && PRODUCT_NOUNS.has(tokens[last![1]]?.lower ?? '')) add(k, true);
  }
  if (found.size === 0) return found;
  // People's names: "Jane Acme" makes "Acme" a person's surname.
  // So does a title ("Mr. Acme"); a bare one-word "person" may be the tagger's guess at a model.
  for (const m of mentions) if (m.type === 'person' && (m.nameLast > m.nameFirst || (m.first < m.nameFirst && tokens[m.first]!.lower !== 'the') || m.gender !== null)) { found.delete(nameAt(m.nameFirst, m.nameLast)); found.delete(tokens[m.nameLast]!.lower); }
  // A name that speaks or owns is a person or company; one before a model number makes the product ("Acme A20").
  for (let k = 0; k + 1 < tokens.length; k++) {
    const next = tokens[k + 1]!.lower;
    if (next !== "'s" && next !== '’s' && !REPORTING_VERBS.has(next) && !/\d/.test(next)) continue;
    for (let a = k; a >= 0 && isCapitalised(tokens[a]); a--) found.delete(nameAt(a, k));
  }
  return found;
}
