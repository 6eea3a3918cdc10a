/**
 * @module Entity mention extents and types from a small BIO tagger: a first-order structured
 * (averaged) perceptron decoded with Viterbi. Features are the word, its shape and affixes, its
 * neighbours, the word lists of entity-lexicon.ts, the gazetteer (company names included), describing
 * phrases before a name and the rule-based mentions of entities.ts. Only tokens near a capitalised
 * word are tagged; the rest are outside any name.
 * The weights are trained by eval/entities/train.ts (MEANTIME, CC BY 4.0) into entity-model.json.
 */
import type { EntityType } from '../model/analysis.js';
import type { Gazetteer } from './gazetteer.js';
import {
  CALENDAR_WORDS, DEMONYMS, KNOWN_ORGANISATIONS, NAME_CONNECTORS, ORGANISATION_HEADS, ORGANISATION_WORDS,
  PERSON_TITLES, PLACE_WORDS, REPORTING_VERBS, SENTENCE_OPENERS, STRONG_PERSON_TITLES,
} from './entity-lexicon.js';
import type { TokenizedText } from './text-tokens.js';
import wordClusterTable from './word-clusters.json' with { type: 'json' };

/** Word -> fine cluster ("c17") and coarse cluster ("k3") of its GloVe vector (eval/entities/word-clusters.ts). */
let clusterMap: Map<string, [string, string]> | null = null;
export function wordCluster(lower: string): [string, string] | undefined {
  if (!clusterMap) {
    clusterMap = new Map();
    const { clusters, coarse } = wordClusterTable as { clusters: string[]; coarse: number[] };
    clusters.forEach((line, c) => { const v: [string, string] = [`c${c}`, `k${coarse[c]}`]; for (const w of line.split(' ')) clusterMap!.set(w, v); });
  }
  return clusterMap.get(lower);
}

export const LABELS = ['O', 'B-person', 'I-person', 'B-organisation', 'I-organisation', 'B-place', 'I-place'] as const;
export const LABEL_COUNT = LABELS.length;
/** Types of the B- labels (index 1, 3, 5). */
const LABEL_TYPE: Array<EntityType | null> = [null, 'person', 'person', 'organisation', 'organisation', 'place', 'place'];

/** Feature templates: one value per token and template (or none). Conjunctions, words two away and
 * prefixes were tried and left out: no better out of sample, and slower. */
export const TEMPLATES = [
  'bias', 'w0', 'w-1', 'w+1', 's0', 's-1', 's+1', 'suf3', 'lx0', 'lx-1', 'lx+1', 'r0', 'r-1', 'r+1',
  'start', 'doc', 'runLast', 'place', 'usage', 'c0', 'k0', 'c-1', 'c+1', 'desc',
] as const;
export const TEMPLATE_COUNT = TEMPLATES.length;

/** The committed model: per template, feature value -> one weight per label; transitions from (start, labels) to labels. */
export interface TaggerWeights {
  labels: readonly string[];
  templates: readonly string[];
  weights: Record<string, Record<string, number[]>>;
  /** (LABEL_COUNT + 1) x LABEL_COUNT, row LABEL_COUNT is the sequence start. */
  transitions: number[];
}

/** The model ready for tagging: one lookup table per template. */
export interface EntityTagger {
  tables: Array<Map<string, Float32Array>>;
  transitions: Float32Array;
}

/** A mention the rules found, given to the tagger as a feature. */
export interface RuleMention { first: number; last: number; type: EntityType | null; premodifier: boolean }

/** A tagged mention: token range (inclusive) and type. */
export interface TaggedSpan { first: number; last: number; type: EntityType }

export function loadTagger(model: TaggerWeights): EntityTagger {
  const tables = TEMPLATES.map((name) => {
    const table = new Map<string, Float32Array>();
    for (const [value, w] of Object.entries(model.weights[name] ?? {})) table.set(value, Float32Array.from(w));
    return table;
  });
  return { tables, transitions: Float32Array.from(model.transitions) };
}

