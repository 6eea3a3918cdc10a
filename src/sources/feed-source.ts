/**
 * @module Feeds: RSS 2.0, Atom and JSON Feed, one RawDocument per item. The item's content (or its
 * summary when that is all there is) is the document; the feed's fields are its hints, the outlet
 * being the part of the feed's title that names its site ("The Harbour Times - Brennmouth news"),
 * or, in an aggregator's feed, the source the item names.
 */
import type { DocumentHints, RawDocument } from '../model/index.js';
import { decodeEntities } from '../extract/page-metadata.js';
import { outletOfFeedTitle } from './feed-outlet.js';
import { InputError } from './source-item.js';
import { attributeOf, listOf, parseXml, textOf, type XmlNode } from './xml-document.js';

export type FeedKind = 'rss' | 'atom' | 'json-feed';

/** Normalises a feed date (RFC 822 or ISO 8601) to ISO 8601, or null. */
export function normaliseFeedDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const looksLikeHtml = (content: string): boolean => /<\/?[a-z][a-z0-9]*[\s>/]/i.test(content);

/** An RSS guid that is the item's address (a permalink unless it says otherwise), for items without a <link>. */
function permalinkOf(guid: unknown): string | null {
  const value = textOf(guid);
  return value && /^https?:\/\//i.test(value) && attributeOf(guid, 'isPermaLink') !== 'false' ? value : null;
}

/** RSS's <author> is an e-mail address with the name in brackets ("desk@harbour.example (Jane Doe)"): the name, or nothing. */
function authorName(value: string | null): string | null {
  if (!value) return null;
  const email = /^\S+@\S+(?:\s*\((.*)\))?$/.exec(value);
  if (!email) return value;
  const name = email[1]?.trim();
  return name && !/^(?:unknown|none|n\/a)$/i.test(name) ? name : null;
}

/** A feed's title as plain text: Atom's type="html" titles and many RSS titles carry markup and escaped entities. */
function plainTitle(node: unknown): string | null {
  const title = textOf(node);
  if (!title) return null;
  const plain = decodeEntities(title.replace(/<\/?[a-z][^>]*>/gi, '')).replace(/\s+/g, ' ').trim();
  return plain || null;
}

/** An item's document; an item with a headline and no content is a headline-only article, one with neither nothing. */
function documentFor(path: string, index: number, content: string | null, hints: DocumentHints): RawDocument | null {
  if (!content || !content.trim()) return hints.title?.trim() ? { path, index, format: 'text', content: '', hints } : null;
  return { path, index, format: looksLikeHtml(content) ? 'html' : 'text', content, hints };
}

/** "Macron announces summit - Reuters" -> "Macron announces summit": aggregators append the item's outlet to its title. */
function withoutSource(title: string | null, source: string | null): string | null {
  if (!title || !source) return title;
  const parts = /^(.*\S)\s+[-–—|]\s+(.+)$/su.exec(title);
  return parts && parts[2]!.trim().toLowerCase() === source.toLowerCase() ? parts[1]! : title;
}

/** A feed's items as documents, with the feed's own outlet name (an aggregator's too, whatever its items' sources). */
export interface Feed {
  title: string | null;
  documents: RawDocument[];
}

function readRss(path: string, root: XmlNode): Feed {
  const channel = listOf((root.rss as XmlNode | undefined)?.channel ?? (root['rdf:RDF'] as XmlNode | undefined)?.channel)[0];
  const items = listOf((root.rss as XmlNode | undefined)?.channel ? channel?.item : (root['rdf:RDF'] as XmlNode | undefined)?.item);
  const feedTitle = outletOfFeedTitle(textOf(channel?.title), textOf(channel?.link) ?? textOf(items[0]?.link));
  const documents: RawDocument[] = [];
  items.forEach((item, index) => {
    const content = textOf(item['content:encoded']) ?? textOf(item.description);
    // An aggregator's item names the outlet it comes from (`<source url="...">Reuters</source>`): a news
    // search files every outlet's items in one feed, whose title would name the search for all of them.
    const source = outletOfFeedTitle(textOf(item.source), attributeOf(item.source, 'url'));
    const document = documentFor(path, index, content, {
      externalId: textOf(item.guid),
      url: textOf(item.link) ?? permalinkOf(item.guid),
      title: withoutSource(plainTitle(item.title), source),
      source: source ?? feedTitle,
      author: textOf(item['dc:creator']) ?? authorName(textOf(item.author)),
      published: normaliseFeedDate(textOf(item.pubDate) ?? textOf(item['dc:date'])),
      language: textOf(channel?.language),
    });
    if (document) documents.push(document);
  });
  return { title: feedTitle, documents };
}

