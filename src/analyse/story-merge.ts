/**
 * @module Merging across the articles of a story: the same quote reported by several outlets with
 * small differences (quote style, a comma, "front lines" vs "front line") becomes one StoryQuote;
 * entity aliases ("Zelensky"/"Zelenskyy", "Macron"/"Emmanuel Macron") become one entity.
 */
import type { EntityMention, EntityType, Quote } from '../model/analysis.js';
import { nameKey } from './entities.js';

export interface StoryQuoteSource { articleId: number; source: string | null; published: string | null }

export interface StoryQuote {
  /** The canonical variant: the one reported by most sources (the earliest on ties). */
  text: string;
  speaker: string | null;
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
    .map((w) => w.replace(/'s$/, '').replace(/(?<=\w{3})s$/, ''));
}

/** Dice coefficient of word bigrams (order-aware, tolerant of a changed word or two). */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const grams = (w: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < w.length; i++) { const g = `${w[i]} ${w[i + 1] ?? ''}`; m.set(g, (m.get(g) ?? 0) + 1); }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length + b.length);
}

const speakerCompatible = (a: string | null, b: string | null): boolean =>
  a === null || b === null || sameName(a, b);

/** Merges the quotes of a story's articles; threshold 0.7 on bigram Dice, speakers must agree. */
export function mergeStoryQuotes(items: StoryQuoteInput[], options: { threshold?: number } = {}): StoryQuote[] {
  const threshold = options.threshold ?? 0.7;
  const ordered = [...items].sort((x, y) => x.seenAt.localeCompare(y.seenAt) || x.articleId - y.articleId);
  const groups: Array<{ words: string[]; variants: Map<string, number>; speakers: Map<string, number>; direct: boolean; sources: StoryQuoteSource[]; firstSeen: StoryQuote['firstSeen'] }> = [];
  for (const item of ordered) {
    for (const q of item.quotes) {
      const words = quoteWords(q.text);
      if (words.length < 3) continue;
      let best: (typeof groups)[number] | null = null;
      let bestScore = threshold;
      for (const g of groups) {
        if (g.direct !== q.direct) continue;
        const leader = [...g.speakers.keys()][0] ?? null;
        if (!speakerCompatible(leader, q.speaker)) continue;
        const s = similarity(words, g.words);
        if (s >= bestScore) { best = g; bestScore = s; }
      }
      const src = { articleId: item.articleId, source: item.source, published: item.published };
      if (!best) {
        best = { words, variants: new Map(), speakers: new Map(), direct: q.direct, sources: [], firstSeen: { articleId: item.articleId, source: item.source, at: item.seenAt } };
        groups.push(best);
      }
      best.variants.set(q.text, (best.variants.get(q.text) ?? 0) + 1);
      if (q.speaker) best.speakers.set(q.speaker, (best.speakers.get(q.speaker) ?? 0) + 1);
      if (!best.sources.some((s) => s.articleId === item.articleId)) best.sources.push(src);
    }
  }
  return groups.map((g) => {
    const variants = [...g.variants.keys()];
    let text = variants[0]!;
    for (const v of variants) if ((g.variants.get(v) ?? 0) > (g.variants.get(text) ?? 0)) text = v;
    let speaker: string | null = null;
    for (const [name, n] of g.speakers) if (!speaker || n > (g.speakers.get(speaker) ?? 0) || (n === g.speakers.get(speaker) && name.length > speaker.length)) speaker = name;
    return { text, speaker, direct: g.direct, variants, sources: g.sources, firstSeen: g.firstSeen };
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

/** Merges entity mentions of a story's articles by type and name (aliases kept, longest name canonical). */
export function mergeStoryEntities(articles: Array<{ articleId: number; entities: EntityMention[] }>): StoryEntity[] {
  const out: StoryEntity[] = [];
  for (const a of articles) {
    for (const e of a.entities) {
      const match = out.find((s) => s.type === e.type && (sameName(s.name, e.name) || s.aliases.some((x) => sameName(x, e.name))));
      if (match) {
        for (const alias of [e.name, e.text]) if (!match.aliases.includes(alias)) match.aliases.push(alias);
        if (e.name.length > match.name.length) match.name = e.name;
        if (!match.articleIds.includes(a.articleId)) match.articleIds.push(a.articleId);
      } else {
        out.push({ name: e.name, type: e.type, aliases: [...new Set([e.name, e.text])], articleIds: [a.articleId] });
      }
    }
  }
  return out;
}