/** Whether label `to` may follow label `from` (LABEL_COUNT = start): I-X only after B-X or I-X. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from !== LABEL_COUNT && from !== 0 && (from === to || from === to - 1);
}

/** Per-document facts the features read, computed once. */
export interface FeatureContext {
  doc: TokenizedText;
  gaz: Gazetteer;
  shapes: string[];
  lex: string[];
  /** Each token's WordFacts, where shapes and lex are set. */
  words: Array<WordFacts | undefined>;
  rule: string[];
  runLast: Array<string | undefined>;
  place: Array<string | undefined>;
  docFlag: string[];
  /** How the document uses a capitalised word anywhere: before a reporting verb, before a number, with 's, after "the". */
  usage: Array<string | undefined>;
  start: boolean[];
  /** A describing phrase before a name ("aircraft manufacturer Boeing"): its words and the name's first word (describingPhrases). */
  describing: Array<string | undefined>;
  /** Token ranges [first, last) that are tagged; the rest are outside names. */
  segments: Array<[number, number]>;
}

function shapeOf(text: string): string {
  let out = '';
  let prev = '';
  for (let k = 0; k < text.length && out.length < 6; k++) {
    const code = text.charCodeAt(k);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = text[k]!;
    else { const ch = text[k]!; c = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch; }
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

const CACHE_LIMIT = 50_000;
const NO_SUMS = new Float32Array(0);
const DOC_FLAGS = ['', 'l', 'm', 'lm'];
const USAGE = Array.from({ length: 16 }, (_, bits) => `u${bits}`);
/** Feature values of a rule mention's tokens: "B-org", "I-org", "B-per-pre"... */
const RULE_TAGS: Record<string, [string, string]> = Object.fromEntries(
  ['person', 'organisation', 'place', 'unknown'].flatMap((type) => ['', '-pre'].map((pre) => [`${type}${pre}`, [`B-${type.slice(0, 3)}${pre}`, `I-${type.slice(0, 3)}${pre}`]])),
);
/**
 * What the features read from a token's text alone: its shape, the word lists it is on and, once a
 * tagger has read it, the summed weights of the templates that read only this word (as the token,
 * or as its left or right neighbour). Kept across documents per gazetteer, keyed by the token's
 * text, so a token costs one look-up however many templates and neighbours read it.
 */
export interface WordFacts {
  shape: string;
  /** The word lists, as letters ("TS": a title, a strong one). */
  lex: string;
  /** On the place or country list (lex has "P" or "C"). */
  placeLike: boolean;
  /** The tagger `sums` are for (null until one reads the word). */
  scoredBy: EntityTagger | null;
  /** LABEL_COUNT sums each: the SELF templates, then LEFT, then RIGHT. */
  sums: Float32Array;
}
const factCaches = new WeakMap<Gazetteer, Map<string, WordFacts>>();
function wordFacts(gaz: Gazetteer): Map<string, WordFacts> {
  let cache = factCaches.get(gaz);
  if (!cache) { cache = new Map(); factCaches.set(gaz, cache); }
  return cache;
}

/** The word lists a lower-cased word is on, as letters ("TS": a title, a strong one). */
function wordClass(l: string, gaz: Gazetteer): string {
  let x = '';
  if (PERSON_TITLES.has(l)) x += 'T';
  if (STRONG_PERSON_TITLES.has(l)) x += 'S';
  if (ORGANISATION_WORDS.has(l)) x += 'W';
  if (ORGANISATION_HEADS.has(l)) x += 'H';
  if (DEMONYMS.has(l)) x += 'D';
  if (KNOWN_ORGANISATIONS.has(l)) x += 'K';
  if (gaz.firstNames.has(l)) x += 'F';
  if (gaz.countries.has(l)) x += 'C';
  else if (gaz.places.has(l)) x += 'P';
  if (CALENDAR_WORDS.has(l)) x += 'M';
  if (SENTENCE_OPENERS.has(l)) x += 'N';
  if (NAME_CONNECTORS.has(l)) x += 'J';
  if (REPORTING_VERBS.has(l)) x += 'R';
  if (PLACE_WORDS.has(l)) x += 'L';
  return x;
}

const OPENING = new Set(['"', '“', '‘', '«', '„', '(', '—', '–', '-']);

/** Builds the per-document facts for the features; `rules` are the rule-based mentions. */
export function featureContext(doc: TokenizedText, gaz: Gazetteer, rules: RuleMention[]): FeatureContext {
  const { tokens } = doc;
  const n = tokens.length;
  const shapes = new Array<string>(n);
  const lex = new Array<string>(n);
  const rule = new Array<string>(n).fill('O');
  const runLast = new Array<string | undefined>(n);
  const place = new Array<string | undefined>(n);
  const docFlag = new Array<string>(n);
  const start = new Array<boolean>(n);
  const lowerSeen = doc.lowerWords;
  const capMid = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    start[i] = !prev || prev.sentence !== t.sentence || (prev.text.length === 1 && OPENING.has(prev.text));
    if (t.cap && !start[i]) capMid.add(t.lower);
  }
  // Tagged tokens lie within two of a capitalised word; features read one more on either side.
  const active = new Uint8Array(n);
  const needed = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    // "The", "But" opening a sentence wake nothing up.
    if (!tokens[k]!.cap || (start[k] && SENTENCE_OPENERS.has(tokens[k]!.lower))) continue;
    const s = tokens[k]!.sentence;
    for (let m = Math.max(0, k - 2); m <= Math.min(n - 1, k + 2); m++) if (tokens[m]!.sentence === s) active[m] = 1;
    for (let m = Math.max(0, k - 3); m <= Math.min(n - 1, k + 3); m++) needed[m] = 1;
  }
  const known = wordFacts(gaz);
  const words = new Array<WordFacts | undefined>(n);
  for (let i = 0; i < n; i++) {
    if (!needed[i]) continue;
    const t = tokens[i]!;
    const l = t.lower;
    let facts = known.get(t.text);
    if (facts === undefined) {
      if (known.size > CACHE_LIMIT) known.clear();
      // The company list counts only for capitalised words ("Apple", not "apple").
      const x = wordClass(l, gaz);
      facts = { shape: shapeOf(t.text), lex: t.cap && gaz.companies.has(l) ? `${x}Y` : x, placeLike: /[PC]/.test(x), scoredBy: null, sums: NO_SUMS };
      known.set(t.text, facts);
    }
    words[i] = facts;
    shapes[i] = facts.shape;
    lex[i] = facts.lex;
    docFlag[i] = t.cap ? DOC_FLAGS[(lowerSeen.has(l) ? 1 : 0) + (capMid.has(l) ? 2 : 0)]! : '';
  }
  // Usage of each capitalised word across the document: companies and people speak and own things,
  // products take model numbers ("Boeing 787" is a plane); counted over the whole text.
  const uses = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    if (!t.cap) continue;
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    let bits = uses.get(t.lower) ?? 0;
    if (next && next.sentence === t.sentence) {
      if (REPORTING_VERBS.has(next.lower) || next.lower === 'has' || next.lower === 'will' || next.lower === 'is') bits |= 1;
      const c = next.text.charCodeAt(0);
      if (c >= 48 && c <= 57) bits |= 2;
      if (next.lower === "'s" || next.lower === '’s') bits |= 4;
    }
    if (prev && prev.sentence === t.sentence && prev.lower === 'the') bits |= 8;
    uses.set(t.lower, bits);
  }
  const usage = tokens.map((t) => (t.cap ? USAGE[uses.get(t.lower) ?? 0] : undefined));
  for (const r of rules) {
    const tags = RULE_TAGS[`${r.type ?? 'unknown'}${r.premodifier ? '-pre' : ''}`]!;
    for (let k = r.first; k <= r.last; k++) if (k >= 0 && k < n) rule[k] = tags[k === r.first ? 0 : 1]!;
  }
  // Runs of capitalised words, with connectors between them ("Bank of England").
  let i = 0;
  while (i < n) {
    if (!tokens[i]!.cap) { i++; continue; }
    let j = i;
    while (j + 1 < n && tokens[j + 1]!.sentence === tokens[i]!.sentence) {
      const next = tokens[j + 1]!;
      if (next.cap) { j++; continue; }
      const after = tokens[j + 2];
      if ((NAME_CONNECTORS.has(next.lower) || next.text === '.' || next.text === '&') && after?.cap && after.sentence === next.sentence) { j += 2; continue; }
      break;
    }
    for (let k = Math.max(0, i - 1); k <= j; k++) { runLast[k] = tokens[j]!.lower; }
    // Gazetteer places of two or three words ("New York", "Rio de Janeiro").
    for (let k = i; k < j; k++) {
      for (let len = Math.min(3, j - k + 1); len >= 2; len--) {
        let name = tokens[k]!.lower;
        for (let m = 1; m < len; m++) name += ' ' + tokens[k + m]!.lower;
        if (gaz.places.has(name)) { for (let m = 0; m < len; m++) place[k + m] = m === 0 ? 'B' : 'I'; k += len - 1; break; }
      }
    }
    i = j + 1;
  }
  for (let k = 0; k < n; k++) if (place[k] === undefined && needed[k] && words[k]!.placeLike) place[k] = 'U';
  const segments: Array<[number, number]> = [];
  for (let k = 0; k < n;) {
    if (!active[k]) { k++; continue; }
    let e = k + 1;
    while (e < n && active[e] && tokens[e]!.sentence === tokens[k]!.sentence) e++;
    segments.push([k, e]);
    k = e;
  }
  return { doc, gaz, shapes, lex, words, rule, runLast, place, docFlag, usage, start, describing: describingPhrases(tokens, start), segments };
}

