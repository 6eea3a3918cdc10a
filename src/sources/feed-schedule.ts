/**
 * @module When a subscribed feed is fetched next, from what its last fetch gave: its interval after
 * a success or an unchanged answer (longer when the server asks for it with Cache-Control), and a
 * doubling wait after each failure in a row (or the server's Retry-After), never over a day.
 */
import type { Subscription } from './source-item.js';

/** What the store keeps of a feed's fetches. Times are ISO strings. */
export interface FeedState {
  /** Validators of the last answer with content, sent back so an unchanged feed answers 304. */
  etag: string | null;
  lastModified: string | null;
  /** The last attempt, successful or not. */
  fetchedAt: string | null;
  /** Not fetched again before this (null: due now). */
  nextFetchAt: string | null;
  /** Failed attempts in a row; 0 after a success. */
  failures: number;
  lastError: string | null;
  /** Items the feed held at its last answer with content, and how many of them were new. */
  lastItems: number | null;
  lastNew: number | null;
}

export interface Feed extends Subscription, FeedState {}

/** What one fetch of a feed came to. */
export type FetchReport =
  | { kind: 'changed'; etag: string | null; lastModified: string | null; maxAgeSeconds: number | null; items: number; newArticles: number }
  | { kind: 'unchanged'; maxAgeSeconds: number | null }
  | { kind: 'failed'; message: string; retryAfterSeconds: number | null };

export const DEFAULT_FEED_INTERVAL_MS = 30 * 60_000;
const LONGEST_WAIT_MS = 24 * 60 * 60_000;

export const emptyFeedState = (): FeedState => ({
  etag: null,
  lastModified: null,
  fetchedAt: null,
  nextFetchAt: null,
  failures: 0,
  lastError: null,
  lastItems: null,
  lastNew: null,
});

/** A feed never fetched, or whose wait is over. */
export const isDue = (feed: Pick<FeedState, 'nextFetchAt'>, now: Date): boolean =>
  feed.nextFetchAt === null || Date.parse(feed.nextFetchAt) <= now.getTime();

const later = (now: Date, ms: number): string => new Date(now.getTime() + Math.min(ms, LONGEST_WAIT_MS)).toISOString();

/**
 * The feed's state after a fetch at `now`. A success waits the interval, or the server's max-age
 * when that is longer; the n-th failure in a row waits the interval times 2^(n-1), or the
 * server's Retry-After when that is longer. A failure keeps the validators and the counts of the
 * last success.
 */
export function stateAfter(previous: FeedState, report: FetchReport, now: Date, intervalMs = DEFAULT_FEED_INTERVAL_MS): FeedState {
  const fetchedAt = now.toISOString();
  switch (report.kind) {
    case 'changed':
      return {
        etag: report.etag,
        lastModified: report.lastModified,
        fetchedAt,
        nextFetchAt: later(now, Math.max(intervalMs, (report.maxAgeSeconds ?? 0) * 1000)),
        failures: 0,
        lastError: null,
        lastItems: report.items,
        lastNew: report.newArticles,
      };
    case 'unchanged':
      return { ...previous, fetchedAt, nextFetchAt: later(now, Math.max(intervalMs, (report.maxAgeSeconds ?? 0) * 1000)), failures: 0, lastError: null, lastNew: 0 };
    case 'failed': {
      const failures = previous.failures + 1;
      const backoff = intervalMs * 2 ** Math.min(failures - 1, 16);
      return { ...previous, fetchedAt, nextFetchAt: later(now, Math.max(backoff, (report.retryAfterSeconds ?? 0) * 1000)), failures, lastError: report.message };
    }
  }
}

/** "30m", "2h", "90s", "1d" (or a number of minutes) in milliseconds; null when unreadable or under a minute. */
export function parseInterval(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$/i.exec(text);
  if (!match) return null;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h' | 'd'];
  const ms = Number(match[1]) * unit;
  return ms >= 60_000 ? ms : null;
}
