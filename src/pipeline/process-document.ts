/**
 * @module The pure middle of the pipeline for one document: extract (with cleaning), analyse, and
 * the grouper's text features (shingles, term counts), so that the grouper's thread only decides.
 * Runs on the main thread or in a worker; takes data and returns data.
 */
import { textFeatures } from '../cluster/text-features.js';
import { extractArticle } from '../extract/extract-article.js';
import type { Analysis, Article, RawDocument, TextFeatures } from '../model/index.js';
import { contentHashOf } from './identity.js';

export type Analyse = (article: Article) => Analysis;

export type Processed =
  | { ok: true; article: Article; analysis: Analysis; features: TextFeatures; contentHash: string }
  | { ok: false; message: string };

export function processDocument(raw: RawDocument, analyse: Analyse): Processed {
  try {
    const article = extractArticle(raw);
    const analysis = analyse(article);
    return { ok: true, article, analysis, features: textFeatures(article, analysis), contentHash: contentHashOf(article) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
