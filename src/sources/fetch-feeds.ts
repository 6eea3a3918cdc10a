/**
 * @module Fetching subscribed feeds: each feed is asked for what changed since its last answer
 * (a few at a time, handed on in the order given), its items are read, and an item that is only a
 * summary of its article has the article's page fetched in its place, so that extraction reads the
 * whole article. Items already stored are not fetched again. Nothing here writes: what a feed
 * gave, and what its fetch came to, go back to the caller to be stored together.
 */
import { containerDate, oldestFirst } from './arrival-order.js';
import type { RawDocument } from '../model/index.js';
import type { Feed, FetchReport } from './feed-schedule.js';
import { mayFetchFromFeed, readFeedResponse, wantsArticlePage, type FullTextMode } from './feed-response.js';
import { httpGet, type HttpGetOptions, type HttpGetResult } from './http-get.js';
import { PAGE_ACCEPT, pageContent } from './page-answer.js';
import type { SourceItem, Subscription } from './source-item.js';

/** What a fetch answered, before the ingest tells how many of its items were new. */
export type FeedAnswer = { kind: 'changed'; etag: string | null; lastModified: string | null; maxAgeSeconds: number | null; items: number } | Exclude<FetchReport, { kind: 'changed' }>;

export interface FetchedFeed {
  feed: Feed;
  /** The documents to ingest (article pages in place of summaries); none when the fetch failed. */
  items: SourceItem[];
  answer: FeedAnswer;
  /** Where the feed now lives, when it answered from there after permanent redirects. */
  movedTo: string | null;
  /** Summary items already stored: their pages were not fetched again. */
  alreadyStored: number;
  /** What did not go as hoped but did not stop the feed (an article page that could not be fetched). */
  warnings: string[];
}

