/**
 * @module The analysis the pipeline runs by default, its NLP context built once per thread, with
 * the analyses of the latest texts kept: wire copies repeat an article word for word, mostly
 * within minutes of it, and the analysis of a text depends only on the text, the day it was
 * published (relative dates count from it) and whether it is English.
 */
import { analyseArticle, createAnalysisContext } from '../analyse/analyse-article.js';
import { isOtherLanguage } from '../language/codes.js';
import type { Analysis } from '../model/index.js';
import type { Analyse } from './process-document.js';

/** Texts whose analyses are kept per thread (a few minutes of a busy stream). */
const RECENT_TEXTS = 512;

export function createDefaultAnalyse(options: { recentTexts?: number } = {}): Analyse {
  const context = createAnalysisContext();
  const capacity = options.recentTexts ?? RECENT_TEXTS;
  // Text -> analyses by publish day, oldest text first. A returned analysis may be shared by
  // several articles: it is data, never changed after analysis.
  const recent = new Map<string, Map<string, Analysis>>();
  return (article) => {
    const input = { text: article.text, published: article.published, language: article.language };
    // Another language is read for quotes and names only, quickly: nothing to keep.
    if (capacity === 0 || isOtherLanguage(input.language)) return analyseArticle(input, context);
    const day = input.published ? input.published.slice(0, 10) : '';
    let byDay = recent.get(input.text);
    const known = byDay?.get(day);
    if (known) return known;
    const analysis = analyseArticle(input, context);
    if (!byDay) {
      if (recent.size >= capacity) recent.delete(recent.keys().next().value as string);
      byDay = new Map();
      recent.set(input.text, byDay);
    }
    byDay.set(day, analysis);
    return analysis;
  };
}
