/**
 * @module What the Google Reader API names and sends: its stream ids (the reading list, read,
 * starred, the "All outlets" folder, one outlet's feed), its item ids (decimal, or the long
 * `tag:google.com,2005:reader/item/<16 hex digits>` form), the query a stream request makes of the
 * store (`xt` / `it` filters, `ot` / `nt` times, `r=o`, `n`, `c`), and the item JSON apps read.
 */
import type { ReaderItem, ReaderItemQuery, ReaderOutlet } from '../store/store.js';
import { readerItemHtml } from '../views/reader-item-html.js';
import { outletPage } from './reader-outlets.js';
import { unixSeconds } from './time-format.js';

export const STATE = 'user/-/state/com.google/';
export const READING_LIST = `${STATE}reading-list`;
export const READ = `${STATE}read`;
export const STARRED = `${STATE}starred`;
export const KEPT_UNREAD = `${STATE}kept-unread`;
/** Every outlet is in one folder. */
export const FOLDER = 'All outlets';
export const FOLDER_STREAM = `user/-/label/${FOLDER}`;
const ITEM_PREFIX = 'tag:google.com,2005:reader/item/';

/** A stream as Storyline reads it: a mark, every original, or one outlet's (its feed number, from 1). */
export type Stream = { kind: 'all' | 'read' | 'starred' | 'kept-unread' | 'broadcast' } | { kind: 'outlet'; feed: number };

/** A stream id, with any user in place of `-`; null when Storyline has no such stream. */
export function parseStream(id: string): Stream | null {
  const state = /^user\/[^/]+\/state\/com\.google\/([\w-]+)$/.exec(id)?.[1];
  if (state === 'reading-list') return { kind: 'all' };
  if (state === 'read' || state === 'starred' || state === 'kept-unread') return { kind: state };
  if (state === 'broadcast' || state === 'like') return { kind: 'broadcast' };
  const label = /^user\/[^/]+\/label\/(.+)$/.exec(id)?.[1];
  if (label === FOLDER) return { kind: 'all' };
  const feed = /^feed\/(\d+)$/.exec(id)?.[1];
  return feed ? { kind: 'outlet', feed: Number(feed) } : null;
}

/**
 * Item ids as the API gives them: the article's id plus 0xa000000000000. NetNewsWire sends items
 * back in hexadecimal without the long form's prefix ("i=a00000000001f"), where other apps send the
 * decimal id they were given. With the offset every hexadecimal form holds a letter, and every
 * decimal form is sixteen digits that do not open with a zero, so the two are never mistaken for
 * each other (digits only, no leading zero: decimal, as FreshRSS reads them too).
 */
export const ITEM_ID_BASE = 0xa000000000000;
export const apiItemId = (articleId: number): string => String(articleId + ITEM_ID_BASE);
export const longItemId = (articleId: number): string => `${ITEM_PREFIX}${(articleId + ITEM_ID_BASE).toString(16).padStart(16, '0')}`;

/** The article id of an item id in any form apps send (long, decimal, bare hexadecimal); null when it is none. */
export function parseItemId(text: string): number | null {
  const bare = text.startsWith(ITEM_PREFIX) ? null : text;
  const value = bare !== null && /^[1-9]\d*$/.test(bare)
    ? Number(bare)
    : /^[0-9a-f]{1,16}$/i.test(bare ?? text.slice(ITEM_PREFIX.length)) ? Number.parseInt(bare ?? text.slice(ITEM_PREFIX.length), 16) : Number.NaN;
  const id = value - ITEM_ID_BASE;
  return Number.isSafeInteger(value) && id > 0 ? id : null;
}

/** Request parameters, each with all its values (query string and form body together). */
export type Params = Map<string, string[]>;
const first = (params: Params, name: string): string | undefined => params.get(name)?.[0];

/**
 * Seconds (with a fraction, as NetNewsWire sends `ot`), or microseconds when written with 16 digits
 * or more (as `ts` may be), as an ISO time.
 */
