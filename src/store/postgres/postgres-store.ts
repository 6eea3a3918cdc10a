/**
 * @module The scale-out store: PostgreSQL through node-postgres, the same contract as the SQLite
 * store (the contract tests run both). One connection per store, as SQLite has: a batch is one
 * transaction, and what a call writes is its unit inside it. Writers take one lock per
 * transaction (an advisory lock of the database), so several Storyline processes can write to one
 * database in turn; readers never wait for it.
 *
 * An article, its analysis, its event and its story are written by one statement (arrays unnested
 * into each table), so a typical article costs one round trip to write, besides its look-ups.
 */
import pg from 'pg';
import type { Analysis, EventRecord, GrouperState, Placement, Regrouping, StoredPlacement, StoryRecord } from '../../model/index.js';
import type { Feed, FeedState } from '../../sources/feed-schedule.js';
import type { Subscription } from '../../sources/source-item.js';
import { ARTICLE_ROW_COLUMNS, ARTICLE_ROW_WIDTH, articleRow, combineFollowed, toArrival, toArticle, toDateMention, toEntityMention, toEvent, toFeed, toFigure, toFollowed, toQuote, toSearchHit, toStory, toSubscription, toSummary, type Row } from '../rows.js';
import type {
  AlertTarget,
  ArticleAnalysisRows,
  ArticleRecord,
  DayCount,
  FollowedStory,
  IdentityMatch,
  NewArticle,
  ReaderItem,
  ReaderItemQuery,
  ReaderOutlet,
  ReaderUnreadCount,
  SearchHit,
  Store,
  StoryArrival,
  StoryDetail,
  StoryListOptions,
  StorySummary,
} from '../store.js';
import { ADD_ALERT_TARGET, ALERT_TARGETS, ALERTS_FAILED, ALERTS_SENT, CLAIM_ALERTS, REMOVE_ALERT_TARGET, toAlertTarget } from '../alert-queries.js';
import { carryMarksStatement, markReadBeforeStatement, markStatement, READER_ITEMS, READER_OUTLETS, READER_UNREAD_COUNTS, readerItemIdsQuery, refoldedByOriginal, toReaderItems, toReaderOutlet, toReaderUnreadCount } from '../reader-queries.js';
import { storyFilter } from '../story-filter.js';
import { apartNow, eventsMove, moveTarget, RELATED_MENTIONS, RELATED_NAMES, sharedByStory, storyMerge, titleWords } from '../regroupings.js';
import { migrations } from './migrations.js';

/** The channel every commit is told on, so that page caches of all processes know. */
const CHANGES = 'storyline_changes';

/** The advisory lock every writing transaction takes, and the one migrations take. */
const WRITER_LOCK = 0x5354_4f52;
const MIGRATION_LOCK = 0x5354_4f53;

/** How many articles a page of `articles()`, `analyses()` and `placements()` reads at once. */
const PAGE = 500;

const ARTICLE_COLUMNS_BUT_TEXT = `id, identity, external_id, path, url, source, author, title, published, modified, language,
  content_hash, raw_hash, revision, seen_at, duplicate_of, similarity, changes, event_id, story_id, credits, live_page`;
const ARTICLE_COLUMNS = `${ARTICLE_COLUMNS_BUT_TEXT}, text`;

const SUMMARY_COLUMNS = `s.id, s.title, s.start, s."end",
  (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id)::integer AS article_count,
  (SELECT COUNT(DISTINCT a.source) FROM articles a WHERE a.story_id = s.id)::integer AS outlet_count,
  (SELECT COUNT(*) FROM events e WHERE e.story_id = s.id)::integer AS event_count`;

/** `@name` parameters (the story filter's) as PostgreSQL's numbered ones. */
function numbered(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/@(\w+)/g, (_, name: string) => {
    const index = names.indexOf(name);
    if (index >= 0) return `$${index + 1}`;
    names.push(name);
    return `$${names.length}`;
  });
  return { text, values: names.map((name) => params[name]) };
}

/** A postgres:// URL without its password, to name in messages. */
export function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return decodeURIComponent(parsed.toString());
  } catch {
    return 'the PostgreSQL URL given';
  }
}

/** True when `location` names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/**
 * Opens the store in the PostgreSQL database at `url`, creating and migrating its tables as needed.
 * It connects on first use: a server that cannot be reached fails that call, naming the server.
 */
export function openPostgresStore(url: string): Store {
  return new PostgresStore(url);
}

/** How many arrays `analysisColumns` gives (and `analysisInserts` numbers). */
const ANALYSIS_ARRAYS = 25;

/** The rows of an analysis as one array per column, for `unnest`. */
function analysisColumns(analysis: Analysis): unknown[] {
  const { quotes, entities, figures, dates } = analysis;
  return [
    quotes.map((q) => q.text), quotes.map((q) => q.speaker), quotes.map((q) => (q.direct ? 1 : 0)), quotes.map((q) => q.start), quotes.map((q) => q.end),
    quotes.map((q) => q.speakerStart), quotes.map((q) => q.speakerEnd), quotes.map((q) => q.attribution ?? null),
    entities.map((e) => e.text), entities.map((e) => e.name), entities.map((e) => e.type), entities.map((e) => e.start), entities.map((e) => e.end),
    figures.map((f) => f.text), figures.map((f) => f.value), figures.map((f) => f.unit), figures.map((f) => f.start), figures.map((f) => f.end),
    figures.map((f) => f.precision), figures.map((f) => f.low), figures.map((f) => f.high),
    dates.map((d) => d.text), dates.map((d) => d.value), dates.map((d) => d.start), dates.map((d) => d.end),
  ];
}

/**
 * The inserts of an analysis as CTEs, their arrays numbered from `$first` on, the article id in
 * `$id`. Rows keep their order in the analysis (`n`), which SQLite keeps by rowid.
 */