/** Lower-case words that never describe a name: articles, pronouns, prepositions, conjunctions, auxiliaries. */
const NOT_DESCRIBING = new Set([
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'which', 'who',
  'whom', 'whose', 'what', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'into', 'onto', 'over', 'under',
  'about', 'against', 'between', 'among', 'after', 'before', 'during', 'since', 'until', 'via', 'than', 'as', 'like',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'while', 'when', 'where', 'because', 'although', 'though', 'is', 'was',
  'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must',
  'shall', 'should', 'do', 'does', 'did', 'not', 'also', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'them',
  'us', 'me', 'there', 'here', 'then', 'now', 'all', 'both', 'each', 'every', 'some', 'any', 'no', 'per', 'including',
  'according', 'told', 'said', 'says', 'say', 'through', 'toward', 'towards', 'within', 'without', 'upon', 'across',
]);

/** Whether a lower-case word may be a describing noun: a plain word, no function word, adverb or participle. */
function mayDescribe(t: { text: string; lower: string; cap: boolean }): boolean {
  if (t.cap || !/^\p{Ll}+(?:-\p{Ll}+)*$/u.test(t.text) || NOT_DESCRIBING.has(t.lower) || REPORTING_VERBS.has(t.lower)) return false;
  return !/(?:ly|ed|ing)$/.test(t.lower) || t.lower.length <= 4;
}

