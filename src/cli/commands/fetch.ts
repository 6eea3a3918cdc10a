/**
 * @module `storyline fetch [--all] [--full-text auto|always|never] [--every 30m]`: fetches the
 * subscribed feeds that are due into the store, with a progress bar by feed, a line for each feed
 * that brought articles or failed, and a summary.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { feedsToFetch, fetchSubscriptions, type FeedOutcome, type FetchSummary } from '../../pipeline/fetch-subscriptions.js';
import { WorkerPool } from '../../pipeline/worker-pool.js';
import type { FullTextMode } from '../../sources/feed-response.js';
import { DEFAULT_FEED_INTERVAL_MS, parseInterval } from '../../sources/feed-schedule.js';
import { dbOption, openStore } from '../options.js';
import { minuteOf } from '../time-text.js';
import { createProgress } from '../progress.js';
import { sendDueAlerts } from './alerts.js';
import { formatSummary } from './ingest.js';

const USAGE = 'Usage: storyline fetch [--db FILE] [--all] [--full-text auto|always|never] [--every 30m] [--timeout 30] [--workers N] [feed URLs...]';

/** Feeds due at once from which the fetch reads on worker threads (one per core) unless --workers says. */
const POOL_FEEDS = 10;

const when = (iso: string | null): string => (iso ? `${minuteOf(iso)} UTC` : 'now');

/** One line for a feed that brought something, changed address or failed; null for a quiet one. */
export function feedLine({ feed, fetched, own, state }: FeedOutcome): string | null {
  const moved = fetched.movedTo ? ` (moved permanently to ${fetched.movedTo}; subscribed there now)` : '';
  if (fetched.answer.kind === 'failed') {
    const times = state.failures > 1 ? `failed ${state.failures} times in a row; ` : '';
    return `error: ${feed.feedUrl}: ${fetched.answer.message} (${times}next try ${when(state.nextFetchAt)})`;
  }
  if (fetched.answer.kind === 'unchanged') return moved ? `${feed.feedUrl}: unchanged${moved}` : null;
  if (own.new + own.updated + own.duplicates + own.failed === 0 && !moved) return null;
  const parts = [`${fetched.answer.items} items`, `${own.new} new`];
  if (own.duplicates) parts.push(`${own.duplicates} copies folded`);
  if (own.updated) parts.push(`${own.updated} updated`);
  if (own.failed) parts.push(`${own.failed} failed`);
  return `${feed.title ?? feed.feedUrl}: ${parts.join(', ')}${moved}`;
}

export const formatFetchSummary = (s: FetchSummary): string =>
  `feeds ${s.feeds}: ${s.changed} answered, ${s.unchanged} unchanged, ${s.failed} failed · ${formatSummary(s.ingest)}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...dbOption,
      all: { type: 'boolean', default: false },
      'full-text': { type: 'string', default: 'auto' },
      every: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string', default: '30' },
    },
    allowPositionals: true,
  });
  const fullText = values['full-text'] as FullTextMode;
  const intervalMs = values.every === undefined ? DEFAULT_FEED_INTERVAL_MS : parseInterval(values.every);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!['auto', 'always', 'never'].includes(fullText) || intervalMs === null || !(timeoutMs > 0)) {
    console.error(USAGE);
    return 2;
  }
  const store = openStore(values.db);
  let pool: WorkerPool | undefined;
  try {
    const feeds = await store.feeds();
    // Worker threads pay for themselves when many feeds (and their pages) are to be read.
    const workers = values.workers !== undefined ? Number(values.workers) : feedsToFetch(feeds, { all: values.all, only: positionals }, new Date()).length >= POOL_FEEDS ? availableParallelism() : 0;
    pool = workers > 0 ? new WorkerPool(workers) : undefined;
    const subscribed = new Set(feeds.map((s) => s.feedUrl));
    const unknown = positionals.filter((url) => !subscribed.has(url));
    for (const url of unknown) console.error(`error: ${url}: not subscribed (storyline subscribe ${url})`);
    if (subscribed.size === 0) {
      console.error('No subscriptions: add feeds with storyline subscribe <feed or site URL>, or ingest an OPML list.');
      return unknown.length > 0 ? 1 : 0;
    }
    let progress: ReturnType<typeof createProgress> | null = null;
    let feedsDone = 0;
    const say = (line: string): void => (progress ? progress.log(line) : console.error(line));
    const summary = await fetchSubscriptions(
      createPipeline(store, { pool }),
      store,
      { all: values.all, only: positionals, fullText, intervalMs, timeoutMs },
      {
        onStart: (total) => (progress = createProgress({ total, unit: 'feeds' })),
        onFile: (_path, s) => progress?.update(++feedsDone, s.read),
        onFeed: (outcome) => {
          for (const warning of outcome.fetched.warnings) say(`warning: ${warning}`);
          const line = feedLine(outcome);
          if (line) say(line);
        },
        onProblem: ({ path, message, skipped }) => say(`${skipped ? 'skipped' : 'error'}: ${path}: ${message}`),
      },
    );
    (progress as ReturnType<typeof createProgress> | null)?.finish();
    if (summary.feeds === 0) console.log(`No feed is due (storyline feeds shows when each is; --all fetches them now).`);
    else console.log(formatFetchSummary(summary));
    await sendDueAlerts(store);
    return summary.failed > 0 || summary.ingest.failed > 0 || unknown.length > 0 ? 1 : 0;
  } finally {
    await pool?.close();
    await store.close();
  }
}
