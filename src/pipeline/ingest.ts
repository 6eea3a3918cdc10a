/**
 * @module The pipeline: the one module that composes the stages.
 *
 *   read (sources) -> extract + clean (extract) -> analyse (analyse) -> fold/cluster (Grouper)
 *   -> store (one transaction per article; bulk ingest wraps a few hundred articles in one batch)
 *
 * Stages are pure functions over plain data; this module owns the order, the identity rules
 * (re-ingest is a no-op, a changed URL is a revision) and the Grouper's state life cycle.
 */
import { documentLabel, type Article, type Grouper, type GroupingInput, type RawDocument, type Regrouping } from '../model/index.js';
import { splitLiveBlog } from '../extract/live-blog.js';
import { addressesApart, readAddress } from '../sources/read-address.js';
import { listInputs, readInput } from '../sources/read-inputs.js';
import type { SourceItem } from '../sources/source-item.js';
import type { Store } from '../store/store.js';
import { anchorFromCopies } from './date-anchor.js';
import { createDefaultAnalyse } from './default-analyse.js';
import { identityOf, rawHashOf } from './identity.js';
import { processDocument, type Analyse, type Processed } from './process-document.js';
import type { WorkerPool } from './worker-pool.js';

/** What tells one input from another: computed once per document, before and after processing. */
interface InputKeys {
  identity: string;
  rawHash: string;
}

const keysOf = (raw: RawDocument): InputKeys => ({ identity: identityOf(raw), rawHash: rawHashOf(raw) });

export interface PipelineOptions {
  store: Store;
  /** Makes the grouper; called again after a failed batch, to rebuild its state from the store. */
  createGrouper: () => Grouper;
  analyse?: Analyse;
  /** Runs extract+analyse on other cores for `ingestPaths`; without it, all on this thread. */
  pool?: WorkerPool;
  /** The clock, passed in so that stages stay pure and tests can fix time. */
  now?: () => Date;
  /**
   * `ingestPaths` commits every `articles` stored articles or `millis` ms, whichever comes first
   * (by the `now` clock): one transaction per article costs more than the article's own writes.
   */
  batch?: { articles: number; millis: number };
  /**
   * `ingestPaths` saves the grouper's state with the store at its end and after every this many
   * new articles, so that reopening the store reads back only the articles stored after it.
   */
  saveStateEvery?: number;
}

const DEFAULT_BATCH = { articles: 256, millis: 500 };
const DEFAULT_SAVE_STATE_EVERY = 100_000;

export type Outcome =
  | { kind: 'new' | 'duplicate' | 'updated' | 'unchanged'; id: number }
  | { kind: 'failed'; message: string };

export interface IngestSummary {
  read: number;
  new: number;
  updated: number;
  duplicates: number;
  unchanged: number;
  failed: number;
  skipped: number;
  subscriptions: number;
}

export interface IngestEvents {
  /** Called once the input files are known (for a progress bar). */
  onStart?(files: number): void;
  /** Called after each file is done. */
  onFile?(path: string, summary: IngestSummary): void;
  /** Called after each document is stored (or found unchanged, or failed), with what became of it. */
  onDocument?(summary: IngestSummary, outcome: Outcome): void;
  /** A file or document that could not be read or stored. */
  onProblem?(item: { path: string; message: string; skipped: boolean }): void;
  /**
   * Reopening a store that holds articles: `done` of `total` stored articles read back into the
   * grouper so far (a large store takes minutes; called every few thousand and at the end).
   */
  onRestore?(done: number, total: number): void;
}

/** A source of documents: a file, or a fetched feed. */
export interface InputSource {
  /** Names the source in progress and problems: a file's path, a feed's address. */
  path: string;
  items: Iterable<SourceItem> | AsyncIterable<SourceItem>;
  /**
   * Called once the source's items are stored: inside the batch that holds the last of them (or
   * after it is committed), so that what it writes is never committed before them. `own` counts
   * the source's own items as they were decided.
   */
  afterItems?(own: IngestSummary): Promise<void>;
}

/** How many stored articles are read back between two `onRestore` calls. */
const RESTORE_REPORT_EVERY = 5_000;

const emptySummary = (): IngestSummary => ({ read: 0, new: 0, updated: 0, duplicates: 0, unchanged: 0, failed: 0, skipped: 0, subscriptions: 0 });

const label = documentLabel;