/**
 * Describing phrases before a name ("aircraft manufacturer Boeing", "German magazine Der Spiegel"):
 * up to three lower-case words that may be nouns right before a capitalised word inside a sentence.
 * MEANTIME takes such a phrase into the name's mention about half the time, so the tagger is told
 * where one is: each word gets its distance to the name and what stands before the phrase (an
 * article or possessive "T", a capitalised word "C", punctuation or the sentence start "P", another
 * word "O"); the name's first word gets the phrase's length and the same.
 */
export function describingPhrases(tokens: Array<{ text: string; lower: string; cap: boolean; sentence: number }>, start: boolean[]): Array<string | undefined> {
  const out = new Array<string | undefined>(tokens.length);
  for (let k = 1; k < tokens.length; k++) {
    const name = tokens[k]!;
    if (!name.cap || start[k] || !mayDescribe(tokens[k - 1]!) || tokens[k - 1]!.sentence !== name.sentence) continue;
    let first = k - 1;
    while (first > 0 && k - first < 3 && tokens[first - 1]!.sentence === name.sentence && mayDescribe(tokens[first - 1]!)) first--;
    const before = first > 0 && tokens[first - 1]!.sentence === name.sentence ? tokens[first - 1]! : undefined;
    const kind = !before ? 'P' : before.cap ? 'C' : /^(?:the|a|an|its|his|her|their|our|'s|’s)$/.test(before.lower) ? 'T' : /^\p{L}/u.test(before.text) ? 'O' : 'P';
    for (let m = first; m < k; m++) out[m] = `d${k - m}${kind}`;
    out[k] = `n${k - first}${kind}`;
  }
  return out;
}

/** Writes the value of each template for token i into out (undefined = no feature). */
export function tokenFeatures(ctx: FeatureContext, i: number, out: Array<string | undefined>): void {
  const { tokens } = ctx.doc;
  const t = tokens[i]!;
  const w0 = t.lower;
  const prev = i > 0 && tokens[i - 1]!.sentence === t.sentence;
  const next = i + 1 < tokens.length && tokens[i + 1]!.sentence === t.sentence;
  out[0] = '';
  out[1] = w0;
  out[2] = prev ? tokens[i - 1]!.lower : '<s>';
  out[3] = next ? tokens[i + 1]!.lower : '<s>';
  out[4] = ctx.shapes[i];
  out[5] = prev ? ctx.shapes[i - 1] : '<s>';
  out[6] = next ? ctx.shapes[i + 1] : '<s>';
  out[7] = w0.length > 3 ? w0.slice(-3) : undefined;
  out[8] = ctx.lex[i];
  out[9] = prev ? ctx.lex[i - 1] : '<s>';
  out[10] = next ? ctx.lex[i + 1] : '<s>';
  out[11] = ctx.rule[i];
  out[12] = i > 0 ? ctx.rule[i - 1] : 'O';
  out[13] = i + 1 < tokens.length ? ctx.rule[i + 1] : 'O';
  out[14] = ctx.start[i] ? ctx.shapes[i] : undefined;
  out[15] = ctx.docFlag[i];
  out[16] = ctx.runLast[i];
  out[17] = ctx.place[i];
  out[18] = ctx.usage[i];
  const c0 = wordCluster(w0);
  out[19] = c0?.[0];
  out[20] = c0?.[1];
  out[21] = prev ? wordCluster(tokens[i - 1]!.lower)?.[0] : '<s>';
  out[22] = next ? wordCluster(tokens[i + 1]!.lower)?.[0] : '<s>';
  out[23] = ctx.describing[i];
}

/** allowed(from, to) as a table, row LABEL_COUNT being the start. */
const ALLOWED = Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, k) => allowed(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT));

