/**
 * @module What the grouper reads from one article's text alone, before any of its state is
 * consulted: the copy index's word shingles (with their samples and sketch) and the weighted term
 * counts. Pure, so the pipeline computes it where the article is processed (a worker thread) and
 * the grouper's thread only decides; each part carries the parameters it was made with, and the
 * grouper recomputes a part made with other parameters than its own.
 */
import { defaultCopyIndexOptions, textShingles } from '../dedup/copy-index.js';
import type { CopyIndexOptions } from '../dedup/copy-index.js';
import type { Analysis, Article, TextFeatures } from '../model/index.js';
import { countTerms, defaultTermWeights } from './term-vector.js';
import type { TermWeights } from './term-vector.js';

export function textFeatures(
  article: Pick<Article, 'title' | 'text' | 'url'> & Partial<Pick<Article, 'language'>>,
  analysis: Pick<Analysis, 'entities'>,
  options: { copies?: Pick<CopyIndexOptions, 'shingleWords' | 'sampleBits' | 'bins'>; terms?: TermWeights } = {},
): TextFeatures {
  const weights = options.terms ?? defaultTermWeights;
  const counts = termCounts(article, analysis, weights);
  return {
    shingles: textShingles(article.text, options.copies ?? defaultCopyIndexOptions),
    // Terms are letters, digits and apostrophes: a newline never occurs in one.
    terms: { weights, terms: [...counts.keys()].join('\n'), counts: Float64Array.from(counts.values()) },
  };
}

/** The term counts of `textFeatures` as a map again. */
export function countsOf(terms: TextFeatures['terms']): Map<string, number> {
  const counts = new Map<string, number>();
  if (terms.counts.length === 0) return counts;
  terms.terms.split('\n').forEach((term, i) => counts.set(term, terms.counts[i]!));
  return counts;
}

/** The grouper's weighted term counts of an article: title, lead (or URL slug words when it has no text) and the entities the analysis named; country names in other languages also in English. */
export function termCounts(article: Pick<Article, 'title' | 'text' | 'url'> & Partial<Pick<Article, 'language'>>, analysis: Pick<Analysis, 'entities'>, weights: TermWeights): Map<string, number> {
  return countTerms(
    { title: article.title, text: article.text, entityNames: analysis.entities.map((e) => e.name), url: article.url, language: article.language },
    weights,
  );
}

/** Whether term counts were made with these weights. */
export function sameTermWeights(a: TermWeights, b: TermWeights): boolean {
  return a.titleWeight === b.titleWeight && a.nameWeight === b.nameWeight && a.entityWeight === b.entityWeight && a.leadWords === b.leadWords && a.slugWeight === b.slugWeight;
}
