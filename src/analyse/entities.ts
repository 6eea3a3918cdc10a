/**
 * @module Named people, organisations and places: capitalised token runs cut at titles and sentence
 * openers, typed by gazetteer, organisation words, titles and speech cues, then merged by alias
 * (surname, initials, "the French president" when the article pairs that title with the name).
 */
import type { EntityMention, EntityType } from '../model/analysis.js';
import type { Gazetteer } from './gazetteer.js';
import {
  CALENDAR_WORDS, DEMONYMS, KNOWN_ORGANISATIONS, NAME_CONNECTORS, NOT_NOUN_AFTER_NAME, ORGANISATION_HEADS, ORGANISATION_WORDS,
  PERSON_TITLES, PLACE_WORDS, REPORTING_VERBS, SENTENCE_OPENERS, STRONG_PERSON_TITLES,
} from './entity-lexicon.js';
import type { Token, TokenizedText } from './text-tokens.js';
import { featureContext, loadTagger, tagEntities, wordCluster, type EntityTagger, type TaggedSpan, type TaggerWeights } from './entity-tagger.js';
import { productNames } from './product-names.js';
import { datelinePlaces, placeCuedNames, weatherSystems, type TokenRange } from './news-name-cues.js';
import committedModel from './entity-model.json' with { type: 'json' };

let committedTagger: EntityTagger | null = null;
/** The tagger trained by eval/entities/train.ts on all of MEANTIME (loaded on first use). */
export function defaultTagger(): EntityTagger {
  committedTagger ??= loadTagger(committedModel as TaggerWeights);
  return committedTagger;
}

/** An entity mention with the token indices the quote finder needs. */
export interface EntitySpan extends EntityMention {
  /** Token range of the whole mention, titles included. */
  first: number;
  last: number;
  /** Token range of the bare name (titles removed). */
  nameFirst: number;
  nameLast: number;
  /** Gender from a title (Mr/Mrs/Ms...), when known. */
  gender: 'male' | 'female' | null;
  /** The name only modifies a following noun ("US officials", "Airbus superjumbo"). */
  premodifier: boolean;
}


const CURRENCY_AND_UNITS = new Set(['usd', 'eur', 'gbp', 'jpy', 'cny', 'chf', 'cad', 'aud', 'gb', 'mb', 'kb', 'tb', 'ghz', 'mhz', 'km', 'kg', 'mph', 'g']);

const PERSON_CUES_AFTER = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'minister', 'president', 'leader', 'chief', 'official',
  'director', 'secretary', 'head', 'chairman', 'analyst', 'professor', 'senator', 'lawmaker', 'ambassador',
  'who', 'mayor', 'governor', 'founder', 'member', 'editor', 'author', 'deputy', 'adviser', 'advisor',
  'expert', 'economist', 'researcher', 'executive', 'ceo', 'general', 'commander', 'aged', 'aide', 'treasurer',
  'manager', 'engineer', 'scientist', 'lawyer', 'attorney', 'officer', 'correspondent', 'strategist', 'consultant',
  'architect', 'owner', 'therapist', 'teacher', 'lecturer', 'fellow', 'reporter', 'journalist', 'writer', 'coach', 'chef', 'doctor',
]);
/** Lower-case nouns before a name ("aircraft manufacturer Boeing") or words after it ("Boeing CEO") that mark a company or body. */
const ORG_CUES_BEFORE = new Set([
  'company', 'firm', 'manufacturer', 'maker', 'automaker', 'airframer', 'airline', 'carrier', 'group', 'rival',
  'bank', 'retailer', 'giant', 'conglomerate', 'startup', 'subsidiary', 'unit', 'parent', 'supplier',
  'contractor', 'newspaper', 'magazine', 'broadcaster', 'agency', 'insurer', 'lender', 'operator',
  'developer', 'producer', 'brand', 'network', 'daily', 'outlet', 'party', 'chipmaker', 'automakers',
]);
/** Titles of courtesy, before a surname. */
const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr']);
/** Titles that are common surnames too (not "Mr. President", an address). */
const SURNAME_TITLES = new Set(['king', 'bishop', 'judge', 'justice', 'marshal', 'chancellor', 'prince', 'pope', 'lord', 'major', 'dean', 'sheriff', 'knight', 'cardinal']);

/** Words before a place that make it one ("in Washington", "across Florida"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'across', 'outside', 'inside', 'throughout', 'around', 'into', 'toward', 'towards']);

/** Directions that name a part of the place after them. */
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest', 'upstate', 'downstate']);

/** Parties whose name, before a person's, describes them: "Republican Donald Trump". */
const PARTY_WORDS = new Set(['republican', 'democrat', 'democratic', 'gop', 'tory', 'labour', 'conservative', 'liberal']);

/** Cues of a body that people have too: "rival Hillary Clinton", "Hillary Clinton's spokesman". */
const SHARED_CUES = new Set(['rival', 'spokesman', 'spokeswoman', 'spokesperson']);
const ORG_CUES_AFTER = new Set(['ceo', 'shares', 'stock', 'executives', 'employees', 'board', 'chairman', 'spokesman', 'spokeswoman', 'spokesperson', 'workers', 'plant', 'plants', 'factory', 'headquarters', 'inc', 'corp']);

/** Verbs of speech and thought that people use and companies seldom do ("Apple said" is common, "Apple explained" is not). */
const PERSON_SPEECH_VERBS = new Set([
  'explained', 'mentioned', 'added', 'insisted', 'recalled', 'joked', 'admitted', 'believes', 'thinks', 'argued',
  'stressed', 'vowed', 'urged', 'wondered', 'quipped', 'lamented', 'conceded', 'tweeted', 'wrote', 'told', 'recounted',
]);

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother', 'sheikh', 'congressman', 'spokesman', 'chairman']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'lady', 'dame', 'queen', 'princess', 'sister', 'congresswoman', 'spokeswoman', 'chairwoman']);

/** Starts with a letter (ASCII answered without a regex: this runs for every token). */
const isWordToken = (t: Token): boolean => {
  const code = t.text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /^[\p{L}]/u.test(t.text);
};
/** "I’ve", "We’re", "It’ll": a pronoun's contraction, capitalised or not, is no name. */
const PRONOUN_CONTRACTION = /^(?:i|we|you|they|he|she|it|that|there|let|here|what|who)['’](?:ve|m|ll|d|re|s)$/;
const isNameToken = (t: Token): boolean => t.cap && (isWordToken(t) || /^(?:\p{Lu}\.){2,}$/u.test(t.text)) && !(t.text.length <= 7 && t.text.length > 2 && (t.text.includes('’') || t.text.includes("'")) && PRONOUN_CONTRACTION.test(t.lower));

function isAcronym(text: string): boolean {
  return /^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,})$/.test(text);
}

function isDemonym(lower: string, gaz: Gazetteer): boolean {
  if (DEMONYMS.has(lower)) return true;
  // The people of a country ("Singaporeans", "Israelis").
  if ((lower.endsWith('ans') || lower.endsWith('is')) && lower.length > 5) return isDemonym(lower.slice(0, -1), gaz);
  if (!/(?:an|ian|ese|ish|ic|i)$/.test(lower) || lower.length < 5) return false;
  const stem = lower.slice(0, 4);
  for (const c of gaz.countries) if (c.startsWith(stem)) return true;
  return false;
}

interface Candidate { first: number; last: number; sentenceStart: boolean }

/** Paragraphs written in title case (headlines, link lists) where capitals say little. */
function titleCaseParagraphs(doc: TokenizedText): Set<number> {
  const counts = new Map<number, { words: number; caps: number }>();
  for (const s of doc.sentences) {
    const c = counts.get(s.paragraph) ?? { words: 0, caps: 0 };
    for (let i = s.first; i < s.last; i++) {
      const t = doc.tokens[i]!;
      if (!isWordToken(t) || t.text.length < 4) continue;
      c.words++;
      if (t.cap) c.caps++;
    }
    counts.set(s.paragraph, c);
  }
  const out = new Set<number>();
  for (const [p, c] of counts) if (c.words >= 3 && c.caps / c.words > 0.7) out.add(p);
  return out;
}

/** Words before a month that make it a date, not a given name ("in May", "since June"). */
const BEFORE_MONTH = new Set(['in', 'on', 'since', 'by', 'until', 'till', 'from', 'to', 'of', 'last', 'next', 'this', 'early', 'mid', 'late', 'before', 'after', 'during', 'through', 'between', 'and', 'or']);

/**
 * A calendar word that is a given name or surname here: "Jan Petersen", "April Ryan" (a first name
 * before a capitalised word that is no date or body, not after "in" or "since"), "Theresa May"
 * (right after a name, with no day number after it).
 */
