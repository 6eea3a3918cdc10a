/**
 * @module Merging across the articles of a story: the same quote reported by several outlets with
 * small differences (quote style, a comma, "front lines" vs "front line") becomes one StoryQuote;
 * entity aliases ("Zelensky"/"Zelenskyy", "Macron"/"Emmanuel Macron") become one entity.
 */
import type { EntityMention, EntityType, Quote } from '../model/analysis.js';
import { placeName } from './country-names.js';
import { nameKey } from './entities.js';

export interface StoryQuoteSource { articleId: number; source: string | null; published: string | null }

export interface StoryQuote {
  /** The canonical variant: the one reported by most sources (the earliest on ties). */
  text: string;
  speaker: string | null;
  /** Without a named speaker: how the articles describe the source, the most common wording ("a source close to the president"). */
  attribution: string | null;
  direct: boolean;
  variants: string[];
  sources: StoryQuoteSource[];
  firstSeen: { articleId: number; source: string | null; at: string };
}

export interface StoryQuoteInput {
  articleId: number;
  source: string | null;
  published: string | null;
  seenAt: string;
  quotes: Quote[];
}

/** Words of a quote with quote styles, punctuation, case and plural -s removed. */
function quoteWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)
    .map(stem);
}

const isWordChar = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** Possessive 's and a plural -s after three word characters removed (string checks: this runs on every quote of a story). */
function stem(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  const n = w.length;
  return n >= 4 && w.charCodeAt(n - 1) === 115 && isWordChar(w.charCodeAt(n - 2)) && isWordChar(w.charCodeAt(n - 3)) && isWordChar(w.charCodeAt(n - 4)) ? w.slice(0, -1) : w;
}

/** Word bigrams of a quote with their counts (the last word pairs with nothing). */
function bigrams(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const g = `${words[i]} ${words[i + 1] ?? ''}`;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient of word bigrams (order-aware, tolerant of a changed word or two). */
function similarity(a: { length: number; grams: Map<string, number> }, b: { length: number; grams: Map<string, number> }): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (const [g, n] of a.grams) common += Math.min(n, b.grams.get(g) ?? 0);
  return (2 * common) / (a.length + b.length);
}

/** sameName with its answers remembered for one merge (names repeat across a story's articles). */
function nameMatcher(): (a: string, b: string) => boolean {
  const known = new Map<string, boolean>();
  return (a, b) => {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let same = known.get(key);
    if (same === undefined) known.set(key, (same = sameName(a, b)));
    return same;
  };
}

interface QuoteGroup {
  length: number;
  grams: Map<string, number>;
  variants: Map<string, number>;
  speakers: Map<string, number>;
  attributions: Map<string, number>;
  /** The first speaker heard: later quotes must be compatible with it. */
  leader: string | null;
  direct: boolean;
  sources: StoryQuoteSource[];
  articleIds: Set<number>;
  firstSeen: StoryQuote['firstSeen'];
}

/**
 * Merges the quotes of a story's articles; threshold 0.7 on bigram Dice, speakers must agree.
 * Near-linear: an index from bigram to the groups that contain it gives each quote its candidates
 * and a bound on the shared bigrams; only candidates whose bound reaches the threshold are scored.
 */