function analysisInserts(id: string, first: number): string {
  let next = first;
  const arrays = (...types: string[]): string => types.map((type) => `$${next++}::${type}[]`).join(', ');
  return `
  q AS (INSERT INTO quotes (article_id, text, speaker, direct, start, "end", speaker_start, speaker_end, attribution, n)
    SELECT ${id}, t.* FROM unnest(${arrays('text', 'text', 'integer', 'integer', 'integer', 'integer', 'integer', 'text')}) WITH ORDINALITY AS t),
  e AS (INSERT INTO entity_mentions (article_id, text, name, type, start, "end", n)
    SELECT ${id}, t.* FROM unnest(${arrays('text', 'text', 'text', 'integer', 'integer')}) WITH ORDINALITY AS t),
  f AS (INSERT INTO figures (article_id, text, value, unit, start, "end", precision, low, high, n)
    SELECT ${id}, t.* FROM unnest(${arrays('text', 'double precision', 'text', 'integer', 'integer', 'text', 'double precision', 'double precision')}) WITH ORDINALITY AS t),
  d AS (INSERT INTO date_mentions (article_id, text, value, start, "end", n)
    SELECT ${id}, t.* FROM unnest(${arrays('text', 'text', 'integer', 'integer')}) WITH ORDINALITY AS t)`;
}

/** The parameters of an article's statement, in order: its row, its analysis' arrays, its story, its event. */
const ANALYSIS_FROM = ARTICLE_ROW_WIDTH + 1;
const STORY_FROM = ANALYSIS_FROM + ANALYSIS_ARRAYS;
const placeholders = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

/** The article with its analysis, and its story and event: one statement. */
const INSERT_ARTICLE = `WITH a AS (INSERT INTO articles (${ARTICLE_ROW_COLUMNS}) VALUES (${placeholders(1, ARTICLE_ROW_WIDTH)})),
  ${analysisInserts('$1::integer', ANALYSIS_FROM)},
  s AS (INSERT INTO stories (id, title, start, "end") VALUES (${placeholders(STORY_FROM, 4)})
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, start = excluded.start, "end" = excluded."end"),
  ev AS (INSERT INTO events (id, story_id, title, start, "end") VALUES (${placeholders(STORY_FROM + 4, 5)})
    ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, title = excluded.title, start = excluded.start, "end" = excluded."end")
  SELECT 1`;

const INSERT_ANALYSIS = `WITH ${analysisInserts('$1::integer', 2)} SELECT 1`;

const UPSERT_EVENT = `INSERT INTO events (id, story_id, title, start, "end") VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, title = excluded.title, start = excluded.start, "end" = excluded."end"`;

type Batch = { writes: Array<() => Promise<void>>; lost: Error | null };

class PostgresStore implements Store {
  private client!: pg.Client;
  private ready!: Promise<void>;
  /** Why the connection was lost, once it was. */
  private broken: Error | null = null;
  /** Inside a transaction of this store's: a lost connection then fails it instead of being made again. */
  private transaction = false;
  private batch: Batch | null = null;
  /** The next article id inside the open transaction (ids follow one another, as SQLite's do). */
  private nextId: number | null = null;
  /** Bumped by every commit of any Storyline process on this database (LISTEN/NOTIFY). */
  private version = 0;

  constructor(private readonly url: string) {
    this.open();
  }