/** Viterbi's tables, kept between calls and grown as needed: a document has many short segments,
 * and making two typed arrays for each cost more than the decoding. Every cell read is written first. */
let bestScratch = new Float64Array(64 * LABEL_COUNT);
let backScratch = new Int8Array(64 * LABEL_COUNT);

/** Best label sequence given per-token label scores (Viterbi, first order, I- only after B-/I- of its type). */
export function viterbi(scores: Float64Array, length: number, transitions: ArrayLike<number>): number[] {
  const L = LABEL_COUNT;
  if (bestScratch.length < length * L) {
    bestScratch = new Float64Array(length * L);
    backScratch = new Int8Array(length * L);
  }
  const best = bestScratch;
  const back = backScratch;
  for (let l = 0; l < L; l++) best[l] = ALLOWED[L * L + l] ? scores[l]! + transitions[L * L + l]! : -Infinity;
  for (let p = 1; p < length; p++) {
    const prevRow = (p - 1) * L;
    for (let l = 0; l < L; l++) {
      let m = -Infinity;
      let arg = 0;
      for (let q = 0; q < L; q++) {
        if (!ALLOWED[q * L + l]) continue;
        const v = best[prevRow + q]! + transitions[q * L + l]!;
        if (v > m) { m = v; arg = q; }
      }
      best[p * L + l] = m + scores[p * L + l]!;
      back[p * L + l] = arg;
    }
  }
  let arg = 0;
  for (let l = 1; l < L; l++) if (best[(length - 1) * L + l]! > best[(length - 1) * L + arg]!) arg = l;
  const path = new Array<number>(length);
  for (let p = length - 1; p >= 0; p--) { path[p] = arg; arg = back[p * L + arg]!; }
  return path;
}

/** Label paths (one per segment) to mention spans. */
export function spansFromLabels(labels: Int8Array | number[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k]!;
    if (l === 0 || l % 2 === 0) continue;
    let e = k;
    while (e + 1 < labels.length && labels[e + 1] === l + 1) e++;
    out.push({ first: k, last: e, type: LABEL_TYPE[l]! });
    k = e;
  }
  return out;
}

/** Template indices by the token whose word they read: the token itself, its left and its right neighbour. */
const SELF = [1, 4, 7, 8, 19, 20];
const LEFT = [2, 5, 9, 21];
const RIGHT = [3, 6, 10, 22];
const REST = [0, 11, 12, 13, 14, 15, 16, 17, 18, 23];

/** The values of the REST templates for token i, as tokenFeatures gives them. */
function restValues(ctx: FeatureContext, i: number, out: Array<string | undefined>): void {
  const n = ctx.doc.tokens.length;
  out[0] = '';
  out[1] = ctx.rule[i];
  out[2] = i > 0 ? ctx.rule[i - 1] : 'O';
  out[3] = i + 1 < n ? ctx.rule[i + 1] : 'O';
  out[4] = ctx.start[i] ? ctx.shapes[i] : undefined;
  out[5] = ctx.docFlag[i];
  out[6] = ctx.runLast[i];
  out[7] = ctx.place[i];
  out[8] = ctx.usage[i];
  out[9] = ctx.describing[i];
}