export function mergeStoryQuotes(items: StoryQuoteInput[], options: { threshold?: number } = {}): StoryQuote[] {
  const threshold = options.threshold ?? 0.7;
  const same = nameMatcher();
  const ordered = [...items].sort((x, y) => x.seenAt.localeCompare(y.seenAt) || x.articleId - y.articleId);
  const groups: QuoteGroup[] = [];
  const byGram = new Map<string, number[]>();
  const shared: number[] = [];
  for (const item of ordered) {
    for (const q of item.quotes) {
      const words = quoteWords(q.text);
      if (words.length < 3) continue;
      const quote = { length: words.length, grams: bigrams(words) };
      // Upper bound of the bigrams each group shares with this quote.
      const touched: number[] = [];
      for (const [g, n] of quote.grams) {
        for (const index of byGram.get(g) ?? []) {
          if (shared[index] === 0) touched.push(index);
          shared[index] = (shared[index] ?? 0) + n;
        }
      }
      const candidates = touched.filter((index) => (2 * shared[index]!) / (quote.length + groups[index]!.length) >= threshold).sort((a, b) => a - b);
      for (const index of touched) shared[index] = 0;
      let best: QuoteGroup | null = null;
      let bestScore = threshold;
      for (const index of candidates) {
        const g = groups[index]!;
        if (g.direct !== q.direct) continue;
        if (g.leader !== null && q.speaker !== null && !same(g.leader, q.speaker)) continue;
        const s = similarity(quote, g);
        if (s >= bestScore) { best = g; bestScore = s; }
      }
      if (!best) {
        best = { ...quote, variants: new Map(), speakers: new Map(), attributions: new Map(), leader: null, direct: q.direct, sources: [], articleIds: new Set(), firstSeen: { articleId: item.articleId, source: item.source, at: item.seenAt } };
        shared.push(0);
        for (const g of quote.grams.keys()) {
          const list = byGram.get(g);
          if (list) list.push(groups.length);
          else byGram.set(g, [groups.length]);
        }
        groups.push(best);
      }
      best.variants.set(q.text, (best.variants.get(q.text) ?? 0) + 1);
      if (q.speaker) {
        best.speakers.set(q.speaker, (best.speakers.get(q.speaker) ?? 0) + 1);
        best.leader ??= q.speaker;
      }
      // Keyed by the speaker it came with ("" for none): with one, it is the spokesperson a body spoke
      // through ("a spokesman for Vestby Shipping"), and only that speaker's quote shows it.
      if (q.attribution) {
        const key = `${q.speaker ?? ''}\u0000${q.attribution}`;
        best.attributions.set(key, (best.attributions.get(key) ?? 0) + 1);
      }
      if (!best.articleIds.has(item.articleId)) {
        best.articleIds.add(item.articleId);
        best.sources.push({ articleId: item.articleId, source: item.source, published: item.published });
      }
    }
  }
  return groups.map((g) => {
    const variants = [...g.variants.keys()];
    let text = variants[0]!;
    for (const v of variants) if ((g.variants.get(v) ?? 0) > (g.variants.get(text) ?? 0)) text = v;
    let speaker: string | null = null;
    for (const [name, n] of g.speakers) if (!speaker || n > (g.speakers.get(speaker) ?? 0) || (n === g.speakers.get(speaker) && name.length > speaker.length)) speaker = name;
    let attribution: string | null = null;
    let count = 0;
    for (const [key, n] of g.attributions) {
      const [by, wording] = key.split('\u0000') as [string, string];
      if (by === (speaker ?? '') && n > count) [attribution, count] = [wording, n];
    }
    return { text, speaker, attribution, direct: g.direct, variants, sources: g.sources, firstSeen: g.firstSeen };
  });
}

/** Whether two names denote the same person/organisation: equal keys, or one's tokens within the other's, surnames within edit distance 1. */
export function sameName(a: string, b: string): boolean {
  const ta = a.split(/\s+/).map(nameKey).filter((t) => t.length > 1);
  const tb = b.split(/\s+/).map(nameKey).filter((t) => t.length > 1);
  if (ta.length === 0 || tb.length === 0) return false;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (!nearlyEqual(short[short.length - 1]!, long[long.length - 1]!)) return false;
  return short.every((t) => long.some((u) => nearlyEqual(t, u)));
}

function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 5) return false;
  // Edit distance <= 1.
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export interface StoryEntity { name: string; type: EntityType; aliases: string[]; articleIds: number[] }

/** The last name token as sameName compares it (the surname), or null when there is none. */
function surnameKey(name: string): string | null {
  const tokens = name.split(/\s+/).map(nameKey).filter((t) => t.length > 1);
  return tokens[tokens.length - 1] ?? null;
}

/** The key and every key one letter shorter: two keys within edit distance 1 share one of these. */
function deletions(key: string): string[] {
  const out = new Set([key]);
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
}

/**
 * Merges entity mentions of a story's articles by type and name (aliases kept, longest name
 * canonical). Each mention is compared only with the entities that have an alias whose surname is
 * within one edit of its own (an index of surname deletions), in the order they were found.
 */
