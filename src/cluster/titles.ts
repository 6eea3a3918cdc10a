/**
 * @module Titles for events and stories, taken from their articles: the headline whose words weigh
 * most in the group's centroid (the most central headline), so an event is named by what its reports
 * have in common rather than by the first or the longest headline.
 */
import { normaliseTerm } from './term-vector.js';

export interface TitleCandidate {
  title: string;
  terms: string[];
}

export function titleCandidate(title: string): TitleCandidate {
  const terms = [...new Set((title.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019]*/gu) ?? []).map(normaliseTerm))];
  return { title: title.trim(), terms };
}

/** The most central title given a term weight lookup; ties go to the earliest candidate. */
export function mostCentralTitle(candidates: TitleCandidate[], weight: (term: string) => number): string | null {
  let best: string | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    if (c.title.length === 0) continue;
    let sum = 0;
    for (const t of c.terms) sum += weight(t);
    // sqrt length: a longer headline must carry more of the centroid, not just more words
    const score = sum / Math.sqrt(c.terms.length + 2);
    if (score > bestScore) {
      bestScore = score;
      best = c.title;
    }
  }
  return best;
}
