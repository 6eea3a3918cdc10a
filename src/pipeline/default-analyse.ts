/**
 * @module The analysis the pipeline runs by default, its NLP context built once per thread, with
 * the analyses of the latest texts kept: wire copies repeat an article word for word, mostly
 * within minutes of it, and the analysis of a text depends only on the text, the day it was
 * published (relative dates count from it) and the language it is read in.
 */
import { analyseArticle, createAnalysisContext } from '../analyse/analyse-article.js';
import { baseLanguage, isOtherLanguage } from '../language/codes.js';
import type { Analysis } from '../model/index.js';
import type { Analyse } from './process-document.js';

/** Texts whose analyses are kept per thread (a few minutes of a busy stream). */
const RECENT_TEXTS = 512;

export function createDefaultAnalyse(options: { recentTexts?: number } = {}): Analyse {
  const context = createAnalysisContext();
  const capacity = options.recentTexts ?? RECENT_TEXTS;
  // Text -> analyses by publish day and language read, oldest text first. A returned analysis may
  // be shared by several articles: it is data, never changed after analysis.
  const recent = new Map<string, Map<string, Analysis>>();
  return (article) => {
    const input = { text: article.text, published: article.published, language: article.language };
    if (capacity === 0) return analyseArticle(input, context);
    // An undeclared language is read as English, as analyseArticle does.
    const key = `${input.published ? input.published.slice(0, 10) : ''}\u0000${isOtherLanguage(input.language) ? baseLanguage(input.language) : 'en'}`;
    let readings = recent.get(input.text);
    const known = readings?.get(key);
    if (known) return known;
    const analysis = analyseArticle(input, context);
    if (!readings) {
      if (recent.size >= capacity) recent.delete(recent.keys().next().value as string);
      readings = new Map();
      recent.set(input.text, readings);
    }
    readings.set(key, analysis);
    return analysis;
  };
}
