/**
 * @module The article body of an HTML page as clean paragraphs. Cascade, in order:
 *   1. strip what is never article text (scripts, forms, share bars, related lists, newsletters);
 *   2. Mozilla Readability on that document, its content flattened block by block (a line per
 *      paragraph, so words of adjacent paragraphs never run together);
 *   3. the flattened-text cleaner over Readability's lines (captions, "Advertisement", calls to
 *      action that Readability keeps);
 *   4. fallbacks when Readability finds nothing or too little: the JSON-LD articleBody, else the
 *      whole page flattened and cleaned line by line.
 */
import { Readability } from '@mozilla/readability';
import { cleanFlattenedText } from '../clean/clean-text.js';
import { flattenNode } from './flatten-html.js';
import type { DomDocument, DomElement } from './html-document.js';

export interface MainContentOptions {
  /** JSON-LD articleBody, used when the page itself yields less. */
  articleBody?: string | null;
  /** Lines seen across the same outlet's pages, dropped by the cleaner. */
  outletLines?: ReadonlySet<string>;
}

export interface MainContent {
  /** Paragraphs separated by "\n\n". */
  text: string;
  /** Readability's title and byline, when it found an article. */
  title: string | null;
  byline: string | null;
  /** Which step of the cascade produced the text. */
  method: 'readability' | 'json-ld' | 'page-lines' | 'none';
}

/** Elements that are page furniture wherever they appear. */
const FURNITURE_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'form', 'button', 'select', 'input', 'textarea',
  'nav', 'dialog', '[hidden]', '[aria-hidden="true"]', '[role="navigation"]', '[role="banner"]',
  '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]', '[role="alert"]',
].join(', ');

/** class/id words of blocks that hold other things than the article (matched as whole tokens). */
const FURNITURE_MARKER =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|subscription|signup|related|recommended|recirc|popular|trending|most-read|mostread|read-more|readmore|more-stories|outbrain|taboola|advert|advertisement|ad-container|ad-slot|adslot|banner|promo|sponsored|cookie|consent|paywall|breadcrumbs?|comments?|disqus|author-bio|tags|tag-list|print|toolbar)(?:$|[\s_-])/i;

const MIN_TEXT = 200;

export function extractMainContent(document: DomDocument, options: MainContentOptions = {}): MainContent {
  removeFurniture(document);
  const body = document.body;
  const pageLines = body ? flattenNode(body) : '';

  let title: string | null = null;
  let byline: string | null = null;
  let readable = '';
  try {
    const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 400,
      serializer: (node: unknown) => node,
    });
    const result = reader.parse();
    if (result?.content) {
      readable = cleanFlattenedText(flattenNode(result.content as unknown as DomElement), { outletLines: options.outletLines });
      title = result.title?.trim() || null;
      byline = result.byline?.trim() || null;
    }
  } catch {
    // Readability can trip over odd trees; the fallbacks below still give the best text we can.
  }

  const fromJsonLd = options.articleBody ? cleanFlattenedText(options.articleBody, { outletLines: options.outletLines }) : '';
  const candidates: Array<{ text: string; method: MainContent['method'] }> = [
    { text: readable, method: 'readability' },
    { text: fromJsonLd, method: 'json-ld' },
  ];
  const best = candidates.reduce((a, b) => (b.text.length > a.text.length * 1.3 ? b : a));
  if (best.text.length >= MIN_TEXT) return { text: best.text, title, byline, method: best.method };

  const fromPage = cleanFlattenedText(pageLines, { outletLines: options.outletLines });
  if (fromPage.length > best.text.length) return { text: fromPage, title, byline, method: 'page-lines' };
  if (best.text) return { text: best.text, title, byline, method: best.method };
  return { text: '', title, byline, method: 'none' };
}

/** Remove furniture elements in place (the document is ours: parsed for this extraction). */
function removeFurniture(document: DomDocument): void {
  const root = document.body;
  if (!root) return;
  const fixed = root.querySelectorAll(FURNITURE_SELECTOR);
  for (let i = fixed.length - 1; i >= 0; i--) (fixed[i] as DomElement).remove();
  const marked = root.querySelectorAll('[class], [id]');
  for (let i = marked.length - 1; i >= 0; i--) {
    const element = marked[i] as DomElement;
    if (element.localName === 'body' || element.localName === 'html' || element.localName === 'article' || element.localName === 'main') continue;
    const marker = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!FURNITURE_MARKER.test(marker)) continue;
    // Never drop a block that holds most of the page's paragraphs (themes name wrappers oddly).
    if (element.querySelectorAll('p').length >= 5) continue;
    element.remove();
  }
}
