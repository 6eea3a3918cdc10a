/** @module The analysis the pipeline runs by default, its NLP context built once per thread. */
import { analyseArticle, createAnalysisContext } from '../analyse/analyse-article.js';
import type { Analyse } from './process-document.js';

export function createDefaultAnalyse(): Analyse {
  const context = createAnalysisContext();
  return (article) => analyseArticle({ text: article.text, published: article.published, language: article.language }, context);
}