/** Counts what became of one document in a summary (its `read` is counted apart). */
export function addOutcome(summary: IngestSummary, outcome: Outcome): void {
  if (outcome.kind === 'failed') summary.failed++;
  else if (outcome.kind === 'duplicate') summary.duplicates++;
  else summary[outcome.kind]++;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A store write for one article: its result, or a failed outcome when the write failed for this
 * article alone (the store has written the rest of its batch again without it).
 */
async function storeWrite<T>(write: Promise<T>): Promise<{ value: T } | { failed: Outcome }> {
  try {
    return { value: await write };
  } catch (error) {
    return { failed: { kind: 'failed', message: `could not be stored: ${messageOf(error)}` } };
  }
}

export class Pipeline {
  private restored = false;
  /**
   * The store's latest article as this pipeline last knew it (restored or written): when the store
   * has moved past it, another process wrote in between, and the grouper is brought up to date.
   */
  private latestKnown = 0;
  /** The store's regroupings by hand as this pipeline last knew them: one made elsewhere means the same. */
  private regroupingsKnown = 0;
  /** Articles given to the grouper since its state was last saved or loaded. */
  private unsaved = 0;
  private analyser: Analyse | null;
  private grouper: Grouper;
  private readonly now: () => Date;
  /** The open batch: when it began, what it holds, and what to report once it is committed. */
  private batch: { startedAt: number; articles: number; onCommit: Array<() => void> } | null = null;

  constructor(private readonly options: PipelineOptions) {
    this.analyser = options.analyse ?? null;
    this.grouper = options.createGrouper();
    this.now = options.now ?? (() => new Date());
  }

  /** The analysis on this thread, built on first use (with a worker pool it is rarely needed). */
  private get analyse(): Analyse {
    this.analyser ??= createDefaultAnalyse();
    return this.analyser;
  }

  /**
   * Brings the grouper to where it was when the store was last written, so a resumed ingest groups
   * as one uninterrupted run: it loads the state saved with the store and feeds the articles stored
   * after it through the grouper (all of them when there is no state, or one this grouper cannot
   * take: another version or other settings).
   */
  private async restore(onRestore?: IngestEvents['onRestore']): Promise<void> {
    if (this.restored) return;
    const { store } = this.options;
    const total = (await store.counts()).articles;
    const saved = total > 0 && this.grouper.loadState ? await store.grouperState() : null;
    // Article ids are given out one after another and never taken back, so the state of article
    // `lastArticleId` covers that many stored articles; a state ahead of the store is not its own.
    const loaded = saved !== null && saved.lastArticleId <= total && this.grouper.loadState!(saved);
    const after = loaded ? saved.lastArticleId : 0;
    let done = after;
    for await (const stored of store.placements(after)) {
      this.grouper.restore(stored);
      if (onRestore && ++done % RESTORE_REPORT_EVERY === 0) onRestore(done, Math.max(total, done));
    }
    if (onRestore && done > 0) onRestore(done, Math.max(total, done));
    // Read back, the articles say where they are; which stories the reader told apart, only the store does.
    const apart = loaded ? [] : await store.storiesKeptApart();
    if (apart.length > 0) this.grouper.regroup?.({ stories: [], movedEvents: [], merged: [], apart });
    this.grouper.reserveIds?.(await store.highestIds());
    this.unsaved = done - after;
    this.latestKnown = await store.latestArticleId();
    this.regroupingsKnown = await store.regroupingsMade();
    this.restored = true;
  }

  /**
   * Inside a batch (which holds the store's writers' lock): when another process (a second
   * `ingest`, `fetch` from cron beside `serve`, another machine on PostgreSQL) stored articles since
   * this pipeline last wrote, its grouper is built again from the store (the saved state, then what
   * came after it), so those articles are placed as if this process had read them itself: a copy of
   * one of them folds under it, a report of the same event joins that event. Stories merged by hand
   * elsewhere are taken in the same way (that process saved the grouper's state with them).
   */
  private async catchUp(): Promise<void> {
    const { store } = this.options;
    if (!this.restored || ((await store.latestArticleId()) === this.latestKnown && (await store.regroupingsMade()) === this.regroupingsKnown)) return;
    this.grouper = this.options.createGrouper();
    this.restored = false;
    await this.restore();
  }

  /**
   * Saves the grouper's state with the store when it holds articles the saved one does not (at the
   * end of `ingestPaths`; call it before closing a store that took single documents).
   */
  async saveState(): Promise<void> {
    if (this.unsaved === 0 || !this.grouper.saveState || this.batch) return;
    await this.options.store.saveGrouperState(this.grouper.saveState(), this.now().toISOString());
    this.unsaved = 0;
  }

  /**
   * Merges stories into story `into` by hand, in the store and in the grouper at once, and saves the
   * grouper's state with it: what arrives next (here or in another process) is placed as if the
   * grouper had made them one story itself. What changed, or the first id that names no story.
   */
  mergeStories(ids: number[], into: number): Promise<{ regrouping: Regrouping } | { missing: number }> {
    return this.regroupByHand((at) => this.options.store.mergeStories(ids, into, at));
  }

  /**
   * Moves an event by hand to story `into`, or to a new story of its own (null), in the store and in
   * the grouper at once, as `mergeStories` does; the two stories are kept apart from then on.
   */
  moveEvent(eventId: number, into: number | null): Promise<{ regrouping: Regrouping } | { missingEvent: number } | { missingStory: number }> {
    return this.regroupByHand((at) => this.options.store.moveEvent(eventId, into, at));
  }

  /**
   * Undoes the latest merge by hand of story `storyId`: back under its number with the events it
   * brought, kept apart from the story it had joined; in the grouper at once, as `mergeStories` does.
   */
  undoMerge(storyId: number): Promise<{ regrouping: Regrouping } | { notMerged: number }> {
    return this.regroupByHand((at) => this.options.store.undoMerge(storyId, at));
  }

  /**
   * Makes a regrouping by hand in the store and in the grouper's state, and saves that state in the
   * same transaction, so neither is ever found without the other. A grouper not brought up to date
   * yet is not (that can mean reading back every stored article): the saved state, when this grouper
   * can take it, is loaded, changed and saved again; a later restore reads back what came after it
   * as the store holds it now.
   */
  private async regroupByHand<T extends object>(regroup: (at: string) => Promise<T | { regrouping: Regrouping }>): Promise<T | { regrouping: Regrouping }> {
    const { store } = this.options;
    const restored = this.restored;
    if (restored) await this.openBatch();
    else await store.beginBatch();
    let result: T | { regrouping: Regrouping };
    try {
      const at = this.now().toISOString();
      result = await regroup(at);
      if ('regrouping' in result) {
        let grouper: Grouper | null = this.grouper;
        if (!restored) {
          const saved = await store.grouperState();
          grouper = this.options.createGrouper();
          if (saved === null || !grouper.loadState?.(saved)) grouper = null;
        }
        grouper?.regroup?.(result.regrouping);
        if (grouper?.saveState) await store.saveGrouperState(grouper.saveState(), at);
      }
    } catch (error) {
      await store.rollbackBatch();
      this.batch = null;
      this.grouper = this.options.createGrouper();
      this.restored = false;
      throw error;
    }
    if (restored) await this.endBatch();
    else await store.commitBatch();
    if ('regrouping' in result) {
      this.regroupingsKnown = await store.regroupingsMade();
      if (restored) this.unsaved = 0;
    }
    return result;
  }

  /** Takes one document through every stage into the store, in a transaction of its own. */
  async ingestDocument(raw: RawDocument): Promise<Outcome> {
    const keys = keysOf(raw);
    const skip = await this.unchanged(keys);
    if (skip) return skip;
    const processed = processDocument(raw, this.analyse);
    if (this.batch) return this.commit(keys, processed);
    await this.openBatch();
    let outcome: Outcome;
    try {
      outcome = await this.commit(keys, processed);
    } catch (error) {
      await this.endBatch().catch(() => undefined);
      throw error;
    }
    try {
      await this.endBatch();
    } catch (error) {
      return { kind: 'failed', message: `could not be stored: ${messageOf(error)}` };
    }
    return outcome;
  }

  /** Fast path before any work: the same input (identity and raw bytes) is already stored. */
  private async unchanged({ identity, rawHash }: InputKeys): Promise<Outcome | null> {
    await this.restore();
    const known = await this.options.store.findByIdentity(identity);
    return known && known.rawHash === rawHash ? { kind: 'unchanged', id: known.id } : null;
  }

  /** Stores a processed document, deciding new / revision / unchanged against the store as it is now. */
  private async commit({ identity, rawHash }: InputKeys, processed: Processed): Promise<Outcome> {
    if (!processed.ok) return { kind: 'failed', message: processed.message };
    const { store } = this.options;
    const { grouper } = this;
    const { article, analysis, features, contentHash } = processed;
    const known = await store.findByIdentity(identity);
    if (known && known.rawHash === rawHash) return { kind: 'unchanged', id: known.id };
    const seenAt = this.now().toISOString();
    if (known) {
      if (known.contentHash === contentHash) return { kind: 'unchanged', id: known.id };
      const revised = await storeWrite(store.reviseArticle(known.id, { identity, contentHash, rawHash, article, analysis, seenAt }));
      return 'failed' in revised ? revised.failed : { kind: 'updated', id: known.id };
    }
    const same = await store.findByContentHash(contentHash);
    if (same && same.source === article.source && same.title === article.title) return { kind: 'unchanged', id: same.id };

    let input: GroupingInput | null = null;
    const added = await storeWrite(
      store.addArticle({ identity, contentHash, rawHash, article, analysis, seenAt }, (newId) => {
        input = { id: newId, article, analysis, seenAt, features };
        return grouper.decide(input);
      }),
    );
    // The grouper only decided (apply is not reached), so what comes next is grouped as if it never came.
    if ('failed' in added) return added.failed;
    const { id, placement } = added.value;
    if (input) {
      grouper.apply(input, placement);
      this.unsaved++;
    }
    this.latestKnown = Math.max(this.latestKnown, id);
    if (placement.duplicateOf !== null) await this.shareDateAnchor(id, article, placement.duplicateOf);
    return { kind: placement.duplicateOf === null ? 'new' : 'duplicate', id };
  }

  /**
   * A copy and its original are the same dispatch: when only one of them carries a publish date,
   * the other's relative dates ("on Tuesday") are re-resolved against it (an undated original's
   * against the earliest of its dated copies, as `reanalyse` does). Its own `published` stays null,
   * since its file did not say.
   */
  private async shareDateAnchor(copyId: number, copy: Article, originalId: number): Promise<void> {
    // Most copies and originals are both dated: one date is read, not the whole original.
    if (copy.published !== null && (await this.options.store.publishedOf(originalId)) !== null) return;
    const original = await this.options.store.getArticle(originalId);
    if (!original) return;
    let undated: { id: number; article: Article } | null = null;
    let anchor: string | null = null;
    if (copy.published === null) [undated, anchor] = [{ id: copyId, article: copy }, original.article.published];
    else if (original.article.published === null) {
      // Analysed again only when this copy is the earliest dated one (a later copy changes nothing).
      const earliest = anchorFromCopies([...original.copies, copy]);
      if (earliest === copy.published) [undated, anchor] = [{ id: originalId, article: original.article }, earliest];
    }
    if (!undated || !anchor) return;
    await this.options.store.replaceAnalysis(undated.id, this.analyse({ ...undated.article, published: anchor }));
  }

  /**
   * Reads every input path (directories recursively) and ingests what they hold, in batches:
   * progress (`onDocument`, `onFile`, problems) is reported once the batch holding it is committed,
   * so nothing reported stored can be lost by a killed process.
   */
  async ingestPaths(inputs: string[], events: IngestEvents = {}): Promise<IngestSummary> {
    // A web address is fetched (its page or PDF); the rest are files and folders.
    const { addresses, paths } = addressesApart(inputs);
    const { files, problems } = await listInputs(paths);
    const sources = [
      ...files.map((file): InputSource => ({ path: file.path, items: readInput(file) })),
      ...addresses.map((address): InputSource => ({ path: address, items: readAddress(address) })),
    ];
    return this.ingestSources(sources, events, { problems, count: sources.length });
  }

  /**
   * Ingests what each source yields, in batches, as `ingestPaths` does for files; `listed` are the
   * problems found before reading and the number of sources, for `onStart`.
   */
  async ingestSources(
    sources: Iterable<InputSource> | AsyncIterable<InputSource>,
    events: IngestEvents = {},
    listed: { problems?: SourceItem[]; count?: number } = {},
  ): Promise<IngestSummary> {
    const summary = emptySummary();
    try {
      await this.restore(events.onRestore);
      for (const problem of listed.problems ?? []) await this.count(problem, summary, events);
      if (listed.count !== undefined) events.onStart?.(listed.count);
      for await (const source of sources) await this.ingestSource(source, summary, events);
    } catch (error) {
      // What was stored before the failure stays stored, as with one transaction per article.
      await this.endBatch().catch(() => undefined);
      throw error;
    }
    await this.endBatch();
    await this.saveStateOrTell(events);
    return summary;
  }

  /** Saves the grouper's state; a failure costs the next start a longer read, and is told, not thrown. */
  private async saveStateOrTell(events: IngestEvents): Promise<void> {
    try {
      await this.saveState();
    } catch (error) {
      events.onProblem?.({ path: 'grouper state', message: `not saved (the next start reads every stored article back): ${messageOf(error)}`, skipped: false });
    }
  }

  private async ingestSource(source: InputSource, summary: IngestSummary, events: IngestEvents): Promise<void> {
    // The source's own outcomes, counted as they are decided (the summary is told after commits).
    const own = emptySummary();
    // Documents in flight on the pool; results are stored strictly in input order.
    const window: Array<{ raw: RawDocument; keys: InputKeys; result: Promise<Processed> | Processed | Outcome }> = [];
    const drain = async (keep: number): Promise<void> => {
      while (window.length > keep) {
        const head = window.shift();
        if (!head) break;
        const processed = 'kind' in head.result ? head.result : await head.result;
        await this.openBatch();
        const outcome = 'kind' in processed ? processed : await this.commit(head.keys, processed);
        addOutcome(own, outcome);
        this.afterCommit(() => this.tally(head.raw, outcome, summary, events));
        await this.closeFullBatch(events);
      }
    };
    for await (const item of source.items) {
      if (item.kind !== 'document') {
        await drain(0);
        await this.count(item, summary, events);
        continue;
      }
      // A live blog's page is the posts it declares, each a document of its own.
      for (const raw of splitLiveBlog(item.document)) {
        summary.read++;
        own.read++;
        const keys = keysOf(raw);
        const skip = await this.unchanged(keys);
        const { pool } = this.options;
        window.push({ raw, keys, result: skip ?? (pool ? pool.process(raw) : processDocument(raw, this.analyse)) });
        await drain(pool ? 64 : 0);
      }
    }
    await drain(0);
    await source.afterItems?.(own);
    this.afterCommit(() => events.onFile?.(source.path, summary));
  }

  private async openBatch(): Promise<void> {
    if (this.batch) return;
    await this.options.store.beginBatch();
    this.batch = { startedAt: this.now().getTime(), articles: 0, onCommit: [] };
    await this.catchUp();
  }

  /** Commits the open batch once it holds enough articles or has been open long enough. */
  private async closeFullBatch(events: IngestEvents): Promise<void> {
    const { batch } = this;
    if (!batch) return;
    const limit = this.options.batch ?? DEFAULT_BATCH;
    batch.articles++;
    if (batch.articles >= limit.articles || this.now().getTime() - batch.startedAt >= limit.millis) {
      await this.endBatch();
      if (this.unsaved >= (this.options.saveStateEvery ?? DEFAULT_SAVE_STATE_EVERY)) await this.saveStateOrTell(events);
    }
  }

  /** Runs `report` once what came before it is committed (at once when no batch is open). */
  private afterCommit(report: () => void): void {
    if (this.batch) this.batch.onCommit.push(report);
    else report();
  }

  /**
   * Commits the open batch and reports what it held. When the commit fails, the batch is rolled
   * back and the grouper, which already holds the batch's articles, is rebuilt from the store.
   */
  private async endBatch(): Promise<void> {
    const { batch } = this;
    if (!batch) return;
    this.batch = null;
    try {
      await this.options.store.commitBatch();
    } catch (error) {
      await this.options.store.rollbackBatch();
      this.grouper = this.options.createGrouper();
      this.restored = false;
      this.unsaved = 0;
      throw error;
    }
    for (const report of batch.onCommit) report();
  }

  private tally(raw: RawDocument, outcome: Outcome, summary: IngestSummary, events: IngestEvents): void {
    addOutcome(summary, outcome);
    if (outcome.kind === 'failed') events.onProblem?.({ path: label(raw), message: outcome.message, skipped: false });
    events.onDocument?.(summary, outcome);
  }

  private async count(item: SourceItem, summary: IngestSummary, events: IngestEvents): Promise<void> {
    if (item.kind === 'subscriptions') {
      const added = await this.options.store.addSubscriptions(item.subscriptions);
      this.afterCommit(() => (summary.subscriptions += added));
    } else if (item.kind === 'error' || item.kind === 'skipped') {
      this.afterCommit(() => {
        if (item.kind === 'error') summary.failed++;
        else summary.skipped++;
        events.onProblem?.({ path: item.path, message: item.message, skipped: item.kind === 'skipped' });
      });
    }
  }
}
