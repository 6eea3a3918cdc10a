/**
 * @module Fetching the subscribed feeds while the server runs (`storyline serve --poll`): every
 * minute, when some feed is due and no fetch is queued or running, a fetch job joins the ingest
 * queue, so it takes its turn with uploads and never runs twice at once.
 */
import { isDue } from '../sources/feed-schedule.js';
import type { Store } from '../store/store.js';
import type { IngestQueue } from './ingest-jobs.js';

export interface FeedPoller {
  /** Queues a fetch when a feed is due; the job, or null when nothing was queued. */
  check(): Promise<string | null>;
  stop(): void;
}

export function startFeedPoller(options: { store: Store; queue: IngestQueue; checkEveryMs?: number; now?: () => Date }): FeedPoller {
  const now = options.now ?? (() => new Date());
  const check = async (): Promise<string | null> => {
    if (options.queue.pendingFetch()) return null;
    const due = (await options.store.feeds()).some((feed) => isDue(feed, now()));
    return due ? options.queue.submitFetch().id : null;
  };
  const tick = (): void => {
    check().catch((error: unknown) => console.error(`storyline serve: feed poll: ${error instanceof Error ? error.message : String(error)}`));
  };
  tick();
  const timer = setInterval(tick, options.checkEveryMs ?? 60_000);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