export function mergeStoryEntities(
  articles: Array<{ articleId: number; entities: EntityMention[] }>,
  options: { speakers?: ReadonlySet<string> } = {},
): StoryEntity[] {
  const same = nameMatcher();
  const out: Array<StoryEntity & { aliasSet: Set<string>; articleSet: Set<number> }> = [];
  const bySurname = new Map<string, Set<number>>();
  const surnames = new Map<string, string | null>();
  const surnameOf = (name: string): string | null => {
    let key = surnames.get(name);
    if (key === undefined) surnames.set(name, (key = surnameKey(name)));
    return key;
  };
  const indexAlias = (index: number, alias: string): void => {
    const surname = surnameOf(alias);
    if (surname === null) return;
    for (const key of deletions(surname)) {
      const k = `${out[index]!.type}\u0000${key}`;
      const set = bySurname.get(k);
      if (set) set.add(index);
      else bySurname.set(k, new Set([index]));
    }
  };
  for (const a of articles) {
    for (const mention of a.entities) {
      // "U.S." in one article and "United States" in another are one place, as are "Kiev" and "Kyiv".
      const place = mention.type === 'place' ? placeName(mention.name) : null;
      const e = place && place !== mention.name ? { ...mention, name: place } : mention;
      const surname = surnameOf(e.name);
      const candidates = new Set<number>();
      if (surname !== null) for (const key of deletions(surname)) for (const index of bySurname.get(`${e.type}\u0000${key}`) ?? []) candidates.add(index);
      const index = [...candidates].sort((x, y) => x - y).find((i) => same(out[i]!.name, e.name) || out[i]!.aliases.some((x) => same(x, e.name)));
      const match = index === undefined ? undefined : out[index]!;
      if (index !== undefined && match) {
        for (const alias of [e.name, e.text]) {
          if (match.aliasSet.has(alias)) continue;
          match.aliasSet.add(alias);
          match.aliases.push(alias);
          indexAlias(index, alias);
        }
        if (e.name.length > match.name.length) match.name = e.name;
        if (!match.articleSet.has(a.articleId)) {
          match.articleSet.add(a.articleId);
          match.articleIds.push(a.articleId);
        }
      } else {
        const aliases = [...new Set([e.name, e.text])];
        out.push({ name: e.name, type: e.type, aliases, articleIds: [a.articleId], aliasSet: new Set(aliases), articleSet: new Set([a.articleId]) });
        for (const alias of aliases) indexAlias(out.length - 1, alias);
      }
    }
  }
  return foldTypeTwins(foldSpeakingSurnames(out, options.speakers ?? new Set())).map(({ name, type, aliases, articleIds }) => ({ name, type, aliases, articleIds }));
}

/**
 * A name typed differently in the articles of a story is one entity, of the type most of its
 * articles give it: "Ostwick" a place where the article says "the town of Ostwick" and an unknown
 * word elsewhere, "Halvard Terminals" an organisation in the English reports and, from its given-name
 * look, a person in a German one. When no type has the most articles, each stays.
 */
function foldTypeTwins<E extends StoryEntity & { aliasSet: Set<string>; articleSet: Set<number> }>(entities: E[]): E[] {
  const byName = new Map<string, E[]>();
  for (const e of entities) {
    const key = e.name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(e);
    else byName.set(key, [e]);
  }
  const folded = new Set<E>();
  for (const twins of byName.values()) {
    if (twins.length < 2) continue;
    const ranked = [...twins].sort((a, b) => b.articleIds.length - a.articleIds.length);
    const keep = ranked[0]!;
    if (keep.articleIds.length === ranked[1]!.articleIds.length) continue;
    for (const fold of ranked.slice(1)) {
      for (const alias of fold.aliases) if (!keep.aliasSet.has(alias)) { keep.aliasSet.add(alias); keep.aliases.push(alias); }
      for (const id of fold.articleIds) if (!keep.articleSet.has(id)) { keep.articleSet.add(id); keep.articleIds.push(id); }
      folded.add(fold);
    }
  }
  return folded.size === 0 ? entities : entities.filter((e) => !folded.has(e));
}

/**
 * A lone surname that speaks ("Starmer said") but was typed as an organisation or place in its
 * article joins the one person of the story with that surname ("Keir Starmer"). Left alone when
 * the story has no such person, several, or a longer organisation or place with that word
 * ("Ford" beside "Henry Ford" and "Ford Motor").
 */
function foldSpeakingSurnames<E extends StoryEntity & { aliasSet: Set<string>; articleSet: Set<number> }>(entities: E[], speakers: ReadonlySet<string>): E[] {
  if (speakers.size === 0) return entities;
  const folded = new Set<E>();
  for (const entity of entities) {
    if (entity.type === 'person' || !entity.aliases.some((alias) => speakers.has(alias))) continue;
    const word = surnameKey(entity.name);
    if (word === null || entity.aliases.some((alias) => alias.trim().split(/\s+/).length > 1)) continue;
    const people = entities.filter((e) => e.type === 'person' && sameName(e.name, entity.name));
    const longerNamesake = entities.some((e) => e.type !== 'person' && e !== entity && e.aliases.some((alias) => { const words = alias.split(/\s+/).map(nameKey); return words.length > 1 && words.includes(word); }));
    if (people.length !== 1 || longerNamesake) continue;
    const person = people[0]!;
    for (const alias of entity.aliases) if (!person.aliasSet.has(alias)) { person.aliasSet.add(alias); person.aliases.push(alias); }
    for (const id of entity.articleIds) if (!person.articleSet.has(id)) { person.articleSet.add(id); person.articleIds.push(id); }
    folded.add(entity);
  }
  return folded.size === 0 ? entities : entities.filter((e) => !folded.has(e));
}
