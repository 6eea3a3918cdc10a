/**
 * @module Conventions of news text that say what a name is, whatever the name: a wire dateline opens
 * with a place ("OSTWICK, Vessland, April 13 (CPA) -"), "Storm Edda" names a weather system, and
 * context words a reader uses mark a place ("the coastal town of X", "X province", "in X").
 */
import { CALENDAR_WORDS, NOT_NOUN_AFTER_NAME, REPORTING_VERBS, SENTENCE_OPENERS } from './entity-lexicon.js';
import type { Token, TokenizedText } from './text-tokens.js';

/** A token range (inclusive). */
export interface TokenRange { first: number; last: number }

const isUpperWord = (t: Token): boolean => /^\p{Lu}[\p{Lu}.-]+$/u.test(t.text);
const isDash = (t: Token | undefined): boolean => t !== undefined && /^[-–—]+$/.test(t.text);

/** A capitalised word, no calendar word (ASCII answered without a regex: this runs for every token). */
function isCapitalisedWord(t: Token | undefined): boolean {
  if (!t?.cap) return false;
  const code = t.text.charCodeAt(0);
  return (code < 128 ? code >= 65 && code <= 90 : /^\p{L}/u.test(t.text)) && !CALENDAR_WORDS.has(t.lower);
}

/** The capitalised run of words from `from` in its sentence (inclusive end), or -1 if `from` is no capitalised word. */
function capitalisedRun(tokens: Token[], from: number): number {
  const t = tokens[from];
  if (!isCapitalisedWord(t)) return -1;
  let last = from;
  while (isCapitalisedWord(tokens[last + 1]) && tokens[last + 1]!.sentence === t!.sentence) last++;
  return last;
}

/**
 * Places of wire datelines: a paragraph opening with up to three words in capitals, then optionally
 * ", Country", then a date or the agency in brackets ("OSTWICK, Vessland, April 13 (CPA) -", "NEW
 * YORK (Reuters) —", "TARRHOLM, May 6 (CPA) -"); before a bare dash only a known place ("WASHINGTON
 * —"), since headings in capitals open paragraphs that way too ("QUESTIONABLE CLAIMS — For years").
 * The capitals and the country are places.
 */
export function datelinePlaces(doc: TokenizedText, isKnownPlace: (lower: string) => boolean): TokenRange[] {
  const { tokens, sentences } = doc;
  const out: TokenRange[] = [];
  let paragraph = -1;
  for (const s of sentences) {
    if (s.paragraph === paragraph) continue;
    paragraph = s.paragraph;
    let k = s.first;
    while (k < s.last && isUpperWord(tokens[k]!) && !CALENDAR_WORDS.has(tokens[k]!.lower)) k++;
    if (k === s.first || k >= s.last || k - s.first > 3) continue;
    const town: TokenRange = { first: s.first, last: k - 1 };
    let country: TokenRange | null = null;
    let next = k;
    if (tokens[next]!.text === ',') {
      next++;
      const runLast = capitalisedRun(tokens, next);
      // ", Vessland," before the date: the country or state.
      if (runLast >= 0 && tokens[runLast + 1]?.text === ',' && !isUpperWord(tokens[next]!)) { country = { first: next, last: runLast }; next = runLast + 2; }
      if (!CALENDAR_WORDS.has(tokens[next]?.lower ?? '')) continue;
    } else if (tokens[next]!.text === '(') {
      if (!/^\p{Lu}/u.test(tokens[next + 1]?.text ?? '') || tokens[next + 2]?.text !== ')') continue;
    } else if (!isDash(tokens[next]) || !isKnownPlace(doc.text.slice(tokens[s.first]!.start, tokens[k - 1]!.end).toLowerCase())) continue;
    out.push(town);
    if (country) out.push(country);
  }
  return out;
}

/** Words that, written with a capital before a name, make it a weather system ("Storm Edda", "Hurricane Katrina"). */
const WEATHER_SYSTEMS = new Set(['storm', 'hurricane', 'typhoon', 'cyclone']);

/**
 * Weather systems ("Storm Edda", "Tropical Storm Alma", "Typhoon Haiyan"): none of person,
 * organisation or place. Returns the tokens of each (the weather word and the name) and the bare
 * names in lower case, which the article may use alone ("Edda moved north").
 */
export function weatherSystems(doc: TokenizedText): { tokens: Set<number>; names: Set<string> } {
  const { tokens, text } = doc;
  const inside = new Set<number>();
  const names = new Set<string>();
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.cap || !WEATHER_SYSTEMS.has(t.lower) || tokens[k + 1]!.sentence !== t.sentence || tokens[k + 1]!.start !== t.end + 1) continue;
    const last = capitalisedRun(tokens, k + 1);
    if (last < 0) continue;
    for (let m = k; m <= last; m++) inside.add(m);
    if (tokens[k - 1]?.lower === 'tropical' || tokens[k - 1]?.lower === 'super') inside.add(k - 1);
    names.add(text.slice(tokens[k + 1]!.start, tokens[last]!.end).toLowerCase());
  }
  return { tokens: inside, names };
}

