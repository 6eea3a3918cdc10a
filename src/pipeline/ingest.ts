/**
 * @module The pipeline: the one module that composes the stages.
 *
 *   read (sources) -> extract + clean (extract) -> analyse (analyse) -> fold/cluster (Grouper)
 *   -> store (one transaction per article)
 *
 * Stages are pure functions over plain data; this module owns the order, the identity rules
 * (re-ingest is a no-op, a changed URL is a revision) and the Grouper's state life cycle.
 */
import { extractArticle } from '../extract/extract-article.js';
import type { Analysis, Article, Grouper, GroupingInput, RawDocument } from '../model/index.js';
import { emptyAnalysis } from '../model/index.js';
import { listInputs, readInput } from '../sources/read-inputs.js';
import type { SourceItem } from '../sources/source-item.js';
import type { Store } from '../store/store.js';
import { contentHashOf, identityOf, rawHashOf } from './identity.js';

export type Analyse = (article: Article) => Analysis;

export interface PipelineOptions {
  store: Store;
  grouper: Grouper;
  analyse?: Analyse;
  /** The clock, passed in so that stages stay pure and tests can fix time. */
  now?: () => Date;
}

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
  /** A file or document that could not be read or stored. */
  onProblem?(item: { path: string; message: string; skipped: boolean }): void;
}

const emptySummary = (): IngestSummary => ({ read: 0, new: 0, updated: 0, duplicates: 0, unchanged: 0, failed: 0, skipped: 0, subscriptions: 0 });

const label = (raw: RawDocument): string => (raw.index > 0 || raw.hints.externalId ? `${raw.path}#${raw.index + 1}` : raw.path);

export class Pipeline {
  private restored = false;
  private readonly analyse: Analyse;
  private readonly now: () => Date;

  constructor(private readonly options: PipelineOptions) {
    this.analyse = options.analyse ?? (() => emptyAnalysis());
    this.now = options.now ?? (() => new Date());
  }

  /** Feeds what is already stored through the grouper once, so a resumed ingest groups as one run. */
  private async restore(): Promise<void> {
    if (this.restored) return;
    for await (const stored of this.options.store.placements()) this.options.grouper.restore(stored);
    this.restored = true;
  }

  /** Takes one document through every stage into the store. */
  async ingestDocument(raw: RawDocument): Promise<Outcome> {
    await this.restore();
    const { store, grouper } = this.options;
    const identity = identityOf(raw);
    const rawHash = rawHashOf(raw);
    const known = await store.findByIdentity(identity);
    if (known && known.rawHash === rawHash) return { kind: 'unchanged', id: known.id };

    let article: Article;
    try {
      article = extractArticle(raw);
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    const contentHash = contentHashOf(article);
    const seenAt = this.now().toISOString();
    if (known) {
      if (known.contentHash === contentHash) return { kind: 'unchanged', id: known.id };
      await store.reviseArticle(known.id, { identity, contentHash, rawHash, article, analysis: this.analyse(article), seenAt });
      return { kind: 'updated', id: known.id };
    }
    const same = await store.findByContentHash(contentHash);
    if (same && same.source === article.source && same.title === article.title) return { kind: 'unchanged', id: same.id };

    const analysis = this.analyse(article);
    let input: GroupingInput | null = null;
    const { id, placement } = await store.addArticle({ identity, contentHash, rawHash, article, analysis, seenAt }, (newId) => {
      input = { id: newId, article, analysis, seenAt };
      return grouper.decide(input);
    });
    if (input) grouper.apply(input, placement);
    return { kind: placement.duplicateOf === null ? 'new' : 'duplicate', id };
  }

  /** Reads every input path (directories recursively) and ingests what they hold. */
  async ingestPaths(paths: string[], events: IngestEvents = {}): Promise<IngestSummary> {
    const summary = emptySummary();
    const { files, problems } = await listInputs(paths);
    for (const problem of problems) await this.count(problem, summary, events);
    events.onStart?.(files.length);
    for (const file of files) {
      for await (const item of readInput(file)) await this.ingestItem(item, summary, events);
      events.onFile?.(file.path, summary);
    }
    return summary;
  }

  private async ingestItem(item: SourceItem, summary: IngestSummary, events: IngestEvents): Promise<void> {
    if (item.kind !== 'document') {
      await this.count(item, summary, events);
      return;
    }
    summary.read++;
    const outcome = await this.ingestDocument(item.document);
    switch (outcome.kind) {
      case 'failed':
        summary.failed++;
        events.onProblem?.({ path: label(item.document), message: outcome.message, skipped: false });
        break;
      case 'duplicate':
        summary.duplicates++;
        break;
      default:
        summary[outcome.kind]++;
    }
  }

  private async count(item: SourceItem, summary: IngestSummary, events: IngestEvents): Promise<void> {
    if (item.kind === 'subscriptions') {
      summary.subscriptions += await this.options.store.addSubscriptions(item.subscriptions);
    } else if (item.kind === 'error' || item.kind === 'skipped') {
      if (item.kind === 'error') summary.failed++;
      else summary.skipped++;
      events.onProblem?.({ path: item.path, message: item.message, skipped: item.kind === 'skipped' });
    }
  }
}