export interface FetchFeedsOptions {
  fullText?: FullTextMode;
  /** Whether an article with this document's identity is stored already. */
  isStored(document: RawDocument): Promise<boolean>;
  /** The HTTP client (tests and benches pass their own). */
  get?: (url: string, options: HttpGetOptions) => Promise<HttpGetResult>;
  /** Feeds fetched at once, article pages at once within a feed, and requests at once to one host. */
  feedsAtOnce?: number;
  pagesAtOnce?: number;
  perHost?: number;
  timeoutMs?: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** Runs `work` over `inputs` with at most `limit` at once, yielding results in input order. */
async function* inOrder<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): AsyncGenerator<R> {
  const running: Array<Promise<R>> = [];
  let next = 0;
  const startNext = (): void => {
    if (next < inputs.length) running.push(work(inputs[next++] as T));
  };
  while (running.length < limit && next < inputs.length) startNext();
  while (running.length > 0) {
    const result = await (running.shift() as Promise<R>);
    startNext();
    yield result;
  }
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * The HTTP client with at most `perHost` requests at once to one host, whichever feed asks: a
 * site's section feeds and their article pages would otherwise hit it a dozen at a time.
 */
export function politeGet(get: NonNullable<FetchFeedsOptions['get']>, perHost: number): NonNullable<FetchFeedsOptions['get']> {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  return async (url, options) => {
    const host = hostOf(url);
    while ((active.get(host) ?? 0) >= perHost) {
      await new Promise<void>((resolve) => {
        const queue = waiting.get(host) ?? [];
        queue.push(resolve);
        waiting.set(host, queue);
      });
    }
    active.set(host, (active.get(host) ?? 0) + 1);
    try {
      return await get(url, options);
    } finally {
      active.set(host, (active.get(host) ?? 1) - 1);
      waiting.get(host)?.shift()?.();
    }
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The item's article page in its place, or the item itself with a warning when the page cannot be had. */
async function withArticlePage(item: RawDocument, feedUrl: string, options: FetchFeedsOptions, warnings: string[]): Promise<RawDocument> {
  const url = item.hints.url as string;
  if (!mayFetchFromFeed(url, feedUrl)) {
    warnings.push(`${url}: not fetched (a local address linked from a feed on the web); the feed's summary is stored`);
    return item;
  }
  const get = options.get ?? httpGet;
  const answer = await get(url, { accept: PAGE_ACCEPT, timeoutMs: options.timeoutMs });
  if (answer.kind !== 'ok') {
    const why = answer.kind === 'failed' ? answer.message : 'the server answered "not modified" to a first request';
    warnings.push(`${url}: article page not fetched (${why}); the feed's summary is stored`);
    return item;
  }
  // A press office's feed links its releases as PDF: the document's text is the article.
  try {
    return { ...item, ...(await pageContent(answer.bytes, answer.contentType)) };
  } catch (error) {
    warnings.push(`${url}: the article link gave no article (${messageOf(error)}); the feed's summary is stored`);
    return item;
  }
}

async function fetchOne(feed: Feed, options: FetchFeedsOptions): Promise<FetchedFeed> {
  const get = options.get ?? httpGet;
  const warnings: string[] = [];
  const failed = (message: string, retryAfterSeconds: number | null = null): FetchedFeed => ({
    feed,
    items: [],
    answer: { kind: 'failed', message, retryAfterSeconds },
    movedTo: null,
    alreadyStored: 0,
    warnings,
  });
  const answer = await get(feed.feedUrl, { etag: feed.etag, lastModified: feed.lastModified, accept: FEED_ACCEPT, timeoutMs: options.timeoutMs });
  if (answer.kind === 'failed') return failed(answer.message, answer.retryAfterSeconds);
  if (answer.kind === 'not-modified') {
    return { feed, items: [], answer: { kind: 'unchanged', maxAgeSeconds: answer.maxAgeSeconds }, movedTo: answer.movedTo, alreadyStored: 0, warnings };
  }
  let documents: RawDocument[];
  try {
    const read = readFeedResponse(answer.url, answer.bytes, answer.contentType);
    if (read.kind === 'page') {
      const announced = read.feeds.length > 0 ? `; it announces ${read.feeds.map((f) => f.url).join(', ')}` : '';
      return failed(`a web page, not a feed${announced}`);
    }
    // Newest first in the feed; handed on oldest first, as they were published.
    documents = oldestFirst(read.documents.map((d) => ({ ...d, path: feed.feedUrl })), containerDate);
  } catch (error) {
    return failed(messageOf(error));
  }
  let alreadyStored = 0;
  const wanted: RawDocument[] = [];
  const ready = new Map<RawDocument, RawDocument>();
  for (const document of documents) {
    if (!wantsArticlePage(document, options.fullText ?? 'auto')) ready.set(document, document);
    else if (await options.isStored(document)) alreadyStored++;
    else wanted.push(document);
  }
  for await (const [item, page] of inOrder(wanted, options.pagesAtOnce ?? 4, async (item) => [item, await withArticlePage(item, feed.feedUrl, options, warnings)] as const)) {
    ready.set(item, page);
  }
  const items: SourceItem[] = documents.flatMap((d) => {
    const document = ready.get(d);
    return document ? [{ kind: 'document' as const, document }] : [];
  });
  return {
    feed,
    items,
    answer: { kind: 'changed', etag: answer.etag, lastModified: answer.lastModified, maxAgeSeconds: answer.maxAgeSeconds, items: documents.length },
    movedTo: answer.movedTo,
    alreadyStored,
    warnings,
  };
}

/** Fetches the feeds, a few at a time, and hands each on in the order given. */
export async function* fetchFeeds(feeds: readonly Feed[], options: FetchFeedsOptions): AsyncGenerator<FetchedFeed> {
  const polite = { ...options, get: politeGet(options.get ?? httpGet, options.perHost ?? 2) };
  yield* inOrder(feeds, options.feedsAtOnce ?? 4, async (feed) => {
    try {
      return await fetchOne(feed, polite);
    } catch (error) {
      const message = `could not be fetched: ${messageOf(error)}`;
      return { feed, items: [], answer: { kind: 'failed', message, retryAfterSeconds: null }, movedTo: null, alreadyStored: 0, warnings: [] } satisfies FetchedFeed;
    }
  });
}

/** The fetch's report once the ingest has counted the new articles among its items. */
export const reportOf = (answer: FeedAnswer, newArticles: number): FetchReport =>
  answer.kind === 'changed' ? { ...answer, newArticles } : answer;

/** A feed found at an address: the address itself, or the first feed the page there announces. */
export type FoundFeed = { kind: 'feed'; subscription: Subscription; others: string[] } | { kind: 'failed'; message: string };

/**
 * What to subscribe to for `url`: the feed it serves (titled by its outlet), or the first feed
 * the web page there announces (the page is then the feed's site).
 */
export async function findFeed(url: string, get: FetchFeedsOptions['get'] = httpGet, timeoutMs?: number): Promise<FoundFeed> {
  let answer = await get(url, { accept: FEED_ACCEPT, timeoutMs });
  if (answer.kind === 'not-modified') return { kind: 'failed', message: 'the server answered "not modified" to a first request' };
  if (answer.kind === 'failed') return { kind: 'failed', message: answer.message };
  let siteUrl: string | null = null;
  let others: string[] = [];
  let address = url;
  try {
    let read = readFeedResponse(answer.url, answer.bytes, answer.contentType);
    if (read.kind === 'page') {
      const [first, ...rest] = read.feeds;
      if (!first) return { kind: 'failed', message: 'a web page that announces no feed' };
      siteUrl = answer.url;
      others = rest.map((f) => f.url);
      address = first.url;
      answer = await get(first.url, { accept: FEED_ACCEPT, timeoutMs });
      if (answer.kind !== 'ok') return { kind: 'failed', message: `the page announces ${first.url}, which ${answer.kind === 'failed' ? `failed: ${answer.message}` : 'answered "not modified"'}` };
      read = readFeedResponse(answer.url, answer.bytes, answer.contentType);
      if (read.kind === 'page') return { kind: 'failed', message: `the page announces ${first.url}, which is a web page, not a feed` };
    }
    return { kind: 'feed', subscription: { feedUrl: answer.movedTo ?? address, title: read.title, siteUrl }, others };
  } catch (error) {
    return { kind: 'failed', message: messageOf(error) };
  }
}