/** Lower-case nouns after a name that make it a place ("Lindqvist province", "the Marren coast"). */
const PLACE_NOUNS_AFTER = new Set([
  'province', 'region', 'county', 'district', 'state', 'oblast', 'prefecture', 'coast', 'provincial', 'regional',
]);
/** Lower-case nouns before "of X" that make X a place ("the coastal town of X", "the mayor of X"). */
const PLACE_NOUNS_BEFORE_OF = new Set([
  'town', 'city', 'village', 'port', 'capital', 'province', 'region', 'county', 'district', 'state', 'island',
  'municipality', 'suburb', 'borough', 'oblast', 'prefecture', 'country', 'mayor', 'residents', 'inhabitants',
  'outskirts', 'centre', 'center', 'streets', 'government', 'parliament',
]);
/** Lower-case nouns after "X's" that only a place has ("X's harbour quarter", "X's mayor"). */
const PLACE_ONLY_PARTS = new Set(['harbour', 'harbor', 'coastline', 'streets', 'outskirts', 'suburbs', 'mayor', 'residents', 'inhabitants']);
/** Lower-case nouns after "X's" that belong to a place more often than not ("X's busiest port", "X's economy"). */
const PLACE_PARTS = new Set([
  'port', 'coast', 'capital', 'border', 'borders', 'airport', 'provinces', 'regions', 'citizens', 'population', 'economy',
  'busiest', 'parliament',
]);

/** Words before "in X" that make X a company or a body ("a stake in X", "worked in X"), not a place. */
const NOT_PLACE_BEFORE_IN = new Set([
  'stake', 'stakes', 'share', 'shares', 'interest', 'interests', 'investment', 'investments', 'invest', 'invested',
  'investing', 'holding', 'holdings', 'equity', 'job', 'jobs', 'role', 'work', 'worked', 'works', 'working',
  'confidence', 'faith', 'trust', 'seat', 'seats', 'majority', 'member', 'members',
]);

/** The name is no modifier of a noun after it: the text goes on with punctuation, a capital, a function word or a verb of speech. */
const endsNounPhrase = (after: Token | undefined): boolean => !after || !/^\p{Ll}/u.test(after.text) || NOT_NOUN_AFTER_NAME.has(after.lower) || REPORTING_VERBS.has(after.lower) || /^(?:early|late)$/.test(after.lower);

/**
 * Names (lower case) that context marks as a place: a dateline, a place noun after the name ("X
 * province", "the X coast") or before it ("the town of X", "residents of X"), "X's government" (no
 * noun after it), what only a place has ("X's harbour", "X's mayor") and a central bank ("the X
 * central bank", "the central bank of X"), each enough alone; "in X" (not before a noun) and "X's"
 * before what places mostly have ("X's busiest port", "X's economy") count when the article gives two.
 */
export function placeCuedNames(doc: TokenizedText, dateline: TokenRange[]): Set<string> {
  const { tokens, text } = doc;
  const strong = new Set<string>();
  const weak = new Map<string, number>();
  const nameOf = (first: number, last: number): string => text.slice(tokens[first]!.start, tokens[last]!.end).toLowerCase();
  for (const r of dateline) strong.add(nameOf(r.first, r.last));
  for (let k = 0; k < tokens.length; k++) {
    const last = capitalisedRun(tokens, k);
    if (last < 0) continue;
    // "The Mellind central bank": the name starts after a capitalised sentence opener.
    if (last > k && SENTENCE_OPENERS.has(tokens[k]!.lower)) k++;
    const sentence = tokens[k]!.sentence;
    const before = tokens[k - 1]?.sentence === sentence ? tokens[k - 1] : undefined;
    const before2 = tokens[k - 2]?.sentence === sentence ? tokens[k - 2] : undefined;
    const after = tokens[last + 1]?.sentence === sentence ? tokens[last + 1] : undefined;
    const after2 = tokens[last + 2]?.sentence === sentence ? tokens[last + 2] : undefined;
    const sentenceStart = before === undefined;
    const possessive = after?.text === '’s' || after?.text === "'s";
    const strongCue = (after !== undefined && !after.cap && PLACE_NOUNS_AFTER.has(after.lower) && !sentenceStart)
      || (before?.lower === 'of' && before2 !== undefined && !before2.cap && PLACE_NOUNS_BEFORE_OF.has(before2.lower))
      // A country's central bank: "the X central bank", "X's central bank", "the central bank of X".
      || (after?.lower === 'central' && after2?.lower === 'bank' && !after.cap)
      || (possessive && after2?.lower === 'central' && tokens[last + 3]?.lower === 'bank' && !after2.cap)
      || (before?.lower === 'of' && before2?.lower === 'bank' && !before2.cap && tokens[k - 3]?.lower === 'central')
      || (possessive && after2?.lower === 'government' && endsNounPhrase(tokens[last + 3]))
      || (possessive && after2 !== undefined && PLACE_ONLY_PARTS.has(after2.lower));
    const weakCue = (possessive && after2 !== undefined && PLACE_PARTS.has(after2.lower))
      || (before?.lower === 'in' && endsNounPhrase(after) && !NOT_PLACE_BEFORE_IN.has(before2?.lower ?? ''));
    if (strongCue) strong.add(nameOf(k, last));
    else if (weakCue) { const name = nameOf(k, last); weak.set(name, (weak.get(name) ?? 0) + 1); }
    k = last;
  }
  for (const [name, count] of weak) if (count >= 2) strong.add(name);
  return strong;
}
