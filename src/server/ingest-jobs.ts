/**
 * @module Ingest started from the web page: uploaded files, pasted text or a fetch of the
 * subscribed feeds go through the one Pipeline of the server, one job at a time (the grouper's
 * state must see articles in order).
 * Uploads are written to a content-addressed folder under the temp dir (the same file uploaded
 * twice has the same identity, so it is recognised as unchanged), then read by `ingestPaths`
 * exactly as files given on the command line. Jobs report progress for polling.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { documentLabel, type RawDocument } from '../model/index.js';
import { fetchSubscriptions } from '../pipeline/fetch-subscriptions.js';
import { addOutcome, type IngestEvents, type IngestSummary, type Outcome, type Pipeline } from '../pipeline/ingest.js';
import { containerDate, oldestFirst } from '../sources/arrival-order.js';
import { readNewsArchiveExport } from '../sources/news-archive-export.js';
import { readTextDocument } from '../sources/text-source.js';
import type { Store } from '../store/store.js';
import { formatWhen } from './time-format.js';

export interface IngestJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** What was sent: file names, web addresses, "pasted text", or "subscribed feeds". */
  inputs: string[];
  /** What `files` counts: files, web addresses, or feeds for a fetch. */
  unit: 'file' | 'address' | 'feed';
  files: number;
  filesDone: number;
  summary: IngestSummary;
  problems: Array<{ path: string; message: string; skipped: boolean }>;
  /** Ids of the articles stored (new, updated or already known), in the order they were read. */
  articleIds: number[];
  /** A fetch's feeds: those that answered with content, answered "not modified", or failed. */
  feeds?: { answered: number; unchanged: number; failed: number };
  error: string | null;
}

