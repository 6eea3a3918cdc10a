/**
 * @module Fetching the store's subscriptions into it: the feeds that are due (or all of them) are
 * fetched, their items go through the pipeline as a file's would, and each feed's fetch state (its
 * validators, when it is due again, its failures in a row) is written in the batch that holds the
 * last of its items, so a killed run never marks a feed fetched whose items were not stored.
 */
import type { RawDocument } from '../model/index.js';
import { DEFAULT_FEED_INTERVAL_MS, isDue, stateAfter, type Feed, type FeedState } from '../sources/feed-schedule.js';
import type { FullTextMode } from '../sources/feed-response.js';
import { fetchFeeds, reportOf, type FetchedFeed, type FetchFeedsOptions } from '../sources/fetch-feeds.js';
import type { Store } from '../store/store.js';
import { identityOf } from './identity.js';
import type { IngestEvents, IngestSummary, InputSource, Pipeline } from './ingest.js';

export interface FetchSubscriptionsOptions {
  /** Every subscription, due or not. */
  all?: boolean;
  /** Only these feed addresses (subscribed ones). */
  only?: string[];
  fullText?: FullTextMode;
  /** How long a feed that answered waits before it is fetched again. */
  intervalMs?: number;
  now?: () => Date;
  get?: FetchFeedsOptions['get'];
  timeoutMs?: number;
}

export interface FeedOutcome {
  feed: Feed;
  fetched: FetchedFeed;
  /** The feed's own items as the ingest decided them. */
  own: IngestSummary;
  state: FeedState;
}

export interface FetchEvents extends IngestEvents {
  /** A feed's items are stored (told once the batch holding them is committed). */
  onFeed?(outcome: FeedOutcome): void;
}

export interface FetchSummary {
  feeds: number;
  /** Feeds that answered with content, answered "not modified", or failed. */
  changed: number;
  unchanged: number;
  failed: number;
  ingest: IngestSummary;
}

/** The feeds to fetch now: the due ones (never fetched, or their wait is over), or all, or those named. */
export function feedsToFetch(feeds: readonly Feed[], options: Pick<FetchSubscriptionsOptions, 'all' | 'only'>, now: Date): Feed[] {
  if (options.only && options.only.length > 0) return feeds.filter((f) => options.only!.includes(f.feedUrl));
  return options.all ? [...feeds] : feeds.filter((f) => isDue(f, now));
}

export async function fetchSubscriptions(pipeline: Pipeline, store: Store, options: FetchSubscriptionsOptions = {}, events: FetchEvents = {}): Promise<FetchSummary> {
  const now = options.now ?? (() => new Date());
  const feeds = feedsToFetch(await store.feeds(), options, now());
  const counts = { feeds: feeds.length, changed: 0, unchanged: 0, failed: 0 };
  const isStored = async (document: RawDocument): Promise<boolean> => (await store.findByIdentity(identityOf(document))) !== null;
  const fetched = fetchFeeds(feeds, { fullText: options.fullText, isStored, get: options.get, timeoutMs: options.timeoutMs });
  // Written with the feed's last items; told once they are committed (`onFile` comes then).
  const written = new Map<string, FeedOutcome>();
  async function* sources(): AsyncGenerator<InputSource> {
    for await (const one of fetched) {
      yield {
        path: one.feed.feedUrl,
        items: one.items,
        afterItems: async (own) => {
          const state = stateAfter(one.feed, reportOf(one.answer, own.new), now(), options.intervalMs ?? DEFAULT_FEED_INTERVAL_MS);
          await store.recordFeedFetch(one.feed.feedUrl, state, one.movedTo);
          written.set(one.feed.feedUrl, { feed: one.feed, fetched: one, own, state });
        },
      };
    }
  }
  const told: FetchEvents = {
    ...events,
    onFile: (path, summary) => {
      events.onFile?.(path, summary);
      const outcome = written.get(path);
      if (!outcome) return;
      written.delete(path);
      counts[outcome.fetched.answer.kind]++;
      events.onFeed?.(outcome);
    },
  };
  const ingest = await pipeline.ingestSources(sources(), told, { count: feeds.length });
  return { ...counts, ingest };
}
