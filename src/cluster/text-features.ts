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
  article: Pick<Article, 'title' | 'text'>,
  analysis: Pick<Analysis, 'entities'>,
  options: { copies?: Pick<CopyIndexOptions, 'shingleWords' | 'sampleBits' | 'bins'>; terms?: TermWeights } = {},
): TextFeatures {
  const weights = options.terms ?? defaultTermWeights;
  return {
    shingles: textShingles(article.text, options.copies ?? defaultCopyIndexOptions),
    terms: { weights, counts: termCounts(article, analysis, weights) },
  };
}

/** The grouper's weighted term counts of an article: title, lead and the entities the analysis named. */
export function termCounts(article: Pick<Article, 'title' | 'text'>, analysis: Pick<Analysis, 'entities'>, weights: TermWeights): Map<string, number> {
  return countTerms({ title: article.title, text: article.text, entityNames: analysis.entities.map((e) => e.name) }, weights);
}

/** Whether term counts were made with these weights. */
export function sameTermWeights(a: TermWeights, b: TermWeights): boolean {
  return a.titleWeight === b.titleWeight && a.nameWeight === b.nameWeight && a.entityWeight === b.entityWeight && a.leadWords === b.leadWords;
}