export interface PastedArticle {
  text: string;
  title?: string;
  source?: string;
  published?: string;
  url?: string;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The stored article a job's document became; a failed one has none. */
const recordArticle = (job: IngestJob, outcome: Outcome): void => {
  if (outcome.kind !== 'failed') job.articleIds.push(outcome.id);
};

/** An ingest's events as a job's progress: inputs done, its summary so far, the articles stored, and its problems under the names `shown` gives their paths. */
const jobEvents = (job: IngestJob, shown: (path: string) => string = (path) => path): IngestEvents => ({
  onStart: (inputs) => (job.files = inputs),
  onFile: (_path, summary) => {
    job.filesDone++;
    job.summary = { ...summary };
  },
  onDocument: (_summary, outcome) => recordArticle(job, outcome),
  onProblem: (problem) => job.problems.push({ ...problem, path: shown(problem.path) }),
});

const emptySummary = (): IngestSummary => ({ read: 0, new: 0, updated: 0, duplicates: 0, unchanged: 0, failed: 0, skipped: 0, subscriptions: 0 });

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Keeps the name's extension (it decides the format) and nothing that could leave the folder. */
export const safeFileName = (name: string): string => basename(name.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(-120) || 'upload';

export interface IngestQueue {
  submitFiles(uploads: Upload[]): IngestJob;
  submitText(pasted: PastedArticle): IngestJob;
  /** Fetches each web address's page (or PDF) and ingests it. */
  submitAddresses(addresses: string[]): IngestJob;
  /** Fetches the subscribed feeds that are due (all of them with `all`); needs the store. */
  submitFetch(options?: { all?: boolean }): IngestJob;
  /** The fetch job queued or running, if any (a poller does not queue a second). */
  pendingFetch(): IngestJob | undefined;
  get(id: string): IngestJob | undefined;
  /** Resolves when every submitted job has finished. */
  idle(): Promise<void>;
  /**
   * Runs a regrouping by hand (stories merged, an event moved) on the pipeline, in turn with the
   * jobs (never in the middle of one), and resolves with what it came to.
   */
  regroup<T>(work: (pipeline: Pipeline) => Promise<T>): Promise<T>;
}

export interface IngestQueueOptions {
  pipeline: Pipeline;
  /** The store the pipeline writes to: its subscriptions are what a fetch job fetches. */
  store?: Store;
  /** How long a feed that answered waits before it is fetched again. */
  feedIntervalMs?: number;
  uploadRoot?: string;
  keep?: number;
  /** Run after each job, in the queue (the server sends alerts on what the job stored). */
  afterJob?: () => Promise<void>;
}

/** One pasted article, with what the form says of it over what its text's header says. */
function pastedArticle(pasted: PastedArticle): RawDocument {
  const parsed = readTextDocument('pasted text', pasted.text);
  return {
    ...parsed,
    hints: {
      ...parsed.hints,
      externalId: `paste:${sha256(pasted.text).slice(0, 24)}`,
      ...(pasted.title?.trim() ? { title: pasted.title.trim() } : {}),
      ...(pasted.source?.trim() ? { source: pasted.source.trim() } : {}),
      ...(pasted.published?.trim() ? { published: pasted.published.trim() } : {}),
      ...(pasted.url?.trim() ? { url: pasted.url.trim() } : {}),
    },
  };
}

export function createIngestQueue(options: IngestQueueOptions): IngestQueue {
  const { pipeline } = options;
  const uploadRoot = options.uploadRoot ?? join(tmpdir(), 'storyline-uploads');
  const keep = options.keep ?? 100;
  const jobs = new Map<string, IngestJob>();
  let chain: Promise<void> = Promise.resolve();

  let fetchJob: IngestJob | undefined;

  const create = (inputs: string[], files: number, unit: IngestJob['unit'] = 'file'): IngestJob => {
    const job: IngestJob = { id: randomUUID(), state: 'queued', inputs, unit, files, filesDone: 0, summary: emptySummary(), problems: [], articleIds: [], error: null };
    jobs.set(job.id, job);
    while (jobs.size > keep) jobs.delete(jobs.keys().next().value as string);
    return job;
  };

  const enqueue = (job: IngestJob, work: () => Promise<void>): void => {
    chain = chain.then(async () => {
      job.state = 'running';
      try {
        await work();
        job.state = 'done';
      } catch (error) {
        job.state = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
      }
      await options.afterJob?.().catch((error: unknown) => console.error(`storyline serve: after a job: ${error instanceof Error ? error.message : String(error)}`));
    });
  };

  return {
    regroup(work) {
      const done = chain.then(() => work(pipeline));
      chain = done.then(
        () => undefined,
        () => undefined,
      );
      return done;
    },
    submitFiles(uploads) {
      const job = create(uploads.map((u) => u.name), uploads.length);
      enqueue(job, async () => {
        const folders: string[] = [];
        const paths: string[] = [];
        for (const upload of uploads) {
          const folder = join(uploadRoot, sha256(upload.bytes).slice(0, 32));
          await mkdir(folder, { recursive: true });
          const path = join(folder, safeFileName(upload.name));
          await writeFile(path, upload.bytes);
          folders.push(folder);
          paths.push(path);
        }
        try {
          // Uploads are named by their file names, not the folder they were written to.
          job.summary = await pipeline.ingestPaths(paths, jobEvents(job, basename));
        } finally {
          await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
        }
      });
      return job;
    },
    submitAddresses(addresses) {
      const job = create(addresses, addresses.length, 'address');
      enqueue(job, async () => {
        job.summary = await pipeline.ingestPaths(addresses, jobEvents(job));
      });
      return job;
    },
    submitText(pasted) {
      const job = create(['pasted text'], 1);
      enqueue(job, async () => {
        // Pasted from a news database, the text is many articles, each under its own header; the
        // form's fields describe one article and are not applied to them.
        const entries = readNewsArchiveExport('pasted text', pasted.text);
        const raws: RawDocument[] = entries ? oldestFirst(entries, containerDate) : [pastedArticle(pasted)];
        const summary = emptySummary();
        job.summary = summary;
        for (const raw of raws) {
          const outcome = await pipeline.ingestDocument(raw);
          summary.read++;
          addOutcome(summary, outcome);
          recordArticle(job, outcome);
          if (outcome.kind === 'failed') job.problems.push({ path: entries ? documentLabel(raw) : 'pasted text', message: outcome.message, skipped: false });
        }
        job.filesDone = 1;
      });
      return job;
    },
    submitFetch(fetchOptions = {}) {
      const { store } = options;
      const job = create(['subscribed feeds'], 0, 'feed');
      const feeds = { answered: 0, unchanged: 0, failed: 0 };
      job.feeds = feeds;
      fetchJob = job;
      enqueue(job, async () => {
        if (!store) throw new Error('this server has no store to fetch subscriptions into');
        const result = await fetchSubscriptions(pipeline, store, { all: fetchOptions.all, intervalMs: options.feedIntervalMs }, {
          onStart: (feeds) => (job.files = feeds),
          onFile: (_path, summary) => {
            job.filesDone++;
            job.summary = { ...summary };
          },
          onFeed: ({ feed, fetched, state }) => {
            for (const warning of fetched.warnings) job.problems.push({ path: feed.title ?? feed.feedUrl, message: warning, skipped: true });
            const { answer } = fetched;
            if (answer.kind === 'changed') feeds.answered++;
            else if (answer.kind === 'unchanged') feeds.unchanged++;
            else {
              feeds.failed++;
              job.problems.push({ path: feed.feedUrl, message: `${answer.message} (next try ${formatWhen(state.nextFetchAt)} UTC)`, skipped: false });
            }
          },
          onProblem: (problem) => job.problems.push(problem),
        });
        job.summary = result.ingest;
      });
      return job;
    },
    pendingFetch: () => (fetchJob && (fetchJob.state === 'queued' || fetchJob.state === 'running') ? fetchJob : undefined),
    get: (id) => jobs.get(id),
    idle: async () => {
      let current: Promise<void>;
      do {
        current = chain;
        await current;
      } while (current !== chain);
    },
  };
}
