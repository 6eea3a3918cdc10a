/**
 * @module The pure middle of the pipeline for one document: extract (with cleaning) then analyse.
 * Runs on the main thread or in a worker; takes data and returns data.
 */
import { extractArticle } from '../extract/extract-article.js';
import type { Analysis, Article, RawDocument } from '../model/index.js';

export type Analyse = (article: Article) => Analysis;

export type Processed = { ok: true; article: Article; analysis: Analysis } | { ok: false; message: string };

export function processDocument(raw: RawDocument, analyse: Analyse): Processed {
  try {
    const article = extractArticle(raw);
    return { ok: true, article, analysis: analyse(article) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