function atomLink(entry: XmlNode): string | null {
  const links = listOf(entry.link);
  const alternate = links.find((link) => (attributeOf(link, 'rel') ?? 'alternate') === 'alternate');
  return attributeOf(alternate ?? links[0], 'href');
}

function readAtom(path: string, root: XmlNode): Feed {
  const feed = root.feed as XmlNode;
  const entries = listOf(feed.entry);
  const feedTitle = outletOfFeedTitle(textOf(feed.title), atomLink(feed) ?? (entries[0] ? atomLink(entries[0]) : null));
  const language = attributeOf(feed, 'xml:lang');
  const documents = entries.flatMap((entry, index) => {
    const author = listOf(entry.author)[0];
    const origin = listOf(entry.source)[0];
    const source = origin ? outletOfFeedTitle(textOf(origin.title), atomLink(origin)) : null;
    const document = documentFor(path, index, textOf(entry.content) ?? textOf(entry.summary), {
      externalId: textOf(entry.id),
      url: atomLink(entry),
      title: withoutSource(plainTitle(entry.title), source),
      source: source ?? feedTitle,
      author: author ? textOf(author.name) : null,
      published: normaliseFeedDate(textOf(entry.published) ?? textOf(entry.updated)),
      language: attributeOf(entry, 'xml:lang') ?? language,
    });
    return document ? [document] : [];
  });
  return { title: feedTitle, documents };
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

export function readJsonFeed(path: string, feed: Record<string, unknown>): RawDocument[] {
  return jsonFeed(path, feed).documents;
}

function jsonFeed(path: string, feed: Record<string, unknown>): Feed {
  if (!Array.isArray(feed.items)) throw new InputError('JSON Feed has no "items" list');
  const first = feed.items[0] as Record<string, unknown> | undefined;
  const feedTitle = outletOfFeedTitle(str(feed.title), str(feed.home_page_url) ?? str(first?.url));
  const language = str(feed.language);
  const documents = (feed.items as unknown[]).flatMap((raw, index): RawDocument[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const item = raw as Record<string, unknown>;
    const authors = Array.isArray(item.authors) ? item.authors : item.author ? [item.author] : [];
    const firstAuthor = authors[0] as Record<string, unknown> | undefined;
    const html = str(item.content_html);
    const hints: DocumentHints = {
      externalId: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
      url: str(item.url) ?? str(item.external_url),
      title: plainTitle(str(item.title)),
      source: feedTitle,
      author: firstAuthor ? str(firstAuthor.name) : null,
      published: normaliseFeedDate(str(item.date_published) ?? str(item.date_modified)),
      language: str(item.language) ?? language,
    };
    if (html) return [{ path, index, format: 'html' as const, content: html, hints }];
    const text = str(item.content_text) ?? str(item.summary);
    return text ? [{ path, index, format: 'text' as const, content: text, hints }] : [];
  });
  return { title: feedTitle, documents };
}

/** Reads a JSON Feed from its text; an InputError when it is not JSON or not a JSON Feed. */
export function readJsonFeedText(path: string, text: string): RawDocument[] {
  return parseJsonFeedText(path, text).documents;
}

/** A JSON Feed's documents and title, from its text; an InputError when it is not JSON or not a JSON Feed. */
export function parseJsonFeedText(path: string, text: string): Feed {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`invalid JSON (${(error as Error).message})`);
  }
  const record = feed as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || !String(record.version ?? '').includes('jsonfeed.org')) {
    throw new InputError('not a JSON Feed (no jsonfeed.org "version")');
  }
  return jsonFeed(path, record);
}

/** Reads an XML feed (RSS 2.0, RSS 1.0/RDF, Atom) after detecting which it is. */
export function readXmlFeed(path: string, xml: string): RawDocument[] {
  return parseXmlFeed(path, xml).documents;
}

/** An XML feed's documents and title (RSS 2.0, RSS 1.0/RDF, Atom). */
export function parseXmlFeed(path: string, xml: string): Feed {
  const root = parseXml(xml);
  if (root.rss || root['rdf:RDF']) return readRss(path, root);
  if (root.feed) return readAtom(path, root);
  throw new InputError('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}