/** Adds the weights of `templates` with the given values (in the templates' order) into sums[offset..]. */
function addWeights(tagger: EntityTagger, sums: Float32Array, offset: number, templates: number[], values: Array<string | undefined>): void {
  for (let k = 0; k < templates.length; k++) {
    const v = values[k];
    const w = v === undefined ? undefined : tagger.tables[templates[k]!]!.get(v);
    if (w) for (let l = 0; l < LABEL_COUNT; l++) sums[offset + l]! += w[l]!;
  }
}

/** A word's summed weights for the templates that read only it (WordFacts.sums), made on first use by a tagger. */
function wordSums(facts: WordFacts, lower: string, tagger: EntityTagger): Float32Array {
  if (facts.scoredBy === tagger) return facts.sums;
  const sums = new Float32Array(3 * LABEL_COUNT);
  const cluster = wordCluster(lower)?.[0];
  addWeights(tagger, sums, 0, SELF, [lower, facts.shape, lower.length > 3 ? lower.slice(-3) : undefined, facts.lex, cluster, wordCluster(lower)?.[1]]);
  addWeights(tagger, sums, LABEL_COUNT, LEFT, [lower, facts.shape, facts.lex, cluster]);
  addWeights(tagger, sums, 2 * LABEL_COUNT, RIGHT, [lower, facts.shape, facts.lex, cluster]);
  facts.sums = sums;
  facts.scoredBy = tagger;
  return sums;
}

/** The LEFT and RIGHT sums at a sentence's edge (every value "<s>"), laid out as in WordFacts.sums from LABEL_COUNT on. */
const edgeSums = new WeakMap<EntityTagger, Float32Array>();
function sentenceEdgeSums(tagger: EntityTagger): Float32Array {
  let sums = edgeSums.get(tagger);
  if (!sums) {
    sums = new Float32Array(3 * LABEL_COUNT);
    addWeights(tagger, sums, LABEL_COUNT, LEFT, ['<s>', '<s>', '<s>', '<s>']);
    addWeights(tagger, sums, 2 * LABEL_COUNT, RIGHT, ['<s>', '<s>', '<s>', '<s>']);
    edgeSums.set(tagger, sums);
  }
  return sums;
}

/** Tags a document: mention spans with types. Scores equal the sum over tokenFeatures' values. */
export function tagEntities(ctx: FeatureContext, tagger: EntityTagger): TaggedSpan[] {
  const { tokens } = ctx.doc;
  const n = tokens.length;
  const labels = new Int8Array(n);
  const { tables } = tagger;
  const { words } = ctx;
  const edge = sentenceEdgeSums(tagger);
  const values = new Array<string | undefined>(REST.length);
  let longest = 0;
  for (const [from, to] of ctx.segments) longest = Math.max(longest, to - from);
  const scores = new Float64Array(longest * LABEL_COUNT);
  const L = LABEL_COUNT;
  for (const [from, to] of ctx.segments) {
    scores.fill(0, 0, (to - from) * L);
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const base = (i - from) * L;
      // The templates that read one word alone: the token, its left and its right neighbour.
      const self = wordSums(words[i]!, t.lower, tagger);
      const p = i > 0 && tokens[i - 1]!.sentence === t.sentence;
      const left = p ? wordSums(words[i - 1]!, tokens[i - 1]!.lower, tagger) : edge;
      const q = i + 1 < n && tokens[i + 1]!.sentence === t.sentence;
      const right = q ? wordSums(words[i + 1]!, tokens[i + 1]!.lower, tagger) : edge;
      for (let l = 0; l < L; l++) scores[base + l]! += self[l]! + left[L + l]! + right[2 * L + l]!;
      restValues(ctx, i, values);
      for (let f = 0; f < REST.length; f++) {
        const v = values[f];
        if (v === undefined) continue;
        const w = tables[REST[f]!]!.get(v);
        if (!w) continue;
        for (let l = 0; l < LABEL_COUNT; l++) scores[base + l]! += w[l]!;
      }
    }
    const path = viterbi(scores, to - from, tagger.transitions);
    for (let p = 0; p < path.length; p++) labels[from + p] = path[p]!;
  }
  return spansFromLabels(labels);
}