function calendarName(tokens: Token[], k: number, gaz: Gazetteer | undefined, afterName: boolean): boolean {
  const t = tokens[k]!;
  if (!gaz?.firstNames.has(t.lower)) return false;
  const next = tokens[k + 1];
  const dayAfter = next !== undefined && next.sentence === t.sentence && (/^\d/.test(next.text) || next.text === '.');
  if (dayAfter) return false;
  const prev = tokens[k - 1];
  if (prev && prev.sentence === t.sentence && BEFORE_MONTH.has(prev.lower)) return false;
  if (afterName) return true;
  return next !== undefined && next.sentence === t.sentence && next.start === t.end + 1 && isNameToken(next) && !CALENDAR_WORDS.has(next.lower)
    && !ORGANISATION_WORDS.has(next.lower) && !gaz.places.has(next.lower);
}

function findCandidates(doc: TokenizedText, gaz?: Gazetteer): Candidate[] {
  const { tokens } = doc;
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isNameToken(t) || (CALENDAR_WORDS.has(t.lower) && !calendarName(tokens, i, gaz, false)) || headlineVerbAt(tokens, i)) { i++; continue; }
    let j = i;
    while (true) {
      const n = tokens[j + 1];
      if (!n || n.sentence !== t.sentence) break;
      // At most one character between the tokens, and not a newline.
      const gap = n.start - tokens[j]!.end;
      if (gap > 1 || (gap === 1 && doc.text.charCodeAt(n.start - 1) === 10)) break;
      if (isNameToken(n) && (!CALENDAR_WORDS.has(n.lower) || calendarName(tokens, j + 1, gaz, true)) && !headlineVerbAt(tokens, j + 1)) { j++; continue; }
      // A plural possessive inside a body's name: "the Brennmouth Dockers' Union", "Shippers' Council".
      const n2a = tokens[j + 2];
      if (gap === 0 && (n.text === "'" || n.text === '’') && tokens[j]!.lower.endsWith('s') && n2a && n2a.start === n.end + 1
        && n2a.sentence === t.sentence && isNameToken(n2a) && runEndsWithOrgWord(tokens, j + 2)) { j += 2; continue; }
      // An initial: "Maria V. Zakharova"; an abbreviated title: "Mr. Obama", "Sen. Elizabeth Warren".
      if (n.text === '.' && (tokens[j]!.text.length === 1 || PERSON_TITLES.has(tokens[j]!.lower)) && tokens[j + 2] && isNameToken(tokens[j + 2]!) && (j > i || tokens[j]!.text.length > 1)) { j++; continue; }
      // "Bank of England", "Ministry of Foreign Affairs", "Defense and Strategy Forum".
      const n2 = tokens[j + 2];
      if (NAME_CONNECTORS.has(n.lower) && !n.cap && n2 && isNameToken(n2) && n2.sentence === t.sentence && !CALENDAR_WORDS.has(n2.lower)) {
        // "and" joins only inside one organisation name ("Defense and Strategy Forum"), never two names.
        const headOk = n.lower === 'and' ? !spanHasOrgHead(tokens, i, j) && runEndsWithOrgWord(tokens, j + 2)
          : n.lower === 'of' || n.lower === 'for' || n.lower === 'on' || n.lower === 'the'
            ? spanHasOrgHead(tokens, i, j) || runEndsWithOrgWord(tokens, j + 2) : true;
        if (headOk) { j += 2; continue; }
      }
      break;
    }
    const prev = tokens[i - 1];
    const sentenceStart = !prev || prev.sentence !== t.sentence || /^["“‘«„(—–-]$/.test(prev.text);
    out.push({ first: i, last: j, sentenceStart });
    i = j + 1;
  }
  return out;
}

/** A job title written in lower case ("union president", "chief executive"). */
const lowerCaseTitle = (t: Token | undefined): boolean => t !== undefined && !t.cap && PERSON_CUES_AFTER.has(t.lower) && t.lower !== 'who' && t.lower !== 'aged' && t.lower !== 'member';

/**
 * ", the union's president," or ", senior product manager at Google," after a name: an optional
 * article, up to three lower-case words or "'s", a job title, then punctuation or "of", "at", "for".
 */
