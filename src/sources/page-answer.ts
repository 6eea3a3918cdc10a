/**
 * @module What a web address answered, as documents: a web page is its HTML, a PDF its text (a
 * press office's release, a database's export, a report); anything else is no article. Shared by
 * the article pages of feed items and by addresses given to `ingest`.
 */
import { decodeBytes } from '../extract/decode.js';
import type { RawDocument } from '../model/index.js';
import { readPdf } from './pdf-text.js';
import { InputError } from './source-item.js';

/** Accept header for an article: a page first, a PDF next. */
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, application/pdf;q=0.8, */*;q=0.5';

/** The opening of an RSS, RDF or Atom feed. */
const FEED = /^(?:<!--[\s\S]*?-->\s*)*<(?:rss|rdf:RDF|feed)[\s>]/i;

/** Whether the bytes open as a PDF does ("%PDF-"). */
const isPdf = (bytes: Uint8Array): boolean => bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

/** The content of an answer as an article's: HTML, or a PDF's text. Throws an InputError naming what came instead. */
export async function pageContent(bytes: Uint8Array, contentType: string | null): Promise<Pick<RawDocument, 'format' | 'content'>> {
  if (/application\/pdf/i.test(contentType ?? '') || isPdf(bytes)) return { format: 'text', content: (await readPdf(bytes)).text };
  const { text } = decodeBytes(bytes, { contentType: contentType ?? undefined, isHtml: true });
  if (FEED.test(text.trimStart().slice(0, 400).replace(/^<\?xml[^>]*>\s*/, ''))) throw new InputError('a feed, not an article: subscribe to it (storyline subscribe, or the Feeds page) to have its articles');
  if (!/html/i.test(contentType ?? 'text/html') || !text.trimStart().startsWith('<')) throw new InputError(`not a web page or a PDF (${contentType ?? 'no content type'})`);
  return { format: 'html', content: text };
}
