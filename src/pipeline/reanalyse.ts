/**
 * @module Re-analysing a store: every stored article's quotes, entities, figures and dates are
 * computed again from its stored text with the current analysis, and replace the ones it was
 * stored with. What a newer Storyline finds better (a speaker named through his title, a figure's
 * range) then reaches articles ingested before it. Folding, events and stories stay as they are:
 * they were decided in arrival order, and re-deciding them would mean ingesting again.
 */
import type { Analysis } from '../model/index.js';
import type { ArticleRecord, Store } from '../store/store.js';
import { anchorFromCopies } from './date-anchor.js';
import type { Analyse } from './process-document.js';

export interface ReanalyseEvents {
  /** After each committed page: articles re-analysed so far. */
  onProgress?: (done: number) => void;
}

export interface ReanalyseSummary {
  articles: number;
  quotes: number;
  /** Quotes whose speaker is a named person. */
  namedSpeakers: number;
  entities: number;
  figures: number;
  dates: number;
}

/** Articles read, analysed and written per transaction. */
const PAGE = 256;

/**
 * Re-analyses every stored article in id order, a page per transaction: a killed run leaves each
 * article with either its old analysis or its new one, never half of either.
 */
export async function reanalyseStore(store: Store, analyse: Analyse, events: ReanalyseEvents = {}): Promise<ReanalyseSummary> {
  const summary: ReanalyseSummary = { articles: 0, quotes: 0, namedSpeakers: 0, entities: 0, figures: 0, dates: 0 };
  for (let after = 0; ; ) {
    const page = await store.articlesAfter(after, PAGE);
    if (page.length === 0) return summary;
    const analyses: Array<[number, Analysis]> = [];
    for (const article of page) {
      const published = article.published ?? (await dateAnchor(store, article));
      analyses.push([article.id, analyse({ ...article, published })]);
    }
    await store.beginBatch();
    try {
      for (const [id, analysis] of analyses) await store.replaceAnalysis(id, analysis);
      await store.commitBatch();
    } catch (error) {
      await store.rollbackBatch();
      throw error;
    }
    for (const [, analysis] of analyses) count(summary, analysis);
    after = page[page.length - 1]!.id;
    events.onProgress?.(summary.articles);
  }
}

/** The date an undated article's relative dates count from, as ingest gives it (see date-anchor.ts). */
async function dateAnchor(store: Store, article: ArticleRecord): Promise<string | null> {
  if (article.duplicateOf !== null) return store.publishedOf(article.duplicateOf);
  const stored = await store.getArticle(article.id);
  return stored ? anchorFromCopies(stored.copies) : null;
}

function count(summary: ReanalyseSummary, analysis: Analysis): void {
  summary.articles++;
  summary.quotes += analysis.quotes.length;
  summary.namedSpeakers += analysis.quotes.filter((q) => q.speaker !== null).length;
  summary.entities += analysis.entities.length;
  summary.figures += analysis.figures.length;
  summary.dates += analysis.dates.length;
}