function titleInApposition(tokens: Token[], nameLast: number): boolean {
  if (tokens[nameLast + 1]?.text !== ',') return false;
  const from = /^(?:the|a|an)$/.test(tokens[nameLast + 2]?.lower ?? '') ? nameLast + 3 : nameLast + 2;
  for (let k = from; k <= from + 3; k++) {
    const t = tokens[k];
    if (!t || t.cap) return false;
    if (lowerCaseTitle(t)) return /^[,.;]$/.test(tokens[k + 1]?.text ?? '') || /^(?:of|at|for)$/.test(tokens[k + 1]?.lower ?? '');
    if (!/^(?:\p{Ll}+|'s|’s)$/u.test(t.text)) return false;
  }
  return false;
}

/** Verbs of saying that, right before a name ending its clause ("said Savannah Peterson."), make it the speaker. */
const SAID_BEFORE_NAME = new Set(['said', 'says', 'added', 'explained', 'noted', 'recalled', 'asked', 'wrote']);

/** The verb before a name, over an employer's possessive ("said theCUBE's Savannah Peterson"), lower-cased; '' when none. */
function saidBefore(tokens: Token[], first: number): string {
  let k = first - 1;
  if (/^['’]s$/.test(tokens[k]?.text ?? '')) k -= 2;
  const t = tokens[k];
  return t && t.sentence === tokens[first]!.sentence && !t.cap ? t.lower : '';
}

function spanHas(tokens: Token[], first: number, last: number, test: (lower: string) => boolean): boolean {
  for (let k = first; k <= last; k++) if (test(tokens[k]!.lower)) return true;
  return false;
}

/** Whether the capitalised run starting at `from` holds an organisation word ("Strategy Forum"). */
function runEndsWithOrgWord(tokens: Token[], from: number): boolean {
  let k = from;
  if (ORGANISATION_WORDS.has(tokens[k]!.lower)) return true;
  while (tokens[k + 1] && isNameToken(tokens[k + 1]!) && tokens[k + 1]!.sentence === tokens[from]!.sentence) {
    k++;
    if (ORGANISATION_WORDS.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** Last words of names of things that open with a name ("Nobel Prize", "Lenox Healthcare", "Davis Cup"). */
const NAMED_THINGS = new Set(['prize', 'award', 'awards', 'trophy', 'cup', 'act', 'healthcare', 'center', 'centre', 'hall', 'stadium', 'arena', 'tower', 'bridge', 'festival']);

/**
 * A last word that reads as a surname, not as a common noun: the article never writes it in lower
 * case, and it is no plural of an English word ("Terminals", "Dynamics"; the word clusters' vocabulary
 * less given names: "Williams" and "Evans" are patronymics, and still read as surnames).
 */
function readsAsSurname(doc: TokenizedText, token: Token, gaz: Gazetteer): boolean {
  const lower = token.lower;
  if (doc.lowerWords.has(lower) || NAMED_THINGS.has(lower)) return false;
  if (!/[^su]s$/.test(lower)) return true;
  const singular = lower.slice(0, -1);
  return doc.lowerWords.has(singular) ? false : wordCluster(singular) === undefined || gaz.firstNames.has(singular);
}

/** On a given-name list: the stdlib's English names or a birth register's. */
const isGivenName = (gaz: Gazetteer, lower: string): boolean => gaz.firstNames.has(lower) || gaz.registerNames.has(lower);

/** A title that is also a surname, after a given name or "Mr.", is the surname: "Larry King", "Mr. King", "Ann Bishop". */
function titleIsSurname(tokens: Token[], k: number, gaz: Gazetteer): boolean {
  const before = tokens[k - 1]!;
  return SURNAME_TITLES.has(tokens[k]!.lower) && (isGivenName(gaz, before.lower) || COURTESY_TITLES.has(before.lower)
    || (before.text === '.' && COURTESY_TITLES.has(tokens[k - 2]?.lower ?? '')));
}

/** A cue word of a body; one people share with companies ("rival", "spokesman") not beside a name that opens with a given name. */
function isOrgCue(cues: Set<string>, w: string | undefined, personLike: boolean): boolean {
  return w !== undefined && cues.has(w) && !(personLike && SHARED_CUES.has(w));
}

/** A place name among the words ("Air China", "Paris Air Show") makes a person unlikely; a first word that is
 * also a given name ("Mary", a town too) does not count. */
function containsPlace(tokens: Token[], first: number, last: number, gaz: Gazetteer): boolean {
  for (let k = first; k <= last; k++) if (gaz.countries.has(tokens[k]!.lower) || (gaz.places.has(tokens[k]!.lower) && k === first && !gaz.firstNames.has(tokens[k]!.lower))) return true;
  return false;
}

function spanHasOrgHead(tokens: Token[], first: number, last: number): boolean {
  return spanHas(tokens, first, last, (w) => ORGANISATION_HEADS.has(w) || ORGANISATION_WORDS.has(w));
}

/** A name the rules found. Every one is built with all its fields, in this order: copies of
 * objects of one shape (`{ ...head, first }`) are cheap, of several shapes markedly slower. */
interface Typed {
  first: number; last: number; nameFirst: number; nameLast: number; type: EntityType | null; titled: boolean;
  gender: 'male' | 'female' | null; descriptor: string | null;
  /** Extent and type come from the tagger: aliases neither add "the" to it nor call it a premodifier
   * (the tagger is trained to leave names used as modifiers, MEANTIME's PRE.NAM, outside mentions). */
  tagged: boolean;
  /** Typed a person because the name speaks as people do ("Obama explained"): other names do not overrule it. */
  speaks: boolean;
}

/**
 * Finds entity mentions with canonical names; pure, uses only the given gazetteer and tagger.
 * The rules propose names (with titles, gender, descriptors). With a tagger, the tagger, given the
 * rules' mentions as features, decides each mention's extent (MEANTIME's convention: "the United
 * States", "Airbus parent EADS") and whether it is one; the rules type the names they found, and
 * aliases give canonical names. With `tagger` null the rules alone decide.
 */
export function findEntities(doc: TokenizedText, gaz: Gazetteer, tagger: EntityTagger | null = null): EntitySpan[] {
  return findEntityMentions(doc, gaz, tagger).mentions;
}

/** The mentions (tagged when a tagger is given) and the rules' own mentions, whose spans the quote finder is tuned to. */
export function findEntityMentions(doc: TokenizedText, gaz: Gazetteer, tagger: EntityTagger | null): { mentions: EntitySpan[]; rules: EntitySpan[] } {
  const dateline = datelinePlaces(doc, (name) => gaz.places.has(name));
  // Names context marks as places ("the town of X", "X province", a dateline's "X, Country,").
  const placeCued = placeCuedNames(doc, dateline);
  const typed = typeCandidates(doc, gaz, dateline, placeCued);
  // Weather systems ("Storm Edda") are none of the three types.
  const weather = weatherSystems(doc);
  const rules = withoutWeatherSystems(doc, resolveAliases(doc, typed, gaz), weather);
  if (!tagger) return { mentions: rules, rules };
  const spans = withDatelinePlaces(tagEntities(featureContext(doc, gaz, rules), tagger), dateline);
  const mentions = withoutWeatherSystems(doc, resolveAliases(doc, fuseTagged(doc, typed, spans, rules, gaz, placeCued), gaz), weather);
  // Model names ("the Ford Falcon") are none of the three types.
  const products = productNames(doc, mentions, gaz);
  if (products.size === 0) return { mentions, rules };
  return { mentions: mentions.filter((m) => !products.has(doc.text.slice(doc.tokens[m.nameFirst]!.start, doc.tokens[m.nameLast]!.end).toLowerCase())), rules };
}

function withoutWeatherSystems(doc: TokenizedText, mentions: EntitySpan[], weather: { tokens: Set<number>; names: Set<string> }): EntitySpan[] {
  if (weather.names.size === 0) return mentions;
  return mentions.filter((m) => {
    for (let k = m.nameFirst; k <= m.nameLast; k++) if (weather.tokens.has(k)) return false;
    return !weather.names.has(doc.text.slice(doc.tokens[m.nameFirst]!.start, doc.tokens[m.nameLast]!.end).toLowerCase());
  });
}

/** A dateline's place and country are mentions of their own ("OSTWICK, Vessland, April 13"), not one tagged phrase. */
function withDatelinePlaces(spans: TaggedSpan[], dateline: TokenRange[]): TaggedSpan[] {
  if (dateline.length === 0) return spans;
  const out = spans.filter((s) => !dateline.some((r) => s.first <= r.last && s.last >= r.first));
  for (const r of dateline) out.push({ first: r.first, last: r.last, type: 'place' });
  return out.sort((a, b) => a.first - b.first);
}

/** "Ohio, Florida, and Nevada": after the last token of a span, the list goes on. */
function listGoesOn(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  const after = tokens[last + 2];
  if (next?.lower === 'and' || next?.lower === 'or') return true;
  return next?.text === ',' && (after?.lower === 'and' || after?.lower === 'or' || after?.cap === true);
}

/** The legal form after a company's name. */
const LEGAL_SUFFIX = /^(?:Ltd|Inc|Corp|LLC|plc|PLC|AG|GmbH|SA|NV|N\.V|Co|LLP|Pty)\.?$/;

/** "Ltd." tagged alone: the company's name before it belongs to the mention ("Skyreach Ltd."). */
export function withCompanyNames(tokens: Token[], spans: TaggedSpan[]): TaggedSpan[] {
  return spans.map((s) => {
    const suffixOnly = (s.first === s.last || (s.last === s.first + 1 && tokens[s.last]!.text === '.')) && LEGAL_SUFFIX.test(tokens[s.first]!.text);
    const sameSentence = (k: number): boolean => k > 0 && tokens[k - 1]!.cap && tokens[k - 1]!.sentence === tokens[k]!.sentence;
    if (!suffixOnly || !sameSentence(s.first)) return s;
    let first = s.first - 1;
    while (sameSentence(first)) first--;
    return { ...s, first, type: 'organisation' };
  });
}

/** Tagged spans, each with the name the rules found inside it (its last one: the head of the phrase). */
function fuseTagged(doc: TokenizedText, typed: Typed[], spans: TaggedSpan[], ruled: EntitySpan[], gaz: Gazetteer, placeCued: Set<string>): Typed[] {
  const { tokens } = doc;
  const out: Typed[] = [];
  // Rule names by their last token, and the rules' resolved type of each name (by its first token).
  const byLast = new Map<number, Typed[]>();
  for (const t of typed) { const list = byLast.get(t.nameLast); if (list) list.push(t); else byLast.set(t.nameLast, [t]); }
  const ruleTypes = new Map<number, EntityType>();
  for (let k = ruled.length - 1; k >= 0; k--) ruleTypes.set(ruled[k]!.nameFirst * 0x4000000 + ruled[k]!.nameLast, ruled[k]!.type);
  const ruleTypeOf = (t: Typed): EntityType | null => ruleTypes.get(t.nameFirst * 0x4000000 + t.nameLast) ?? null;
  const covered = new Uint8Array(tokens.length);
  const { lowerWords } = doc;
  const writtenLower = (word: string): boolean => lowerWords.has(word) || lowerWords.has(`${word}s`) || (word.endsWith('s') && lowerWords.has(word.slice(0, -1)));
  const nameKeyOfTyped = (t: Typed): string => doc.text.slice(tokens[t.nameFirst]!.start, tokens[t.nameLast]!.end).toLowerCase();
  // The end of the last span taken to the end of the rules' name ("The University" to "The University of Tarrholm"):
  // spans of the tagger inside it are parts of that name.
  let widenedTo = -1;
  for (let s of withGovernments(tokens, splitCoordinated(tokens, widenToBodies(tokens, withCompanyNames(tokens, spans), typed), typed))) {
    if (s.first <= widenedTo) continue;
    // A span cut at a middle initial ("Rep. Elijah E" of "Rep. Elijah E. Cummings") takes the rest of the rules' name.
    if (/^\p{Lu}$/u.test(tokens[s.last]!.text) && tokens[s.last + 1]?.text === '.') {
      const longer = typed.find((t) => t.nameFirst >= s.first && t.nameFirst <= s.last && t.nameLast > s.last);
      if (longer) s = { ...s, last: longer.nameLast };
    }
    // A body's name cut before "of" ("The University" of "The University of Tarrholm", "the Bank" of
    // "the Bank of Norholm"), which the tagger, trained on few such names, does not carry on: the
    // rules' name, when they read one over the "of".
    if (tokens[s.last + 1]?.lower === 'of' && ORGANISATION_HEADS.has(tokens[s.last]!.lower) && s.type === 'organisation') {
      const longer = typed.find((t) => t.nameFirst >= s.first && t.nameFirst <= s.last && t.nameLast > s.last + 1);
      if (longer) {
        s = { ...s, last: longer.nameLast };
        widenedTo = s.last;
      }
    }
    covered.fill(1, s.first, s.last + 1);
    // The head: the rule name ending last inside the span.
    let head: Typed | undefined;
    for (let k = s.last; k >= s.first && !head; k--) head = byLast.get(k)?.find((t) => t.nameFirst >= s.first);
    // The rules type a name they found better than the tagger does on unseen stories (aliases: "Jobs" is Steve Jobs).
    if (head) s = { ...s, type: ruleTypeOf(head) ?? s.type };
    const person = s.type === 'person';
    if (head) {
      out.push({ ...head, first: s.first, last: s.last, type: s.type, titled: head.titled && person, descriptor: person ? head.descriptor : null, tagged: true });
      // Names inside a longer mention are mentions too ("Airbus" in "Airbus parent EADS").
      // Not the town of "Dayton, Ohio": the phrase and the state are the mentions, as MEANTIME has it.
      for (let k = s.first; k < head.nameFirst; k++) {
        for (const t of byLast.get(k) ?? []) {
          const townOfState = s.type === 'place' && t.type === 'place' && tokens[t.last + 1]?.text === ',' && t.last + 2 === head.nameFirst && head.nameLast === s.last
            && !gaz.countries.has(nameKeyOfTyped(t)) && !listGoesOn(tokens, s.last);
          if (t.type && t.first >= s.first && t.last < head.nameFirst && !townOfState) out.push({ ...t, tagged: true });
        }
      }
      // MEANTIME-style nesting: "Presiding Judge Martin Mann" holds the mention "Martin Mann".
      // A person's titles ("Senator", "Australian Prime Minister") make no separate mention; a descriptor does ("Apple CEO").
      let descriptorBefore = !person;
      for (let k = s.first; k < head.nameFirst && !descriptorBefore; k++) {
        const l = tokens[k]!.lower.replace(/\.$/, '');
        if (l !== '' && !PERSON_TITLES.has(l) && !DEMONYMS.has(l) && !gaz.places.has(l) && l !== 'the' && l !== ',') descriptorBefore = true;
      }
      // The country inside "the government of Canada" is no mention of its own.
      for (let k = s.first; k < head.nameFirst && descriptorBefore; k++) if (/^governments?$/.test(tokens[k]!.lower)) descriptorBefore = false;
      if (descriptorBefore && head.nameFirst > s.first && (tokens[s.first]!.lower !== 'the' || head.nameFirst > s.first + 1)) out.push({ ...head, first: head.nameFirst, last: head.nameLast, type: s.type, titled: false, descriptor: null, tagged: true });
      continue;
    }
    // A word the tagger alone took, opening a sentence, that the article writes in lower case elsewhere ("Sales of cars").
    if (s.first === s.last && (s.first === 0 || tokens[s.first - 1]!.sentence !== tokens[s.first]!.sentence) && writtenLower(tokens[s.first]!.lower)) continue;
    let nameFirst = s.first;
    while (nameFirst < s.last && !tokens[nameFirst]!.cap) nameFirst++;
    let nameLast = s.last;
    while (nameLast > nameFirst && !tokens[nameLast]!.cap) nameLast--;
    // "The French president" opening a sentence: a description, not a person called "The French"
    // (the article's "French President X" gives it its name, by the descriptor below).
    if (s.type === 'person' && onlyNationality(tokens, nameFirst, nameLast, gaz)) continue;
    out.push({ first: s.first, last: s.last, nameFirst, nameLast, type: s.type, titled: false, gender: null, descriptor: null, tagged: true, speaks: false });
  }
  // A name the tagger took as a mention somewhere in the article is one everywhere the rules found it.
  const nameKeyOf = (t: Typed): string => doc.text.slice(tokens[t.nameFirst]!.start, tokens[t.nameLast]!.end).toLowerCase();
  const named = new Set(out.map(nameKeyOf));
  const surnames = new Set(out.filter((t) => t.type === 'person').map((t) => tokens[t.nameLast]!.lower));
  // The first words of the organisations taken: "Halvard" after "Halvard Terminals".
  const orgLeads = new Set(out.filter((t) => t.type === 'organisation' && t.nameLast > t.nameFirst).map((t) => tokens[t.nameFirst]!.lower));
  // The initials of the names of several words ("Atlantic Bridge Council" -> "ABC"), built when first needed.
  let initials: Set<string> | null = null;
  const spelledOutIn = (acronym: string): boolean => {
    if (!initials) {
      initials = new Set<string>();
      for (const list of [out, typed]) {
        for (const t of list) {
          if (t.nameFirst === t.nameLast) continue;
          let abbreviation = '';
          for (let k = t.nameFirst; k <= t.nameLast; k++) if (tokens[k]!.cap && isWordToken(tokens[k]!)) abbreviation += tokens[k]!.text[0];
          if (abbreviation.length >= 2) initials.add(abbreviation);
        }
      }
    }
    return initials.has(acronym);
  };
  let added = false;
  for (const t of typed) {
    let overlaps = false;
    for (let k = t.first; k <= t.last && !overlaps; k++) overlaps = covered[k] === 1;
    if (overlaps) continue;
    const key = nameKeyOf(t);
    // A place of the gazetteer, or one the context marks ("the town of X"), the rules found is kept even where the tagger passed it over.
    const knownPlace = (gaz.places.has(key) || placeCued.has(key)) && (ruleTypeOf(t) ?? t.type) === 'place';
    // So is an organisation of the word lists ("the Pentagon", "NATO").
    const knownBody = t.nameFirst === t.nameLast && KNOWN_ORGANISATIONS.has(tokens[t.nameFirst]!.lower) && (ruleTypeOf(t) ?? t.type) === 'organisation';
    // "the ABC" stays where the article spelled the name out ("the Atlantic Bridge Council ... the ABC").
    const spelledOut = t.nameFirst === t.nameLast && tokens[t.nameFirst - 1]?.lower === 'the' && isAcronym(tokens[t.nameFirst]!.text) && spelledOutIn(tokens[t.nameFirst]!.text);
    const orgLead = t.nameFirst === t.nameLast && orgLeads.has(key) && (ruleTypeOf(t) ?? t.type) !== 'place' && (ruleTypeOf(t) ?? t.type) !== 'person';
    // And a person the rules named by a register's given name and a surname or two ("Olaf Scholz"):
    // the tagger, which knows the stdlib's names only, passes over given names it never saw.
    const givenAndSurname = (ruleTypeOf(t) ?? t.type) === 'person' && t.nameLast > t.nameFirst && t.nameLast - t.nameFirst <= 2 && gaz.registerNames.has(tokens[t.nameFirst]!.lower);
    if (named.has(key) || (t.nameFirst === t.nameLast && surnames.has(key)) || orgLead || knownPlace || knownBody || spelledOut || t.speaks || givenAndSurname) { out.push({ ...t, type: ruleTypeOf(t) ?? t.type }); added = true; }
  }
  if (added) out.sort((a, b) => a.first - b.first);
  return out;
}

/**
 * A tagged span inside a rule name of the form "Central Bank of Chile" (an organisation word before
 * "of") takes the whole name: the tagger alone may keep only the place after "of".
 */
function widenToBodies(tokens: Token[], spans: TaggedSpan[], typed: Typed[]): TaggedSpan[] {
  return spans.map((s) => {
    if (tokens[s.first - 1]?.lower !== 'of' && tokens[s.last + 1]?.lower !== 'of') return s;
    for (const t of typed) {
      if (t.type !== 'organisation' || t.nameFirst > s.first || t.nameLast < s.last || (t.nameFirst === s.first && t.nameLast === s.last)) continue;
      for (let k = t.nameFirst + 1; k < t.nameLast; k++) {
        if (tokens[k]!.lower === 'of' && spanHasOrgHead(tokens, t.nameFirst, k - 1)) return { first: Math.min(s.first, t.first), last: t.last, type: 'organisation' };
      }
    }
    return s;
  });
}

/**
 * "the government of Canada", "the provincial government of Ontario": a country's government stands for
 * the country, so the place mention takes the phrase in (as "the Canadian Government" is a place).
 */
function withGovernments(tokens: Token[], spans: TaggedSpan[]): TaggedSpan[] {
    return spans.map((s) => {
    if (s.type !== 'place') return s;
    let first: number;
    if (/^governments?$/.test(tokens[s.first]!.lower) && tokens[s.first + 1]?.lower === 'of') first = s.first;
    else if (tokens[s.first - 1]?.lower === 'of' && /^governments?$/.test(tokens[s.first - 2]?.lower ?? '')) first = s.first - 2;
    else return s;
    // Up to two lower-case adjectives, then "the".
    for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
      const t = tokens[k]!;
      if (t.sentence !== tokens[s.first]!.sentence || t.cap) break;
      if (t.lower === 'the') { first = k; break; }
      if (!/^\p{Ll}+$/u.test(t.text)) break;
    }
    return tokens[first]!.lower === 'the' ? { ...s, first } : s;
  });
}

/** A lower-case verb between two names ("Starmer confronted Russian President Vladimir Putin"): never inside one name. */
const isVerbLike = (t: Token): boolean => /^\p{Ll}+$/u.test(t.text) && ((t.lower.length > 4 && /(?:ed|ing)$/.test(t.lower)) || REPORTING_VERBS.has(t.lower) || VERBS_BETWEEN_NAMES.has(t.lower));
/** Verbs that headlines and leads put between two names and the -ed/-ing test misses ("Macron meets Zelensky", "Ruiz met Hale"). */
const VERBS_BETWEEN_NAMES = new Set([
  'meets', 'met', 'visits', 'hosts', 'joins', 'beats', 'beat', 'leads', 'led', 'sees', 'saw', 'faces', 'backs', 'sues', 'sued',
  'fires', 'hires', 'names', 'appoints', 'replaces', 'thanks', 'urges', 'calls', 'asks', 'blames', 'praises', 'slams', 'welcomes',
  'phones', 'defeats', 'won', 'wins', 'lost', 'loses', 'sent', 'sends', 'gave', 'gives', 'took', 'takes', 'made', 'makes',
  'left', 'leaves', 'held', 'holds', 'paid', 'pays', 'sold', 'sells', 'bought', 'buys', 'signs', 'signed', 'greets',
]);

/** Verbs a title-case headline writes with a capital between two names ("Chris Christie Calls Hillary Clinton", "Lindsey Graham Says"). */
const HEADLINE_VERBS = new Set([
  'says', 'calls', 'tells', 'asks', 'urges', 'slams', 'blasts', 'hammers', 'rips', 'mocks', 'attacks', 'accuses', 'defends',
  'endorses', 'rejects', 'denies', 'warns', 'vows', 'praises', 'blames', 'backs', 'sues', 'fires', 'hires', 'appoints', 'meets',
  'visits', 'hosts', 'joins', 'defeats', 'welcomes', 'confronts', 'criticizes', 'criticises', 'responds', 'admits', 'insists',
]);
/** A capitalised headline verb right after a capitalised word: it ends the name before it. */
const headlineVerbAt = (tokens: Token[], k: number): boolean => {
  const t = tokens[k];
  return t !== undefined && t.cap && HEADLINE_VERBS.has(t.lower) && k > 0 && tokens[k - 1]!.cap && tokens[k - 1]!.sentence === t.sentence;
};

/** Words that join two names into a list or a route ("Ford and Toyota", "from Paris to Rome"), never one name. */
const COORDINATORS = new Set(['and', 'or', 'to', 'via', 'nor', '&']);

/**
 * Tagged spans that join several names ("Ford and Toyota", "Lyon, Nice, Paris") split into the names:
 * at a coordinator or a verb between capitalised words, unless the rules read the whole as one name
 * ("Procter and Gamble"), and at commas of a list of three or more capitalised items.
 */
export function splitCoordinated(tokens: Token[], spans: TaggedSpan[], names: Array<{ nameFirst: number; nameLast: number }>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    const cuts: number[] = [];
    for (let k = s.first + 1; k <= s.last; k++) {
      // A capitalised headline verb parts the names, or ends the span ("Lindsey Graham Says").
      if (headlineVerbAt(tokens, k)) { cuts.push(k); continue; }
      if (k === s.last) break;
      const nextName = tokens[k + 1]!.cap || (tokens[k + 1]!.lower === 'the' && k + 2 <= s.last && tokens[k + 2]!.cap);
      if (!(COORDINATORS.has(tokens[k]!.lower) || isVerbLike(tokens[k]!)) || tokens[k]!.cap || !tokens[k - 1]!.cap || !nextName) continue;
      if (names.some((t) => t.nameFirst <= k && t.nameLast >= k)) continue;
      cuts.push(k);
    }
    let commas = 0;
    let listLike = true;
    for (let k = s.first; k <= s.last; k++) {
      if (tokens[k]!.text !== ',') continue;
      commas++;
      if (!tokens[k + 1]?.cap && !COORDINATORS.has(tokens[k + 1]?.lower ?? '')) listLike = false;
    }
    if (commas >= 2 && listLike) for (let k = s.first; k <= s.last; k++) if (tokens[k]!.text === ',') cuts.push(k);
    if (cuts.length === 0) { out.push(s); continue; }
    cuts.sort((a, b) => a - b);
    let from = s.first;
    for (const cut of [...cuts, s.last + 1]) {
      let named = false;
      for (let k = from; k < cut && !named; k++) named = tokens[k]!.cap;
      if (named) out.push({ first: from, last: cut - 1, type: s.type });
      from = cut + 1;
    }
  }
  return out;
}

/** The rules: capitalised runs cut and typed by word lists, gazetteer and cues (type null: left to aliases). */
function typeCandidates(doc: TokenizedText, gaz: Gazetteer, dateline: TokenRange[], placeCued: Set<string>): Typed[] {
  const { tokens, text } = doc;
  const { lowerWords } = doc;
  const headlines = titleCaseParagraphs(doc);
  const capitalisedMidSentence = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cap && tokens[i - 1]!.sentence === t.sentence && !/^["“‘«„(—–:-]$/.test(tokens[i - 1]!.text)) capitalisedMidSentence.add(t.lower);
  }
  // Capitalised words right before a verb of speech that companies seldom use.
  const speakers = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) if (tokens[i]!.cap && PERSON_SPEECH_VERBS.has(tokens[i + 1]!.lower) && tokens[i + 1]!.sentence === tokens[i]!.sentence) speakers.add(tokens[i]!.lower);
  // "Harris said the economy was strong, and she promised ...": a name that says something and is then
  // "he" or "she" in its sentence (a company is "it") speaks as people do.
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!tokens[i]!.cap || (tokens[i + 1]!.lower !== 'said' && tokens[i + 1]!.lower !== 'says') || tokens[i + 1]!.sentence !== tokens[i]!.sentence || !isWordToken(tokens[i]!)) continue;
    for (let k = i + 2; k < i + 14 && tokens[k] && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
      const w = tokens[k]!.lower;
      if (w === 'it' || w === 'its' || w === 'they' || w === 'their') break;
      if (w === 'he' || w === 'she' || w === 'his' || w === 'her') { speakers.add(tokens[i]!.lower); break; }
    }
  }
  const typed: Typed[] = [];
  for (const c of findCandidates(doc, gaz)) {
    let first = c.first;
    let last = c.last;
    // A dateline's place in capitals ("OSTWICK, Vessland, April 13", "NEW YORK (Reuters) -").
    const datelined = dateline.some((r) => r.first === c.first && r.last === c.last);
    // A sentence opener is an ordinary word written with a capital.
    if (c.sentenceStart && !datelined) {
      while (first <= last) {
        const t = tokens[first]!;
        // Not the name before an organisation word ("Apple Corps argued", "International Monetary Fund",
        // even where "an apple" and "international" are written).
        const bodyName = first < last && ORGANISATION_WORDS.has(tokens[last]!.lower);
        // Nor the first word of a place of several words ("The New York Times", "North Carolina voters").
        const placeOpener = first < last && (gaz.places.has(`${t.lower} ${tokens[first + 1]!.lower}`) || (first + 1 < last && gaz.places.has(`${t.lower} ${tokens[first + 1]!.lower} ${tokens[first + 2]!.lower}`)));
        if (placeOpener) break;
        if (SENTENCE_OPENERS.has(t.lower) || (lowerWords.has(t.lower) && !gaz.places.has(t.lower) && !PERSON_TITLES.has(t.lower) && !bodyName)) first++;
        else break;
      }
    }
    if (first > last) continue;
    // "Ryanair CEO": a trailing title is not part of the name.
    // A title that is also a surname, after a given name or "Mr.", is the surname: "Larry King", "Mr. King", "Ann Bishop".
    while (last > first && STRONG_PERSON_TITLES.has(tokens[last]!.lower) && !ORGANISATION_WORDS.has(tokens[last]!.lower) && !titleIsSurname(tokens, last, gaz)) last--;
    // A lone capitalised word opening a sentence, never capitalised elsewhere, is an ordinary word ("Engine troubles").
    // Unless a description in apposition and a verb of saying follow it ("Harnbank, Harnsby's largest lender, said").
    if (first === last && c.sentenceStart && !datelined && !gaz.places.has(tokens[first]!.lower) && !isAcronym(tokens[first]!.text) && !capitalisedMidSentence.has(tokens[first]!.lower)
      && !speakerInApposition(tokens, first)) continue;
    // Titles and nationality adjectives before the name: "Russian Foreign Minister Sergei Lavrov".
    let nameFirst = first;
    let titled = false;
    let gender: 'male' | 'female' | null = null;
    const descriptorWords: string[] = [];
    const orgNamed = ORGANISATION_WORDS.has(tokens[last]!.lower.replace(/\.$/, ''));
    // "the Minister of Infrastructure Tomas Varga": the office, then a given name and a surname.
    const office = tokens[first - 2];
    if (!orgNamed && tokens[first - 1]?.lower === 'of' && office?.cap && STRONG_PERSON_TITLES.has(office.lower) && office.sentence === tokens[first]!.sentence
      && !gaz.places.has(text.slice(tokens[first]!.start, tokens[last]!.end).toLowerCase())) {
      for (let k = first + 1; k < last && k >= last - 2; k++) {
        if (!gaz.firstNames.has(tokens[k]!.lower)) continue;
        descriptorWords.push(office.lower, 'of');
        for (let d = first; d < k; d++) descriptorWords.push(tokens[d]!.lower);
        first -= 2;
        nameFirst = k;
        titled = true;
        break;
      }
    }
    while (nameFirst <= last && !orgNamed) {
      const t = tokens[nameFirst]!;
      const lower = t.lower.replace(/\.$/, '');
      // After "Mr." the last word is the surname, title or not ("Mr. King").
      const courtesySurname = nameFirst === last && SURNAME_TITLES.has(lower) && COURTESY_TITLES.has(descriptorWords[descriptorWords.length - 1] ?? '');
      if (PERSON_TITLES.has(lower) && !courtesySurname) {
        if (STRONG_PERSON_TITLES.has(lower)) titled = true;
        if (MALE_TITLES.has(lower)) gender = 'male';
        if (FEMALE_TITLES.has(lower)) gender = 'female';
        descriptorWords.push(lower);
        nameFirst++;
        if (tokens[nameFirst]?.text === '.' ) nameFirst++;
        continue;
      }
      const next = tokens[nameFirst + 1];
      // "Democrat Hillary Clinton", "Republican Donald Trump": the party describes the person, a given name and a surname follow.
      if (PARTY_WORDS.has(lower) && last - nameFirst >= 2 && next && isGivenName(gaz, next.lower)) {
        descriptorWords.push(lower);
        titled = true;
        nameFirst++;
        continue;
      }
      if (nameFirst < last && next && PERSON_TITLES.has(next.lower) && (isDemonym(t.lower, gaz) || gaz.places.has(t.lower))) {
        descriptorWords.push(t.lower);
        nameFirst++;
        continue;
      }
      break;
    }
    // "Halden Motor Company CEO Ruth Kessler": an organisation, then a title and a person's name
    // (a given name after the title, no organisation word after it) are two mentions.
    let split = false;
    if (!orgNamed && spanHasOrgHead(tokens, first, last)) {
      for (let k = last - 1; k > nameFirst; k--) {
        if (!STRONG_PERSON_TITLES.has(tokens[k]!.lower) || !gaz.firstNames.has(tokens[k + 1]!.lower)) continue;
        if (spanHasOrgHead(tokens, k + 1, last)) break;
        let orgLast = k - 1;
        while (orgLast > first && (PERSON_TITLES.has(tokens[orgLast]!.lower) || !tokens[orgLast]!.cap)) orgLast--;
        if (spanHasOrgHead(tokens, first, orgLast)) {
          typed.push({ first, last: orgLast, nameFirst: first, nameLast: orgLast, type: 'organisation', titled: false, gender: null, descriptor: null, tagged: false, speaks: false });
          for (let d = orgLast + 1; d <= k; d++) descriptorWords.push(tokens[d]!.lower);
          first = orgLast + 1;
          nameFirst = k + 1;
          titled = true;
          split = true;
        }
        break;
      }
    }
    // "Canadian Fisheries Minister Paul Okafor": everything up to the last title goes.
    if (!split && !spanHasOrgHead(tokens, first, last) && !ORGANISATION_WORDS.has(tokens[last]!.lower)) {
      for (let k = last - 1; k >= nameFirst; k--) {
        const lower = tokens[k]!.lower;
        if (!STRONG_PERSON_TITLES.has(lower)) continue;
        let n = k + 1;
        while (n < last && (PERSON_TITLES.has(tokens[n]!.lower) || !tokens[n]!.cap || tokens[n]!.text === '.')) n++;
        for (let d = nameFirst; d < n; d++) if (tokens[d]!.cap) descriptorWords.push(tokens[d]!.lower);
        titled = true;
        nameFirst = n;
        break;
      }
    }
    if (nameFirst > last) continue;
    // "Creator Kevin Cureghian tested ...": a capitalised noun opening the sentence before a given name
    // and a surname describes the person (its lower-case use may never appear in the article).
    if (c.sentenceStart && !titled && nameFirst === first && last - nameFirst === 2 && !gaz.firstNames.has(tokens[nameFirst]!.lower)
      && gaz.firstNames.has(tokens[nameFirst + 1]!.lower) && !spanHasOrgHead(tokens, first, last) && !gaz.places.has(tokens[nameFirst]!.lower)
      && !isDemonym(tokens[nameFirst]!.lower, gaz) && /^\p{Lu}\p{Ll}+$/u.test(tokens[nameFirst]!.text)
      && !gaz.places.has(`${tokens[nameFirst]!.lower} ${tokens[nameFirst + 1]!.lower}`)) {
      first = nameFirst + 1;
      nameFirst = first;
    }
    // Connectors may not end or start a name.
    let nameLast = last;
    while (nameLast > nameFirst && !tokens[nameLast]!.cap) nameLast--;
    const nameText = text.slice(tokens[nameFirst]!.start, tokens[nameLast]!.end);
    const nameLower = nameText.toLowerCase();
    const single = nameFirst === nameLast;
    const head = tokens[nameFirst]!;
    if (single && !titled && isDemonym(head.lower, gaz) && !gaz.places.has(head.lower)) continue;
    if (single && SENTENCE_OPENERS.has(head.lower)) continue;
    // Model numbers and products ("A380", "Boeing 787"), units and currencies after figures ("8 GB").
    if (/\d/.test(tokens[nameLast]!.text)) continue;
    if (single && CURRENCY_AND_UNITS.has(head.lower) && (isAcronym(head.text) || /^\d/.test(tokens[nameFirst - 1]?.text ?? ''))) continue;
    if (/^\d/.test(tokens[nameLast + 1]?.text ?? '') && text.slice(tokens[nameLast]!.end, tokens[nameLast + 1]!.start) === ' ' && !CALENDAR_WORDS.has(tokens[nameLast]!.lower) && /^\d+$/.test(tokens[nameLast + 1]!.text) && !/^[,.]/.test(tokens[nameLast + 2]?.text ?? '')) continue;
    // Shouted lines ("JOIN US ON TELEGRAM") are not names.
    if (!single && !datelined && /^[^a-z]+$/.test(nameText) && !ORGANISATION_WORDS.has(tokens[nameLast]!.lower)) continue;
    if (!datelined && headlines.has(tokens[first]!.sentence >= 0 ? doc.sentences[tokens[first]!.sentence]!.paragraph : -1) && !gaz.places.has(nameLower) && !titled) {
      typed.push({ first, last: nameLast, nameFirst, nameLast, type: null, titled, gender, descriptor: null, tagged: false, speaks: false });
      continue;
    }
    let type: EntityType | null;
    let speaks = false;
    const lastLower = tokens[nameLast]!.lower.replace(/\.$/, '');
    const after = tokens[nameLast + 1];
    const after2 = tokens[nameLast + 2];
    const before = tokens[first - 1];
    // A cue that people share with companies ("rival", "spokesman") does not make a body of a name that opens with a given name ("rival Hillary Clinton").
    const personLike = !single && isGivenName(gaz, head.lower);
    const orgCue = isOrgCue(ORG_CUES_BEFORE, tokens[nameFirst - 1]?.lower, personLike) || isOrgCue(ORG_CUES_AFTER, tokens[nameLast + 1]?.lower, personLike)
      || ((tokens[nameLast + 1]?.lower === '’s' || tokens[nameLast + 1]?.lower === "'s") && isOrgCue(ORG_CUES_AFTER, tokens[nameLast + 2]?.lower, personLike));
    // "the Canadian Government", "the United States Government": a country's government stands for the
    // country (the place, as ACE and MEANTIME annotate it), unlike a named body ("Labour Government").
    const countryGovernment = lastLower === 'government' && nameLast > nameFirst
      && (isDemonym(tokens[nameFirst]!.lower, gaz) || gaz.places.has(text.slice(tokens[nameFirst]!.start, tokens[nameLast - 1]!.end).toLowerCase()));
    // "Hollis & Brandt": names joined by "&" make a firm.
    let joinedByAmpersand = false;
    for (let k = nameFirst + 1; k < nameLast && !joinedByAmpersand; k++) joinedByAmpersand = tokens[k]!.text === '&';
    if (countryGovernment || datelined) type = 'place';
    else if (orgNamed || joinedByAmpersand) type = 'organisation';
    else if (titled) type = 'person';
    else if (!single && PLACE_WORDS.has(lastLower)) type = 'place';
    else if (orgCue && !gaz.places.has(nameLower)) type = 'organisation';
    else if (gaz.places.has(nameLower) || gaz.places.has(nameLower.replace(/^the /, ''))) type = 'place';
    // "North Florida", "Southern Ohio": a part of a place ("North" is a given name too).
    else if (nameLast === nameFirst + 1 && COMPASS_WORDS.has(head.lower) && gaz.places.has(tokens[nameLast]!.lower)) type = 'place';
    else if (KNOWN_ORGANISATIONS.has(nameLower) || spanHasOrgHead(tokens, nameFirst, nameLast)) type = 'organisation';
    else if (isAcronym(nameText)) type = 'organisation';
    else if (after && after2 && after.text === ',' && (PERSON_CUES_AFTER.has(after2.lower) || ((after2.lower === 'a' || after2.lower === 'the' || after2.lower === 'an') && PERSON_CUES_AFTER.has(tokens[nameLast + 3]?.lower ?? '')))) type = 'person';
    // "union president Marek Olsen", "the union's president, Marek Olsen,", "Marek Olsen, the union's president,":
    // a job title in lower case beside a name of two or three words.
    else if (!single && nameLast - nameFirst <= 2 && !/^[^a-z]+$/.test(nameText) && !containsPlace(tokens, nameFirst, nameLast, gaz) && !placeCued.has(nameLower)
      && (lowerCaseTitle(before) || (before?.text === ',' && lowerCaseTitle(tokens[first - 2])) || titleInApposition(tokens, nameLast))) { type = 'person'; speaks = true; }
    else if (before && (before.lower === 'spokesperson' || before.lower === 'spokesman' || before.lower === 'spokeswoman')) type = 'person';
    // A given name first ("Mary Barra", "Steve Jobs", "John Smith": a surname may be a given name too);
    // other unknown multi-word names are organisations.
    else if (!single && nameLast - nameFirst <= 3 && gaz.firstNames.has(head.lower) && !/^[^a-z]+$/.test(nameText) && !containsPlace(tokens, nameFirst, nameLast, gaz)) type = 'person';
    // A name whose last word speaks as people do ("Starmer mentioned", "Obama explained") is a person.
    else if (nameLast - nameFirst <= 2 && speakers.has(tokens[nameLast]!.lower) && !gaz.companies.has(tokens[nameLast]!.lower)) { type = 'person'; speaks = true; }
    else if (placeCued.has(nameLower) && !KNOWN_ORGANISATIONS.has(nameLower) && !isAcronym(nameText)) type = 'place';
    // "said theCUBE's Savannah Peterson.": two or three words right after a verb of saying, closing
    // the clause, none a company's or country's name, are a person speaking.
    else if (!single && nameLast - nameFirst <= 2 && SAID_BEFORE_NAME.has(saidBefore(tokens, first)) && /^[,.;]$/.test(after?.text ?? '') && !/^[^a-z]+$/.test(nameText)
      && !spanHas(tokens, nameFirst, nameLast, (w) => gaz.companies.has(w) || gaz.countries.has(w) || ORGANISATION_WORDS.has(w))) { type = 'person'; speaks = true; }
    // A rarer given name (a birth register's) before a word that reads as a surname: "Olaf Brenning",
    // not "Halvard Terminals".
    else if (!single && nameLast - nameFirst <= 2 && gaz.registerNames.has(head.lower) && readsAsSurname(doc, tokens[nameLast]!, gaz)
      && !/^[^a-z]+$/.test(nameText) && !containsPlace(tokens, nameFirst, nameLast, gaz)) type = 'person';
    else if (!single) type = 'organisation';
    else {
      // "Harnbank, Harnsby's largest mortgage lender, said ...": a lone word described in apposition
      // and then speaking is a name, a person's where the description is one of a person.
      const described = speakerInApposition(tokens, nameLast);
      type = described; // null: a lone word, decided by aliases below
      speaks = described !== null;
    }
    const descriptor = type === 'person' && descriptorWords.length > 0 ? descriptorWords.filter((w) => !['mr', 'mrs', 'ms', 'dr', 'miss'].includes(w)).join(' ') : null;
    typed.push({ first, last: nameLast, nameFirst, nameLast, type, titled, gender, descriptor: descriptor || null, tagged: false, speaks });
  }
  return typed;
}

/**
 * The type of a lone word followed by a description in apposition and a verb of saying ("Harnbank,
 * Harnsby's largest lender, said", "Vestrand, a shipping line, said"): a person where a word of the
 * description is one of a person ("Holt, a former minister, said"), else a body; null when the word is
 * not so described.
 */
function speakerInApposition(tokens: Token[], name: number): EntityType | null {
  const comma = tokens[name + 1];
  const opener = tokens[name + 2];
  if (comma?.text !== ',' || !opener || opener.sentence !== comma.sentence) return null;
  const possessive = opener.cap && /^['’]s$/.test(tokens[name + 3]?.text ?? '');
  if (!/^(?:a|an|the|one)$/.test(opener.lower) && !possessive) return null;
  let person = false;
  for (let j = name + 3; j <= name + 12; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== opener.sentence || /^["“”(]$/.test(t.text)) return null;
    if (t.text === ',') return REPORTING_VERBS.has(tokens[j + 1]?.lower ?? '') ? (person ? 'person' : 'organisation') : null;
    if (PERSON_CUES_AFTER.has(t.lower)) person = true;
  }
  return null;
}

const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
/** A comparable form of a name token ("Zelenskyy" and "Zelensky" agree). */
const computeNameKey = (s: string): string => stripDiacritics(s.toLowerCase()).replace(/[^a-z0-9]/g, '').replace(/(.)\1+/g, '$1').replace(/y$/, 'i');
/** Name keys of recent words and names: the same names recur across an article and across articles (Unicode normalisation is slow). */
const nameKeys = new Map<string, string>();
export const nameKey = (s: string): string => {
  let key = nameKeys.get(s);
  if (key === undefined) {
    if (nameKeys.size >= 50_000) nameKeys.clear();
    key = computeNameKey(s);
    nameKeys.set(s, key);
  }
  return key;
};

/** Full names by one of their words (a given name, a company's first word). */
function addName(byKey: Map<string, Set<string>>, key: string, name: string): void {
  const names = byKey.get(key);
  if (names) names.add(name);
  else byKey.set(key, new Set([name]));
}

/** The one full name under a key, or null when there is none or more than one. */
function onlyName(byKey: Map<string, Set<string>>, key: string): string | null {
  const names = byKey.get(key);
  return names?.size === 1 ? names.values().next().value! : null;
}

function resolveAliases(doc: TokenizedText, typed: Typed[], gaz: Gazetteer): EntitySpan[] {
  const { tokens, text } = doc;
  const nameOf = (t: Typed): string => text.slice(tokens[t.nameFirst]!.start, tokens[t.nameLast]!.end);
  // Full names by surname and by initials, from the typed multi-word mentions.
  const bySurname = new Map<string, { name: string; type: EntityType; gender: 'male' | 'female' | null; given: boolean }>();
  const byAcronym = new Map<string, string>();
  const byName = new Map<string, EntityType>();
  // Full names by given name ("Kevin recommends" after "Kevin Cureghian"), for lone given names.
  const byGiven = new Map<string, Set<string>>();
  const byOrgLead = new Map<string, Set<string>>();
  for (const t of typed) {
    if (!t.type) continue;
    const name = nameOf(t);
    const prevType = byName.get(name);
    if (!prevType || t.titled) byName.set(name, t.type);
    // Not from a name that holds a company's word or capitals ("Northrop Grumman", "Mac OSX"): typed a person by mistake.
    if (t.type === 'person' && t.nameLast > t.nameFirst && !spanHas(tokens, t.nameFirst, t.nameLast, (w) => gaz.companies.has(w))
      && !/\b\p{Lu}{2,}\b/u.test(name)) {
      addName(byGiven, nameKey(tokens[t.nameFirst]!.text), name);
    }
    // Not from a "person" with a connector in the name ("Civil Liberties Union of Ohio" typed a person by mistake): every "Ohio" would follow it.
    if (t.type === 'person' && !/ (?:of|for|and|on) /.test(name)) {
      const key = nameKey(tokens[t.nameLast]!.text);
      const known = bySurname.get(key);
      // The longest full name, preferring one that opens with a given name ("Hillary Clinton", not a nickname "Crooked Hillary Clinton").
      const given = t.nameLast > t.nameFirst && isGivenName(gaz, tokens[t.nameFirst]!.lower);
      if (!known || (given && !known.given) || (given === known.given && known.name.length < name.length)) {
        bySurname.set(key, { name, type: 'person', gender: t.gender ?? known?.gender ?? null, given });
      }
      else if (t.gender && !known.gender) known.gender = t.gender;
    }
    // Short forms by their first word ("Halvard" for "Halvard Terminals", "Goldman" for "Goldman Sachs").
    if (t.type === 'organisation' && t.nameLast > t.nameFirst && tokens[t.nameFirst]!.cap && !gaz.places.has(tokens[t.nameFirst]!.lower) && !isDemonym(tokens[t.nameFirst]!.lower, gaz)) {
      addName(byOrgLead, nameKey(tokens[t.nameFirst]!.text), name);
    }
    if (t.nameLast > t.nameFirst && t.type !== 'person') {
      let initials = '';
      for (let k = t.nameFirst; k <= t.nameLast; k++) if (tokens[k]!.cap) initials += tokens[k]!.text[0];
      if (initials.length >= 2 && !byAcronym.has(initials)) byAcronym.set(initials, name);
    }
  }
  // A name in capitals ("OSTWICK" in a dateline) is the name the article writes in normal case.
  let normalCase: Map<string, { name: string; type: EntityType | null }> | null = null;
  const normalCaseOf = (lower: string): { name: string; type: EntityType | null } | undefined => {
    if (!normalCase) {
      normalCase = new Map();
      for (const t of typed) {
        const name = nameOf(t);
        if (/\p{Ll}/u.test(name) && (!normalCase.has(name.toLowerCase()) || t.type)) normalCase.set(name.toLowerCase(), { name, type: t.type });
      }
    }
    return normalCase.get(lower);
  };
  const orgNames = new Set<string>();
  for (const t of typed) if (t.type === 'organisation') orgNames.add(nameOf(t).toLowerCase());
  // A lone surname of someone the article names with a given name ("Trump" after "Donald Trump") is that person, even beside "Trump University".
  const personsSurname = (t: Typed): boolean => t.nameFirst === t.nameLast && bySurname.get(nameKey(tokens[t.nameFirst]!.text))?.given === true;
  for (const t of typed) if (!t.titled && !t.speaks && t.type !== 'place' && orgNames.has(nameOf(t).toLowerCase()) && !personsSurname(t)) t.type = 'organisation';
  const orgTokens = new Set<string>();
  for (const t of typed) if (t.type === 'organisation') for (let k = t.nameFirst; k <= t.nameLast; k++) if (tokens[k]!.cap) orgTokens.add(tokens[k]!.lower);
  // A "person" whose name is part of an organisation's ("Lockheed Martin" in "Lockheed Martin Corp"), word
  // for word and in order: not one whose words are each in some organisation ("Hillary Clinton" beside
  // "the Clinton Foundation" and a nickname "Crooked Hillary").
  const orgNameWords = [...orgNames].map((n) => ` ${n} `);
  for (const t of typed) {
    if (t.type !== 'person' || t.titled || t.speaks) continue;
    const words = ` ${nameOf(t).toLowerCase()} `;
    if (orgNameWords.some((n) => n.includes(words))) t.type = 'organisation';
  }
  const out: EntitySpan[] = [];
  const descriptors = new Map<string, string | null>();
  for (const t of typed) {
    const name = nameOf(t);
    let type = t.type;
    let canonical = name;
    let gender = t.gender;
    const single = t.nameFirst === t.nameLast;
    // (A lone name that speaks is filed under its own word: that is no surname of someone else's.)
    const filed = bySurname.get(nameKey(tokens[t.nameLast]!.text));
    const surname = filed && !(single && filed.name === name) ? filed : undefined;
    // A lone surname of a person the article named beats a town of the same name ("said Angers").
    // Not a place after a preposition of place ("in Washington" beside "Denzel Washington").
    const located = type === 'place' && PLACE_PREPOSITIONS.has(tokens[t.first - 1]?.lower ?? '');
    if (surname && (type !== 'place' || (single && !located)) && (type !== 'organisation' || (single && surname.given)) && (single || type === 'person' || type === null)) {
      const nameTokens = name.split(/\s+/).map(nameKey);
      const fullTokens = new Set(surname.name.split(/\s+/).map(nameKey));
      if (nameTokens.every((k) => fullTokens.has(k))) {
        canonical = surname.name;
        type = 'person';
        gender = gender ?? surname.gender;
      }
    }
    // "Rakeyia Scott" typed a body in an article about Keith Lamont Scott: a name of two or three
    // capitalised words ending in the surname of a person the article names with a given name, with
    // no word of a body's name in it, is another person of that family, not a body.
    if (type === 'organisation' && !single && t.nameLast - t.nameFirst <= 2 && filed?.given && filed.name !== name
      && !spanHasOrgHead(tokens, t.nameFirst, t.nameLast) && !spanHas(tokens, t.nameFirst, t.nameLast, (w) => gaz.companies.has(w))
      && !/\p{Lu}{2,}/u.test(name) && !KNOWN_ORGANISATIONS.has(name.toLowerCase())) {
      type = 'person';
    }
    // A lone given name of the one person the article named with it, when no one has it as a surname.
    // Not a company's name that is a given name too ("Ford", "Northrop"): the article's "Ford Falcon"
    // or "Northrop Grumman" is then no person.
    if (single && canonical === name && !surname && type !== 'place' && isGivenName(gaz, name.toLowerCase())
      && !gaz.companies.has(name.toLowerCase()) && !orgTokens.has(name.toLowerCase())) {
      const full = onlyName(byGiven, nameKey(name));
      if (full) [canonical, type] = [full, 'person'];
    }
    // A lone word that opens the one organisation's name the article gives in full; after a
    // preposition of place (not "from", "at" or "to": "the offer from Halvard"; not "in the Senate")
    // it is the place the body is named after ("rents in Brennmouth" beside "the Brennmouth Dockers' Union").
    if (single && canonical === name && (type === 'organisation' || type === null) && !gaz.places.has(name.toLowerCase())) {
      const full = onlyName(byOrgLead, nameKey(name));
      const placed = t.first === t.nameFirst && /^(?:in|near|across|outside|inside|throughout|around|towards?)$/.test(tokens[t.first - 1]?.lower ?? '');
      if (full && placed) type = 'place';
      else if (full) [canonical, type] = [full, 'organisation'];
    }
    const capitals = !/\p{Ll}/u.test(name);
    const twin = capitals ? normalCaseOf(name.toLowerCase()) : undefined;
    if (twin) { canonical = twin.name; type = twin.type ?? type; }
    else if (capitals && type === 'place' && /^(?:\p{Lu}{4,}|\p{Lu}{2,}(?: \p{Lu}{2,})+)$/u.test(name)) canonical = name.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
    else if (type !== 'person' && isAcronym(name)) {
      const full = byAcronym.get(name.replace(/\./g, ''));
      if (full) { canonical = full; type = byName.get(full) ?? type; }
    }
    if (!type) {
      type = byName.get(name) ?? null;
      if (!type) {
        if (t.nameFirst === t.nameLast) {
          // A lone unknown capitalised word is an organisation (companies speak too: "Apple said").
          type = 'organisation';
        } else continue;
      }
    }
    if (type === 'place' && gaz.places.has(canonical.toLowerCase()) === false && !gaz.places.has(name.toLowerCase())) type = 'place';
    const next = tokens[t.last + 1];
    const possessive = next !== undefined && /^['’]s$/.test(next.text);
    // "the Pentagon", "the United States": the article belongs to an organisation's or place's name.
    const the = tokens[t.first - 1];
    const first = !t.tagged && (type === 'organisation' || type === 'place') && t.first === t.nameFirst && the?.lower === 'the' && !possessive && the.sentence === tokens[t.first]!.sentence ? t.first - 1 : t.first;
    const start = tokens[first]!.start;
    const end = tokens[t.last]!.end;
    const premodifier = !t.tagged && type !== 'person' && next !== undefined && next.sentence === tokens[t.last]!.sentence
      && (isPremodifiedNoun(next) || (next.text === '$' && next.start === end) || (/^\p{Ll}+s$/u.test(next.text) && !NOT_NOUN_AFTER_NAME.has(next.lower) && !REPORTING_VERBS.has(next.lower) && NOUN_PHRASE_STARTS.test(tokens[t.first - 1]?.text ?? '')));
    // A person named in full whose given name is a woman's or a man's, where no title said so.
    if (gender === null && type === 'person') {
      const given = /^(\S+)\s+\S/u.exec(canonical)?.[1];
      if (given) gender = gaz.givenNameGender(given.toLowerCase());
    }
    out.push({ text: text.slice(start, end), start, end, type, name: canonical, first, last: t.last, nameFirst: t.nameFirst, nameLast: t.nameLast, gender, premodifier });
    if (t.descriptor && type === 'person') {
      const prev = descriptors.get(t.descriptor);
      descriptors.set(t.descriptor, prev === undefined || prev === canonical ? canonical : null);
    }
  }
  // "the French president" -> the person the article introduced as "French President X".
  for (const [descriptor, person] of descriptors) {
    if (!person || !descriptor.includes(' ')) continue;
    const re = new RegExp(`\\bthe ${descriptor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi');
    for (const m of text.matchAll(re)) {
      if (/[A-Z]/.test(m[0].split(' ').pop()!)) continue; // "the French President X" is already a titled mention.
      const first = tokenAt(tokens, m.index);
      const last = tokenAt(tokens, m.index + m[0].length - 1);
      if (first < 0 || last < 0) continue;
      out.push({ text: m[0], start: m.index, end: m.index + m[0].length, type: 'person', name: person, first, last, nameFirst: first, nameLast: last, gender: null, premodifier: false });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Tokens first..last hold no name: only articles and nationalities ("The French", "the British"). */
function onlyNationality(tokens: Token[], first: number, last: number, gaz: Gazetteer): boolean {
  let nationality = false;
  for (let k = first; k <= last; k++) {
    const lower = tokens[k]!.lower;
    if (lower === 'the' || lower === 'a' || lower === 'an') continue;
    if (!isDemonym(lower, gaz)) return false;
    nationality = true;
  }
  return nationality;
}

/** Words before a name that make a following plural ("500 Apple engineers") a noun. */
const NOUN_PHRASE_STARTS = /^(?:the|a|an|its|their|his|her|our|these|those|this|that|\d[\d,.]*)$/i;

/** A word after a name that makes the name a modifier: a lower-case noun ("airtanker") or a title ("CEO"). */
function isPremodifiedNoun(next: Token): boolean {
  const lower = next.lower;
  if (next.cap) return PERSON_TITLES.has(lower) && lower !== 'president';
  if (!/^\p{L}+(?:-\p{L}+)*$/u.test(next.text)) return false;
  if (NOT_NOUN_AFTER_NAME.has(lower) || REPORTING_VERBS.has(lower)) return false;
  return !/(?:ed|[^s]s|ing|ly)$/.test(lower);
}



/** Index of the token containing offset, or -1. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
