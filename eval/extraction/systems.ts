/**
 * @module The extractors compared in the evaluation and the benchmark: ours, plain Mozilla
 * Readability on linkedom (its textContent, as most JS users call it), and for flattened text
 * the flattener with and without the line cleaner.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanFlattenedText } from '../../src/clean/clean-text.js';
import { extractArticle } from '../../src/extract/extract-article.js';
import { flattenHtml } from '../../src/extract/flatten-html.js';
import type { Article } from '../../src/model/index.js';

/** Our extraction of one page, null when it finds no article; `extract` may be another checkout's (the bench's `--src`). */
export function extractOurs(html: string, url: string | null, extract: typeof extractArticle = extractArticle): Article | null {
  try {
    return extract({ path: url ?? 'page', index: 0, format: 'html', content: html, hints: { url } });
  } catch {
    return null;
  }
}

export function extractReadability(html: string): string {
  return readabilityArticle(html)?.textContent ?? '';
}

/** Plain Readability's whole result (text, title, byline), null when it finds no article. */
export function readabilityArticle(html: string): { textContent?: string | null; title?: string | null; byline?: string | null } | null {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch {
    return null;
  }
}

export const flattenOnly = (html: string): string => flattenHtml(html);
export const flattenAndClean = (html: string): string => cleanFlattenedText(flattenHtml(html));
