/** @module `storyline feeds [--json]`: the subscribed feeds, when each was fetched, what it brought, when it is due. */
import { parseArgs } from 'node:util';
import type { Feed } from '../../sources/feed-schedule.js';
import { dbOption, openStore } from '../options.js';
import { minuteOf } from '../time-text.js';

const when = (iso: string | null): string => (iso ? minuteOf(iso) : '-');

/** A feed's last fetch in words: what it brought, or why it failed. */
export function feedStatus(feed: Feed, now: Date): string {
  if (feed.fetchedAt === null) return 'never fetched; due now';
  const due = feed.nextFetchAt === null || Date.parse(feed.nextFetchAt) <= now.getTime() ? 'due now' : `next ${when(feed.nextFetchAt)}`;
  if (feed.failures > 0) return `failing (${feed.failures} in a row): ${feed.lastError ?? 'unknown error'}; ${due}`;
  const brought = feed.lastNew === null ? '' : `${feed.lastNew} new of ${feed.lastItems ?? '?'} items; `;
  return `fetched ${when(feed.fetchedAt)}; ${brought}${due}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...dbOption, json: { type: 'boolean', default: false } } });
  const store = openStore(values.db, 'existing');
  try {
    const feeds = await store.feeds();
    if (values.json) {
      console.log(JSON.stringify(feeds, null, 2));
      return 0;
    }
    if (feeds.length === 0) {
      console.log('No subscriptions: add feeds with storyline subscribe <feed or site URL>, or ingest an OPML list.');
      return 0;
    }
    const now = new Date();
    for (const feed of feeds) {
      console.log(`${feed.title ?? feed.feedUrl}\n  ${feed.feedUrl}\n  ${feedStatus(feed, now)}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