export function timeParam(value: string | undefined): string | undefined {
  if (!value || !/^\d+(?:\.\d+)?$/.test(value)) return undefined;
  const ms = /^\d{16,}$/.test(value) ? Number(value) / 1000 : Number(value) * 1000;
  return new Date(ms).toISOString();
}

/**
 * The store query for stream `s` with the request's filters and page, or the reason there is none.
 * `maxItems` caps `n`.
 */
export function streamQuery(streamId: string, params: Params, outlets: readonly ReaderOutlet[], maxItems: number): ReaderItemQuery | string {
  const query: ReaderItemQuery = { limit: 20 };
  const narrow = (stream: Stream | null, id: string, include: boolean): string | null => {
    if (!stream || (stream.kind === 'broadcast' && include)) return `no stream ${id}`;
    if (stream.kind === 'outlet') {
      const outlet = outlets[stream.feed - 1];
      if (!outlet) return `no feed ${stream.feed}`;
      if (!include) return `cannot leave out one feed (${id})`;
      query.outlet = outlet.source;
    } else if (stream.kind === 'read') query.read = include;
    else if (stream.kind === 'kept-unread') query.read = !include;
    else if (stream.kind === 'starred') query.saved = include;
    return null;
  };
  const problem =
    narrow(parseStream(streamId), streamId, true) ??
    (params.get('it') ?? []).map((id) => narrow(parseStream(id), id, true)).find(Boolean) ??
    (params.get('xt') ?? []).map((id) => narrow(parseStream(id), id, false)).find(Boolean);
  if (problem) return problem;
  const count = Number(first(params, 'n'));
  if (Number.isInteger(count) && count > 0) query.limit = Math.min(count, maxItems);
  query.arrivedAfter = timeParam(first(params, 'ot'));
  query.arrivedBefore = timeParam(first(params, 'nt'));
  if (first(params, 'r') === 'o') query.oldestFirst = true;
  const past = Number(first(params, 'c'));
  if (Number.isSafeInteger(past) && past > 0) query.pastId = past;
  return query;
}

/** The continuation of a page: the last id, when the page is full (there may be more). */
export const continuation = (ids: readonly number[], query: ReaderItemQuery): { continuation?: string } =>
  ids.length === query.limit && ids.length > 0 ? { continuation: String(ids[ids.length - 1]) } : {};

/** Languages written right to left, which apps lay out that way when told. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);


/** An item as apps read it: the original's text with who else carried it, its marks, its outlet. */
export function readerApiItem(item: ReaderItem, origin: string, feedOf: ReadonlyMap<string | null, number>, outlets: readonly ReaderOutlet[]): Record<string, unknown> {
  const { article } = item;
  const arrived = Date.parse(article.seenAt);
  const published = unixSeconds(article.published) || Math.floor(arrived / 1000);
  const feed = feedOf.get(article.source) ?? 0;
  const outlet = outlets[feed - 1];
  const url = article.url ?? `${origin}/articles/${article.id}`;
  const content = { direction: RIGHT_TO_LEFT.has(article.language ?? '') ? 'rtl' : 'ltr', content: readerItemHtml(item, origin) };
  return {
    id: longItemId(article.id),
    crawlTimeMsec: String(arrived),
    timestampUsec: `${arrived}000`,
    published,
    updated: unixSeconds(article.modified) || published,
    title: article.title,
    author: article.author ?? '',
    canonical: [{ href: url }],
    alternate: [{ href: url, type: 'text/html' }],
    categories: [READING_LIST, FOLDER_STREAM, ...(item.read ? [READ] : []), ...(item.saved ? [STARRED] : [])],
    origin: { streamId: `feed/${feed}`, title: article.source ?? 'Unknown outlet', htmlUrl: outlet ? outletPage(origin, outlet) : `${origin}/` },
    summary: content,
    content,
  };
}