  /** Connects (again): a connection lost between transactions is made anew on the next call. */
  private open(): void {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (error) => {
      if (this.client === client) this.broken = error;
    });
    client.on('end', () => {
      if (this.client === client) this.broken ??= new Error('the server closed the connection');
    });
    client.on('notification', () => {
      this.version++;
    });
    this.client = client;
    this.broken = null;
    this.ready = this.connect(client);
    // Told on first use; not an unhandled rejection before it.
    this.ready.catch(() => undefined);
  }

  private async connect(client: pg.Client): Promise<void> {
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`cannot reach PostgreSQL at ${shown(this.url)}: ${(error as Error).message}`, { cause: error });
    }
    await this.migrate(client);
    await client.query(`LISTEN ${CHANGES}`);
    // What was written while this connection was not listening.
    this.version++;
  }

  private async migrate(client: pg.Client): Promise<void> {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS storyline_schema (version integer NOT NULL)');
      const version = ((await client.query('SELECT version FROM storyline_schema')).rows[0] as { version: number } | undefined)?.version ?? 0;
      if (version > migrations.length) {
        throw new Error(`database schema version ${version} is newer than this Storyline (${migrations.length})`);
      }
      for (let index = version; index < migrations.length; index++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[index] ?? '');
          await client.query('DELETE FROM storyline_schema');
          await client.query('INSERT INTO storyline_schema (version) VALUES ($1)', [index + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  }

  /**
   * Runs a statement; a `name`d one is parsed and planned once per connection and run by name
   * after that (the article's insert takes longer to plan than to run).
   */
  private async query(text: string, values?: unknown[], name?: string): Promise<Row[]> {
    try {
      await this.ready;
    } catch (error) {
      // The server could not be reached: the next call tries again.
      if (!this.transaction) this.open();
      throw error;
    }
    if (this.broken) {
      const lost = new Error(`the connection to PostgreSQL was lost: ${this.broken.message}`);
      // What the transaction held was rolled back by the server: it fails as a whole.
      if (this.transaction) throw lost;
      void this.client.end().catch(() => undefined);
      this.open();
      await this.ready;
    }
    return (await this.client.query(name ? { name, text, values } : { text, values })).rows as Row[];
  }

  /** Commits the open transaction, and tells every Storyline process on the database that it did. */
  private async commit(): Promise<void> {
    await this.query(`NOTIFY ${CHANGES}`);
    await this.query('COMMIT');
    this.transaction = false;
    this.version++;
  }

  /** Rolls the open transaction back; with the connection lost, the server already has. */
  private async rollback(): Promise<void> {
    const open = this.transaction;
    this.transaction = false;
    if (open && !this.broken) await this.query('ROLLBACK');
  }

  dataVersion(): number {
    return this.version;
  }

  private async one(text: string, values?: unknown[]): Promise<Row | undefined> {
    return (await this.query(text, values))[0];
  }

  /** Opens a writing transaction: the writers' lock is held until it ends. */
  private async begin(): Promise<void> {
    await this.query('BEGIN');
    this.transaction = true;
    await this.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
    this.nextId = null;
  }

  async beginBatch(): Promise<void> {
    if (this.batch) throw new Error('a batch is already open');
    await this.begin();
    this.batch = { writes: [], lost: null };
  }

  async commitBatch(): Promise<void> {
    const { batch } = this;
    this.batch = null;
    this.nextId = null;
    if (!batch) return;
    if (batch.lost) {
      await this.rollback();
      throw new Error(`the batch was rolled back when it could not be written again: ${batch.lost.message}`);
    }
    await this.commit();
  }

  async rollbackBatch(): Promise<void> {
    this.batch = null;
    this.nextId = null;
    await this.rollback();
  }

  /**
   * Runs one call's writes as a unit: in a transaction of its own, or inside the open batch. When a
   * write fails halfway inside a batch, the batch is rolled back and written again from its log
   * without the failed call (PostgreSQL has aborted the whole transaction), so only that call fails.
   */
  private async write(run: () => Promise<void>): Promise<void> {
    const { batch } = this;
    if (batch === null) {
      await this.begin();
      try {
        await run();
        await this.commit();
      } catch (error) {
        await this.rollback().catch(() => undefined);
        throw error;
      } finally {
        this.nextId = null;
      }
      return;
    }
    if (batch.lost !== null) throw new Error(`the open batch was lost: ${batch.lost.message}`);
    try {
      await run();
    } catch (error) {
      await this.redoBatch(batch);
      throw error;
    }
    batch.writes.push(run);
  }

  private async redoBatch(batch: Batch): Promise<void> {
    try {
      await this.rollback();
      await this.begin();
      for (const run of batch.writes) await run();
    } catch (error) {
      await this.rollback().catch(() => undefined);
      batch.lost = error instanceof Error ? error : new Error(String(error));
    }
  }

  async findByIdentity(identity: string): Promise<IdentityMatch | null> {
    const row = (await this.query('SELECT id, content_hash, raw_hash FROM articles WHERE identity = $1', [identity], 'by-identity'))[0];
    return row ? { id: row.id as number, contentHash: row.content_hash as string, rawHash: row.raw_hash as string } : null;
  }

  async findByContentHash(contentHash: string): Promise<{ id: number; source: string | null; title: string } | null> {
    const row = (await this.query('SELECT id, source, title FROM articles WHERE content_hash = $1 ORDER BY id LIMIT 1', [contentHash], 'by-content-hash'))[0];
    return row ? { id: row.id as number, source: (row.source as string | null) ?? null, title: row.title as string } : null;
  }

  async addArticle(record: NewArticle, place: (id: number) => Placement): Promise<{ id: number; placement: Placement }> {
    let added: { id: number; placement: Placement } | null = null;
    // Written again as it was (same id, same placement) should a later call of the batch fail.
    await this.write(async () => {
      if (added === null) {
        this.nextId ??= ((await this.one('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM articles')) as { id: number }).id;
        const id = this.nextId;
        added = { id, placement: place(id) };
      }
      await this.writeArticle(record, added.id, added.placement);
      this.nextId = added.id + 1;
    });
    return added!;
  }

  private async writeArticle(record: NewArticle, id: number, placement: Placement): Promise<void> {
    await this.writeMerges(placement);
    const { story, event } = placement;
    await this.query(
      INSERT_ARTICLE,
      [...articleRow(id, record, placement), ...analysisColumns(record.analysis), story.id, story.title, story.start, story.end, event.id, event.storyId, event.title, event.start, event.end],
      'insert-article',
    );
    const refolded = placement.refolded ?? [];
    for (const copy of refolded) {
      await this.query('UPDATE articles SET duplicate_of = $2, similarity = $3, changes = $4 WHERE id = $1', [
        copy.id,
        copy.duplicateOf,
        copy.similarity,
        copy.changes ? JSON.stringify(copy.changes) : null,
      ]);
    }
    // The reader's marks go with them, to the original each now points at.
    for (const [to, from] of refoldedByOriginal(refolded)) {
      const { text, values } = numbered(carryMarksStatement('article_id = ANY(@from::integer[])'), { to, from });
      await this.query(text, values);
    }
  }

  /** What a story or event merge moved or absorbed (the article's own event and story are written with it). */
  private async writeMerges(placement: Placement): Promise<void> {
    const { story, event } = placement;
    await this.writeRegrouping({ stories: [], movedEvents: placement.movedEvents, merged: placement.mergedStoryIds.map((id) => ({ id, into: story.id })) });
    for (const eventId of placement.mergedEventIds ?? []) {
      await this.query('UPDATE articles SET event_id = $1 WHERE event_id = $2', [event.id, eventId]);
      await this.query('DELETE FROM events WHERE id = $1', [eventId]);
      await this.query('INSERT INTO event_merges (id, into_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET into_id = excluded.into_id', [eventId, event.id]);
    }
  }

  /** Stories as they are now, events moved to another story, stories merged away (a link to one leads on). */
  private async writeRegrouping(change: Regrouping): Promise<void> {
    for (const story of change.stories) {
      await this.query(`INSERT INTO stories (id, title, start, "end") VALUES ($1, $2, $3, $4)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, start = excluded.start, "end" = excluded."end"`, [story.id, story.title, story.start, story.end]);
    }
    for (const moved of change.movedEvents) {
      await this.query(UPSERT_EVENT, [moved.id, moved.storyId, moved.title, moved.start, moved.end]);
      await this.query('UPDATE articles SET story_id = $1 WHERE event_id = $2', [moved.storyId, moved.id]);
    }
    for (const { id, into } of change.merged) {
      await this.query('DELETE FROM stories WHERE id = $1', [id]);
      await this.query('UPDATE story_merges SET into_id = $1 WHERE into_id = $2', [into, id]);
      await this.query('INSERT INTO story_merges (id, into_id) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET into_id = excluded.into_id', [id, into]);
    }
  }

  async reviseArticle(id: number, record: NewArticle): Promise<void> {
    const { article } = record;
    await this.write(async () => {
      await this.query(
        `INSERT INTO revisions (article_id, revision, title, text, published, content_hash, stored_at)
         SELECT id, revision, title, text, published, content_hash, $1 FROM articles WHERE id = $2`,
        [record.seenAt, id],
      );
      await this.query(
        `UPDATE articles SET external_id = $2, path = $3, url = $4, source = $5, author = $6, title = $7, text = $8, published = $9,
           modified = $10, language = $11, content_hash = $12, raw_hash = $13, credits = $14, revision = revision + 1 WHERE id = $1`,
        [id, article.externalId, article.path, article.url, article.source, article.author, article.title, article.text, article.published,
          article.modified, article.language, record.contentHash, record.rawHash, JSON.stringify(article.credits ?? [])],
      );
      await this.rewriteAnalysis(id, record.analysis);
    });
  }

  async replaceAnalysis(id: number, analysis: Analysis): Promise<void> {
    await this.write(() => this.rewriteAnalysis(id, analysis));
  }

  private async rewriteAnalysis(id: number, analysis: Analysis): Promise<void> {
    await this.query(`WITH q AS (DELETE FROM quotes WHERE article_id = $1), e AS (DELETE FROM entity_mentions WHERE article_id = $1),
      f AS (DELETE FROM figures WHERE article_id = $1), d AS (DELETE FROM date_mentions WHERE article_id = $1) SELECT 1`, [id]);
    await this.query(INSERT_ANALYSIS, [id, ...analysisColumns(analysis)], 'insert-analysis');
  }

  /** The analyses of the articles `ids`, each in the order it was written (`dates: false`: none of their dates). */
  private async analysesOf(ids: number[], { dates: withDates = true } = {}): Promise<Map<number, Analysis>> {
    const byArticle = new Map<number, Analysis>(ids.map((id) => [id, { quotes: [], entities: [], figures: [], dates: [] }]));
    if (ids.length === 0) return byArticle;
    const rows = (table: string): Promise<Row[]> =>
      this.query(`SELECT * FROM ${table} WHERE article_id = ANY($1::integer[]) ORDER BY article_id, start, n`, [ids]);
    const [quotes, entities, figures, dates] = [await rows('quotes'), await rows('entity_mentions'), await rows('figures'), withDates ? await rows('date_mentions') : []];
    const of = (row: Row): Analysis => byArticle.get(row.article_id as number)!;
    for (const r of quotes) of(r).quotes.push(toQuote(r));
    for (const r of entities) of(r).entities.push(toEntityMention(r));
    for (const r of figures) of(r).figures.push(toFigure(r));
    for (const r of dates) of(r).dates.push(toDateMention(r));
    return byArticle;
  }

  /** Articles with ids above `afterId` matching `where`, a page at a time, with their analyses. */
  private async *pages(where: string, afterId: number): AsyncIterable<Array<{ article: ArticleRecord; analysis: Analysis }>> {
    let after = afterId;
    for (;;) {
      const rows = await this.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE ${where} id > $1 ORDER BY id LIMIT ${PAGE}`, [after]);
      if (rows.length === 0) return;
      const articles = rows.map(toArticle);
      const analyses = await this.analysesOf(articles.map((a) => a.id));
      yield articles.map((article) => ({ article, analysis: analyses.get(article.id)! }));
      after = articles[articles.length - 1]!.id;
    }
  }

  async *placements(afterId = 0): AsyncIterable<StoredPlacement> {
    const events = new Map((await this.events()).map((event) => [event.id, event]));
    const stories = new Map((await this.stories()).map((story) => [story.id, story]));
    for await (const page of this.pages('event_id IS NOT NULL AND', afterId)) {
      for (const { article, analysis } of page) {
        const event = events.get(article.eventId ?? -1);
        const story = stories.get(event?.storyId ?? -1);
        if (!event || !story) continue;
        yield { id: article.id, article, analysis, seenAt: article.seenAt, duplicateOf: article.duplicateOf, event, story };
      }
    }
  }

  async grouperState(): Promise<GrouperState | null> {
    const row = await this.one('SELECT last_article_id, data FROM grouper_state WHERE id = 1');
    return row ? { lastArticleId: row.last_article_id as number, data: row.data as Buffer } : null;
  }

  async saveGrouperState(state: GrouperState, savedAt: string): Promise<void> {
    await this.write(async () => {
      await this.query(
        `INSERT INTO grouper_state (id, last_article_id, saved_at, data) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET last_article_id = excluded.last_article_id, saved_at = excluded.saved_at, data = excluded.data`,
        [state.lastArticleId, savedAt, Buffer.from(state.data.buffer, state.data.byteOffset, state.data.byteLength)],
      );
    });
  }

  async highestIds(): Promise<{ event: number; story: number }> {
    const row = (await this.one(
      `SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM events), (SELECT COALESCE(MAX(id), 0) FROM event_merges)) AS event,
         GREATEST((SELECT COALESCE(MAX(id), 0) FROM stories), (SELECT COALESCE(MAX(id), 0) FROM story_merges)) AS story`,
    ))!;
    return { event: row.event as number, story: row.story as number };
  }

  async latestArticleId(): Promise<number> {
    return (await this.one('SELECT COALESCE(MAX(id), 0) AS id FROM articles'))!.id as number;
  }

  /** The story `id` is now part of: itself, or the end of its chain of merges. */
  private async storyNow(id: number): Promise<number | null> {
    let current = id;
    for (let hop = 0; hop < 64; hop++) {
      if (await this.one('SELECT 1 FROM stories WHERE id = $1', [current])) return current;
      const into = await this.one('SELECT into_id FROM story_merges WHERE id = $1', [current]);
      if (!into) return null;
      current = into.into_id as number;
    }
    return null;
  }

  private async lastArticleOf(storyId: number): Promise<number> {
    return (await this.one('SELECT COALESCE(MAX(id), 0) AS id FROM articles WHERE story_id = $1', [storyId]))!.id as number;
  }

  async followStory(id: number, at: string): Promise<number | null> {
    const story = await this.storyNow(id);
    if (story === null) return null;
    await this.write(async () => {
      const last = await this.lastArticleOf(story);
      await this.query(
        `INSERT INTO followed_stories (story_id, followed_at, since_article_id, seen_at, seen_article_id) VALUES ($1, $2, $3, $2, $3)
         ON CONFLICT (story_id) DO NOTHING`,
        [story, at, last],
      );
    });
    return story;
  }

  async alertTargets(): Promise<AlertTarget[]> {
    return (await this.query(ALERT_TARGETS)).map(toAlertTarget);
  }

  async addAlertTarget(target: Pick<AlertTarget, 'url' | 'format' | 'linkBase'>, at: string): Promise<void> {
    const { text, values } = numbered(ADD_ALERT_TARGET, { ...target, at });
    await this.write(async () => void (await this.query(text, values)));
  }

  async removeAlertTarget(url: string): Promise<boolean> {
    const { text, values } = numbered(`${REMOVE_ALERT_TARGET} RETURNING url`, { url });
    let removed = false;
    await this.write(async () => {
      removed = (await this.query(text, values)).length > 0;
    });
    return removed;
  }

  async claimAlerts(url: string, from: number, to: number): Promise<boolean> {
    const { text, values } = numbered(`${CLAIM_ALERTS} RETURNING url`, { url, from, to });
    let claimed = false;
    await this.write(async () => {
      claimed = (await this.query(text, values)).length > 0;
    });
    return claimed;
  }

  async recordAlertSending(url: string, span: { from: number; to: number }, at: string, error?: string): Promise<void> {
    const { text, values } = error === undefined ? numbered(ALERTS_SENT, { url, at }) : numbered(ALERTS_FAILED, { url, at, error, ...span });
    await this.write(async () => void (await this.query(text, values)));
  }

  async unfollowStory(id: number): Promise<boolean> {
    const story = (await this.storyNow(id)) ?? id;
    let removed = false;
    await this.write(async () => {
      removed = (await this.query('DELETE FROM followed_stories WHERE story_id = $1 RETURNING story_id', [story])).length > 0;
    });
    return removed;
  }

  async followedStories(): Promise<FollowedStory[]> {
    const rows = await this.query('SELECT f.*, s.title FROM followed_stories f LEFT JOIN stories s ON s.id = f.story_id ORDER BY f.story_id');
    const byStory = new Map<number, FollowedStory>();
    for (const row of rows) {
      const storyId = row.title === null ? await this.storyNow(row.story_id as number) : (row.story_id as number);
      if (storyId === null) continue;
      const title = (row.title as string | null) ?? ((await this.one('SELECT title FROM stories WHERE id = $1', [storyId]))!.title as string);
      byStory.set(storyId, combineFollowed(byStory.get(storyId), toFollowed(row, storyId, title)));
    }
    return [...byStory.values()];
  }

  async markStorySeen(id: number, at: string): Promise<void> {
    const story = await this.storyNow(id);
    if (story === null) return;
    await this.write(async () => {
      const last = await this.lastArticleOf(story);
      // Rows of stories merged into this one are filed under it.
      for (const row of await this.query('SELECT story_id FROM followed_stories WHERE story_id <> $1', [story])) {
        const old = row.story_id as number;
        if ((await this.storyNow(old)) !== story) continue;
        await this.query(
          `INSERT INTO followed_stories (story_id, followed_at, since_article_id, seen_at, seen_article_id)
           SELECT $1, followed_at, since_article_id, seen_at, seen_article_id FROM followed_stories WHERE story_id = $2 ON CONFLICT (story_id) DO NOTHING`,
          [story, old],
        );
        await this.query('DELETE FROM followed_stories WHERE story_id = $1', [old]);
      }
      await this.query('UPDATE followed_stories SET seen_at = $1, seen_article_id = $2 WHERE story_id = $3 AND seen_article_id < $2', [at, last, story]);
    });
  }

  async storyArrivals(storyId: number, afterId: number, limit: number): Promise<StoryArrival[]> {
    const rows = await this.query(
      `SELECT a.id, a.story_id, a.title, a.source, a.published, a.seen_at, a.duplicate_of, a.event_id, e.title AS event_title,
         NOT EXISTS (SELECT 1 FROM articles b WHERE b.event_id = a.event_id AND b.story_id = a.story_id AND b.id <= $2) AS new_event,
         NOT EXISTS (SELECT 1 FROM articles b WHERE b.source IS NOT DISTINCT FROM a.source AND b.story_id = a.story_id AND b.id <= $2) AS new_outlet
       FROM articles a LEFT JOIN events e ON e.id = a.event_id
       WHERE a.story_id = $1 AND a.id > $2 ORDER BY a.id DESC LIMIT $3`,
      [storyId, afterId, limit],
    );
    return rows.map(toArrival);
  }

  async eventMergedInto(id: number): Promise<{ eventId: number; storyId: number } | null> {
    let current = id;
    for (let hop = 0; hop < 64; hop++) {
      const into = await this.one('SELECT into_id FROM event_merges WHERE id = $1', [current]);
      if (!into) break;
      current = into.into_id as number;
    }
    if (current === id) return null;
    const event = await this.one('SELECT story_id FROM events WHERE id = $1', [current]);
    return event ? { eventId: current, storyId: event.story_id as number } : null;
  }

  async mergeStories(ids: number[], into: number, at: string): Promise<{ regrouping: Regrouping } | { missing: number }> {
    let result: { regrouping: Regrouping } | { missing: number } = { missing: into };
    await this.write(async () => {
      result = { missing: into };
      const target = await this.storyNow(into);
      if (target === null) return;
      const merged = new Set<number>();
      for (const id of ids) {
        const now = await this.storyNow(id);
        if (now === null) {
          result = { missing: id };
          return;
        }
        if (now !== target) merged.add(now);
      }
      const rows = await this.query('SELECT * FROM stories WHERE id = ANY($1::integer[]) ORDER BY id', [[target, ...merged]]);
      const stories = rows.map(toStory);
      const events = (
        await this.query(
          `SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id)::integer AS articles
           FROM events e WHERE e.story_id = ANY($1::integer[]) ORDER BY e.id`,
          [[target, ...merged]],
        )
      ).map((row) => ({ event: toEvent(row), articles: row.articles as number }));
      const regrouping = storyMerge(stories.find((s) => s.id === target)!, stories.filter((s) => s.id !== target), events);
      await this.writeRegrouping(regrouping);
      for (const story of stories.filter((s) => s.id !== target)) {
        const eventIds = events.filter((e) => e.event.storyId === story.id).map((e) => e.event.id);
        await this.query("INSERT INTO regroupings (made_at, kind, story_id, into_id, title, event_ids) VALUES ($1, 'merge', $2, $3, $4, $5)", [at, story.id, target, story.title, JSON.stringify(eventIds)]);
      }
      result = { regrouping };
    });
    return result;
  }

  async undoMerge(storyId: number, at: string): Promise<{ regrouping: Regrouping } | { notMerged: number }> {
    let result: { regrouping: Regrouping } | { notMerged: number } = { notMerged: storyId };
    await this.write(async () => {
      result = { notMerged: storyId };
      const merge = await this.one("SELECT id, title, event_ids FROM regroupings WHERE kind = 'merge' AND story_id = $1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1", [storyId]);
      const current = await this.storyNow(storyId);
      if (!merge || current === null || current === storyId) return;
      const sizes = (await this.query('SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id)::integer AS articles FROM events e WHERE e.story_id = $1 ORDER BY e.id', [current])).map((r) => ({ event: toEvent(r), articles: r.articles as number }));
      const back = new Set<number>();
      for (const id of JSON.parse(merge.event_ids as string) as number[]) {
        let now = id;
        for (let hop = 0; hop < 64; hop++) {
          const into = await this.one('SELECT into_id FROM event_merges WHERE id = $1', [now]);
          if (!into) break;
          now = into.into_id as number;
        }
        back.add(now);
      }
      const moved = sizes.filter((e) => back.has(e.event.id)).map((e) => e.event);
      if (moved.length === 0 || moved.length === sizes.length) return;
      const from = toStory((await this.one('SELECT * FROM stories WHERE id = $1', [current]))!);
      const regrouping = eventsMove(moved, from, sizes, { id: storyId, title: merge.title as string, start: null, end: null }, []);
      await this.query('DELETE FROM story_merges WHERE id = $1', [storyId]);
      await this.writeRegrouping(regrouping);
      await this.query('UPDATE regroupings SET undone_at = $1 WHERE id = $2', [at, merge.id]);
      await this.query("INSERT INTO regroupings (made_at, kind, story_id, into_id) VALUES ($1, 'unmerge', $2, $3)", [at, current, storyId]);
      result = { regrouping };
    });
    return result;
  }

  async mergedByHand(storyId: number): Promise<Array<{ storyId: number; title: string; madeAt: string }>> {
    const merged = [];
    for (const r of await this.query("SELECT story_id, title, made_at FROM regroupings WHERE kind = 'merge' AND undone_at IS NULL ORDER BY id DESC")) {
      if (r.story_id !== storyId && (await this.storyNow(r.story_id as number)) === storyId) merged.push({ storyId: r.story_id as number, title: r.title as string, madeAt: r.made_at as string });
    }
    return merged;
  }

  async moveEvent(eventId: number, into: number | null, at: string): Promise<{ regrouping: Regrouping } | { missingEvent: number } | { missingStory: number }> {
    let result: { regrouping: Regrouping } | { missingEvent: number } | { missingStory: number } = { missingEvent: eventId };
    await this.write(async () => {
      result = { missingEvent: eventId };
      let current = eventId;
      for (let hop = 0; hop < 64; hop++) {
        const merged = await this.one('SELECT into_id FROM event_merges WHERE id = $1', [current]);
        if (!merged) break;
        current = merged.into_id as number;
      }
      const row = await this.one('SELECT * FROM events WHERE id = $1', [current]);
      if (!row) return;
      const moved = toEvent(row);
      const storyOf = async (id: number): Promise<StoryRecord> => toStory((await this.one('SELECT * FROM stories WHERE id = $1', [id]))!);
      const sizes = async (storyId: number) =>
        (await this.query('SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id)::integer AS articles FROM events e WHERE e.story_id = $1 ORDER BY e.id', [storyId])).map((r) => ({
          event: toEvent(r),
          articles: r.articles as number,
        }));
      const highest = async (): Promise<number> =>
        (await this.one('SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM stories), (SELECT COALESCE(MAX(id), 0) FROM story_merges))::integer AS id'))!.id as number;
      const where = moveTarget(moved, into, into === null ? null : await this.storyNow(into), into === null ? await highest() : 0);
      if ('missingStory' in where || 'unchanged' in where) {
        result = 'missingStory' in where ? where : { regrouping: where.unchanged };
        return;
      }
      const target = 'newStory' in where ? where.newStory : await storyOf(where.story);
      const regrouping = eventsMove([moved], await storyOf(moved.storyId), await sizes(moved.storyId), target, into === null ? [] : await sizes(target.id));
      await this.writeRegrouping(regrouping);
      await this.query("INSERT INTO regroupings (made_at, kind, story_id, into_id, event_id) VALUES ($1, 'move-event', $2, $3, $4)", [at, moved.storyId, target.id, moved.id]);
      result = { regrouping };
    });
    return result;
  }

  async storiesKeptApart(): Promise<Array<[number, number]>> {
    const now: Array<[number | null, number | null]> = [];
    for (const r of await this.query("SELECT story_id, into_id FROM regroupings WHERE kind IN ('move-event', 'unmerge') ORDER BY id")) {
      now.push([await this.storyNow(r.story_id as number), await this.storyNow(r.into_id as number)]);
    }
    return apartNow(now);
  }

  async relatedStories(id: number, limit: number): Promise<Array<{ story: StorySummary; shared: string[] }>> {
    const names = (
      await this.query(
        `SELECT m.name FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE a.story_id = $1
         GROUP BY m.name ORDER BY COUNT(DISTINCT a.id) DESC, m.name COLLATE "C" LIMIT ${RELATED_NAMES}`,
        [id],
      )
    ).map((r) => r.name as string);
    const byName: Array<[string, number[]]> = [];
    for (const name of names) {
      const rows = await this.query(
        `SELECT DISTINCT a.story_id FROM (SELECT article_id FROM entity_mentions WHERE name = $1 ORDER BY article_id DESC LIMIT ${RELATED_MENTIONS}) m
         JOIN articles a ON a.id = m.article_id WHERE a.story_id <> $2`,
        [name, id],
      );
      byName.push([name, rows.map((r) => r.story_id as number)]);
    }
    const titles = (await this.query('SELECT title FROM stories WHERE id = $1 UNION ALL (SELECT title FROM events WHERE story_id = $1 ORDER BY id)', [id])).map((r) => r.title as string);
    for (const word of titleWords(titles, names)) {
      const rows = await this.query(
        `SELECT DISTINCT story_id FROM (SELECT story_id FROM articles WHERE search @@ plainto_tsquery('simple', $1) ORDER BY id DESC LIMIT ${RELATED_MENTIONS}) a WHERE story_id <> $2`,
        [word, id],
      );
      byName.push([word, rows.map((r) => r.story_id as number)]);
    }
    const related = [];
    for (const [storyId, shared] of sharedByStory(byName).slice(0, limit)) {
      const row = await this.one(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = $1`, [storyId]);
      if (row) related.push({ story: toSummary(row), shared });
    }
    return related;
  }

  async regroupingsMade(): Promise<number> {
    return (await this.one('SELECT COALESCE(MAX(id), 0)::integer AS n FROM regroupings'))!.n as number;
  }

  async mergedInto(id: number): Promise<number | null> {
    return ((await this.one('SELECT into_id FROM story_merges WHERE id = $1', [id]))?.into_id as number | undefined) ?? null;
  }

  async addSubscriptions(subscriptions: Subscription[]): Promise<number> {
    await this.write(async () => {
      for (const s of subscriptions) {
        await this.query(
          `INSERT INTO subscriptions (feed_url, title, site_url) VALUES ($1, $2, $3)
           ON CONFLICT (feed_url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url`,
          [s.feedUrl, s.title, s.siteUrl],
        );
      }
    });
    return subscriptions.length;
  }

  async feeds(): Promise<Feed[]> {
    return (await this.query('SELECT * FROM subscriptions ORDER BY title IS NULL, title, feed_url')).map(toFeed);
  }

  async recordFeedFetch(feedUrl: string, state: FeedState, movedTo: string | null = null): Promise<void> {
    await this.write(async () => {
      let url = feedUrl;
      if (movedTo && movedTo !== feedUrl) {
        if (await this.one('SELECT 1 FROM subscriptions WHERE feed_url = $1', [movedTo])) await this.query('DELETE FROM subscriptions WHERE feed_url = $1', [feedUrl]);
        else await this.query('UPDATE subscriptions SET feed_url = $1 WHERE feed_url = $2', [movedTo, feedUrl]);
        url = movedTo;
      }
      await this.query(
        `UPDATE subscriptions SET etag = $2, last_modified = $3, fetched_at = $4, next_fetch_at = $5, failures = $6, last_error = $7,
           last_items = $8, last_new = $9 WHERE feed_url = $1`,
        [url, state.etag, state.lastModified, state.fetchedAt, state.nextFetchAt, state.failures, state.lastError, state.lastItems, state.lastNew],
      );
    });
  }

  async removeSubscriptions(feedUrls: string[]): Promise<number> {
    let removed = 0;
    await this.write(async () => {
      removed = (await this.query('DELETE FROM subscriptions WHERE feed_url = ANY($1::text[]) RETURNING feed_url', [feedUrls])).length;
    });
    return removed;
  }

  async subscriptions(): Promise<Subscription[]> {
    return (await this.query('SELECT feed_url, title, site_url FROM subscriptions ORDER BY title, feed_url')).map(toSubscription);
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const { where, params } = storyFilter(options);
    // Page the stories first (by the index on recency), then count only the page's articles.
    const { text, values } = numbered(
      `SELECT ${SUMMARY_COLUMNS} FROM (SELECT * FROM stories s ${where}
        ORDER BY COALESCE(s."end", s.start) DESC, s.id DESC LIMIT @limit OFFSET @offset) s
       ORDER BY COALESCE(s."end", s.start) DESC, s.id DESC`,
      params,
    );
    return (await this.query(text, values)).map(toSummary);
  }

  async getStory(id: number): Promise<StoryDetail | null> {
    return this.readStory(id, true);
  }

  async storyPage(id: number): Promise<StoryDetail | null> {
    return this.readStory(id, false);
  }

  private async readStory(id: number, whole: boolean): Promise<StoryDetail | null> {
    const row = await this.one(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = $1`, [id]);
    if (!row) return null;
    const columns = whole ? ARTICLE_COLUMNS : ARTICLE_COLUMNS_BUT_TEXT;
    const articles = (await this.query(`SELECT ${columns} FROM articles WHERE story_id = $1 ORDER BY published IS NULL, published, id`, [id])).map(toArticle);
    const analyses = await this.analysesOf(articles.map((a) => a.id), { dates: whole });
    return {
      story: toSummary(row),
      events: (await this.query('SELECT * FROM events WHERE story_id = $1 ORDER BY start IS NULL, start, id', [id])).map(toEvent),
      articles,
      analyses: articles.map((article) => ({ articleId: article.id, ...analyses.get(article.id)! })),
    };
  }

  async readerOutlets(afterId = 0): Promise<ReaderOutlet[]> {
    const { text, values } = numbered(READER_OUTLETS, { after: afterId });
    return (await this.query(text, values)).map(toReaderOutlet);
  }

  async readerItems(query: { ids?: number[]; sinceId?: number; maxId?: number; limit: number }): Promise<ReaderItem[]> {
    const rows = query.ids
      ? await this.query(`${READER_ITEMS} a.id = ANY($1::integer[]) ORDER BY a.id LIMIT $2`, [query.ids, query.limit])
      : query.maxId !== undefined
        ? await this.query(`${READER_ITEMS} a.id < $1 ORDER BY a.id DESC LIMIT $2`, [query.maxId, query.limit])
        : await this.query(`${READER_ITEMS} a.id > $1 ORDER BY a.id LIMIT $2`, [query.sinceId ?? 0, query.limit]);
    const copies = await this.query('SELECT duplicate_of, source, title, url FROM articles WHERE duplicate_of = ANY($1::integer[]) ORDER BY id', [rows.map((r) => r.id)]);
    return toReaderItems(rows, copies);
  }

  async readerItemIds(query: ReaderItemQuery): Promise<number[]> {
    const { sql, params } = readerItemIdsQuery(query);
    const { text, values } = numbered(sql, params);
    return (await this.query(text, values)).map((r) => r.id as number);
  }

  async readerUnreadCounts(limit: number): Promise<ReaderUnreadCount[]> {
    const { text, values } = numbered(READER_UNREAD_COUNTS, { limit });
    return (await this.query(text, values)).map(toReaderUnreadCount);
  }

  async readerItemCount(): Promise<number> {
    return (await this.one('SELECT COUNT(*)::integer AS n FROM articles WHERE duplicate_of IS NULL'))!.n as number;
  }

  async markArticles(ids: number[], marks: { read?: boolean; saved?: boolean }, at: string): Promise<void> {
    await this.write(async () => {
      for (const [column, on] of [['read_at', marks.read], ['saved_at', marks.saved]] as const) {
        if (on === undefined) continue;
        const { text } = numbered(markStatement(column), {});
        for (const id of ids) await this.query(text, [id, on ? at : null]);
      }
    });
  }

  async markReadBefore(before: string, at: string, outlet?: string | null): Promise<number> {
    const condition = outlet === undefined ? '' : outlet === null ? 'AND a.source IS NULL' : 'AND a.source = @outlet';
    const { text, values } = numbered(`${markReadBeforeStatement(condition)} RETURNING article_id`, { before, at, outlet });
    let marked = 0;
    await this.write(async () => {
      marked = (await this.query(text, values)).length;
    });
    return marked;
  }

  async coverage(storyIds: readonly number[]): Promise<Map<number, DayCount[]>> {
    const result = new Map<number, DayCount[]>();
    if (storyIds.length === 0) return result;
    const rows = await this.query(
      `WITH chosen AS (SELECT story_id, published, seen_at, bool_or(published IS NOT NULL) OVER (PARTITION BY story_id) AS dated
         FROM articles WHERE story_id = ANY($1::integer[])),
       days AS (SELECT story_id, substr(CASE WHEN dated THEN published ELSE seen_at END, 1, 10) AS day FROM chosen)
       SELECT story_id, day, COUNT(*)::integer AS n FROM days WHERE day IS NOT NULL GROUP BY story_id, day ORDER BY story_id, day`,
      [storyIds],
    );
    for (const r of rows) {
      const list = result.get(r.story_id as number) ?? [];
      list.push({ day: r.day as string, count: r.n as number });
      result.set(r.story_id as number, list);
    }
    return result;
  }

  async storyTitles(storyIds: readonly number[]): Promise<Map<number, string>> {
    if (storyIds.length === 0) return new Map();
    const rows = await this.query('SELECT id, title FROM stories WHERE id = ANY($1::integer[])', [storyIds]);
    return new Map(rows.map((r) => [r.id as number, r.title as string]));
  }

  async getArticle(id: number): Promise<{ article: ArticleRecord; analysis: Analysis; copies: ArticleRecord[] } | null> {
    const row = await this.one(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
    if (!row) return null;
    return {
      article: toArticle(row),
      analysis: (await this.analysesOf([id])).get(id)!,
      copies: (await this.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE duplicate_of = $1 ORDER BY published IS NULL, published, id`, [id])).map(toArticle),
    };
  }

  async publishedOf(id: number): Promise<string | null> {
    return ((await this.one('SELECT published FROM articles WHERE id = $1', [id]))?.published as string | null | undefined) ?? null;
  }

  async search(query: string, limit = 50): Promise<SearchHit[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    // Every word, as the SQLite store's FTS5 query asks; the best hits first, then a snippet of
    // each that marks any of the words (the text may hold only some: the title counts too).
    const rows = await this.query(
      `WITH query AS (SELECT plainto_tsquery('simple', $1) AS q, replace(plainto_tsquery('simple', $1)::text, '&', '|')::tsquery AS any),
       hits AS (SELECT a.id, ts_rank(a.search, query.q) AS rank FROM articles a, query WHERE a.search @@ query.q ORDER BY rank DESC, a.id LIMIT $2),
       shown AS (SELECT a.id, a.story_id, a.title, a.source, a.published, a.text, hits.rank,
         ts_headline('simple', a.text, query.any, 'StartSel=[, StopSel=], MaxFragments=1, MinWords=8, MaxWords=16') AS snippet
         FROM hits JOIN articles a ON a.id = hits.id, query)
       SELECT id, story_id, title, source, published,
         CASE WHEN starts_with(text, translate(snippet, '[]', '')) THEN '' ELSE '…' END || snippet
         || CASE WHEN right(text, length(translate(snippet, '[]', ''))) = translate(snippet, '[]', '') THEN '' ELSE '…' END AS snippet
       FROM shown ORDER BY rank DESC, id`,
      [terms.join(' '), limit],
    );
    return rows.map(toSearchHit);
  }

  async *articles(): AsyncIterable<ArticleRecord> {
    let after = 0;
    for (;;) {
      const page = await this.articlesAfter(after, PAGE);
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]!.id;
    }
  }

  async articlesAfter(afterId: number, limit: number): Promise<ArticleRecord[]> {
    return (await this.query(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit])).map(toArticle);
  }

  async *analyses(): AsyncIterable<ArticleAnalysisRows> {
    let after = 0;
    for (;;) {
      const ids = (await this.query(`SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, [after])).map((r) => r.id as number);
      if (ids.length === 0) return;
      const analyses = await this.analysesOf(ids);
      for (const id of ids) yield { articleId: id, ...analyses.get(id)! };
      after = ids[ids.length - 1]!;
    }
  }

  async events(): Promise<EventRecord[]> {
    return (await this.query('SELECT * FROM events ORDER BY id')).map(toEvent);
  }

  async stories(): Promise<StoryRecord[]> {
    return (await this.query('SELECT * FROM stories ORDER BY id')).map(toStory);
  }

  async counts(): Promise<{ articles: number; events: number; stories: number }> {
    const row = (await this.one(
      'SELECT (SELECT COUNT(*) FROM articles)::integer AS articles, (SELECT COUNT(*) FROM events)::integer AS events, (SELECT COUNT(*) FROM stories)::integer AS stories',
    ))!;
    return { articles: row.articles as number, events: row.events as number, stories: row.stories as number };
  }

  async close(): Promise<void> {
    const { client } = this;
    await this.ready.catch(() => undefined);
    this.broken = new Error('the store was closed');
    await client.end().catch(() => undefined);
  }
}
