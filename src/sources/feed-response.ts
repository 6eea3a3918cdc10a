/**
 * @module What a fetched feed address answered, read: a feed (RSS, Atom or JSON Feed, told by its
 * content, since servers label feeds every which way) as documents whose item links are resolved
 * against the feed's address, or a web page with the feeds it announces (`<link rel="alternate">`),
 * which is how a site's home page is subscribed to. Also which feed items carry only a summary, so
 * that their article page is worth fetching.
 */
import { createHash } from 'node:crypto';
import { decodeBytes } from '../extract/decode.js';
import { parseDocument } from '../extract/html-document.js';
import type { RawDocument } from '../model/index.js';
import { parseJsonFeedText, parseXmlFeed, type Feed } from './feed-source.js';
import { InputError } from './source-item.js';

export type FeedResponse = { kind: 'feed'; title: string | null; documents: RawDocument[] } | { kind: 'page'; feeds: Array<{ url: string; title: string | null }> };

const FEED_TYPES = /^application\/(?:rss|atom|feed|rdf)\+(?:xml|json)$|^application\/json$|^text\/xml$|^application\/xml$/i;

/** The feeds a web page announces in its head, in page order, addresses made absolute. */
export function announcedFeeds(html: string, pageUrl: string): Array<{ url: string; title: string | null }> {
  const found: Array<{ url: string; title: string | null }> = [];
  const links = parseDocument(html).querySelectorAll('link[href]');
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim();
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    try {
      const url = new URL(link.getAttribute('href') as string, pageUrl).href;
      if (!found.some((f) => f.url === url)) found.push({ url, title: link.getAttribute('title')?.trim() || null });
    } catch {
      // An address that does not parse announces nothing.
    }
  }
  return found;
}

const absolute = (link: string | null | undefined, base: string): string | null => {
  if (!link) return null;
  try {
    return new URL(link, base).href;
  } catch {
    return link;
  }
};

/**
 * A fetched item is known again by its link, else its feed id; an item with neither is known by
 * its feed and its own words, since its position shifts as newer items come in.
 */
function withIdentity(document: RawDocument, feedUrl: string): RawDocument {
  const url = absolute(document.hints.url, feedUrl);
  const externalId =
    document.hints.externalId ??
    (url ? null : `${feedUrl}#${createHash('sha256').update(`${document.hints.title ?? ''}\n${document.content}`).digest('hex').slice(0, 24)}`);
  return { ...document, hints: { ...document.hints, url, externalId } };
}

/**
 * Reads what `url` answered. Throws an InputError saying what the content is when it is neither a
 * feed nor a page announcing one.
 */
export function readFeedResponse(url: string, bytes: Uint8Array, contentType: string | null): FeedResponse {
  // Markup declares its charset inside (`<?xml encoding>`, `<meta charset>`); JSON is UTF-8.
  const markup = /^(?:\xEF\xBB\xBF)?\s*</.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1'));
  const { text } = decodeBytes(bytes, { contentType: contentType ?? undefined, isHtml: markup });
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return feedOf(parseJsonFeedText(url, start), url);
  if (!start.startsWith('<')) throw new InputError(`not a feed or a web page (${contentType ?? 'no content type'})`);
  const head = start.slice(0, 2048).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?xml-stylesheet[^>]*>/gi, '').trimStart();
  const announcedAsPage = /html/i.test(contentType ?? '') && !/^<(?:rss|feed|rdf:RDF)[\s>]/i.test(head);
  if (/^<(?:html|head|body)[\s>]/i.test(head) || announcedAsPage) {
    return { kind: 'page', feeds: announcedFeeds(start, url) };
  }
  return feedOf(parseXmlFeed(url, start), url);
}

const feedOf = (feed: Feed, url: string): FeedResponse => ({ kind: 'feed', title: feed.title, documents: feed.documents.map((d) => withIdentity(d, url)) });

/** Words in a feed item's content, markup left out. */
function wordCount(document: RawDocument): number {
  const text = document.format === 'html' ? document.content.replace(/<[^>]*>/g, ' ') : document.content;
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Fewer words than this and a feed item is a summary of its article, not the article. */
export const SUMMARY_WORDS = 150;

export type FullTextMode = 'auto' | 'always' | 'never';

/**
 * Whether the item's article page should be fetched for its text: it links to one, and the item
 * holds a summary (`auto`) or anything at all (`always`).
 */
export function wantsArticlePage(document: RawDocument, mode: FullTextMode): boolean {
  if (mode === 'never' || !document.hints.url || !/^https?:/i.test(document.hints.url)) return false;
  return mode === 'always' || wordCount(document) < SUMMARY_WORDS;
}

/** Loopback, private, link-local and unique-local addresses, and names that stand for this machine. */
const LOCAL_HOST = /^(?:localhost|.*\.localhost|.*\.local|.*\.internal|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.0\.0\.0|\[(?:::1?|f[cd][0-9a-f]*:.*|fe80:.*|::ffff:(?:127|10|192\.168)\..*)\])$/i;

const isLocal = (url: string): boolean => {
  try {
    return LOCAL_HOST.test(new URL(url).hostname);
  } catch {
    return true;
  }
};

/**
 * Whether an item's link may be fetched: a feed on the public web does not get to send Storyline
 * to this machine or its local network (an article page from there would be stored and shown);
 * a feed served from the local network may link there.
 */
export const mayFetchFromFeed = (itemUrl: string, feedUrl: string): boolean => !isLocal(itemUrl) || isLocal(feedUrl);
