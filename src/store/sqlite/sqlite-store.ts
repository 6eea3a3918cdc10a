/**
 * @module The embedded store: SQLite through better-sqlite3, in WAL mode with synchronous=NORMAL
 * (a killed process loses no committed transaction), one transaction per article or per batch of
 * articles.
 */
import Database from 'better-sqlite3';
import type { Analysis, EventRecord, GrouperState, Placement, Regrouping, StoredPlacement, StoryRecord } from '../../model/index.js';
import type { Feed, FeedState } from '../../sources/feed-schedule.js';
import type { Subscription } from '../../sources/source-item.js';
import type {
  AlertTarget,
  ArticleAnalysisRows,
  ArticleRecord,
  DayCount,
  IdentityMatch,
  NewArticle,
  ReaderItem,
  ReaderItemQuery,
  ReaderOutlet,
  ReaderUnreadCount,
  SearchHit,
  Store,
  FollowedStory,
  StoryArrival,
  StoryDetail,
  StoryListOptions,
  StorySummary,
} from '../store.js';
import { migrations } from './migrations.js';
import { ADD_ALERT_TARGET, ALERT_TARGETS, ALERTS_FAILED, ALERTS_SENT, CLAIM_ALERTS, REMOVE_ALERT_TARGET, toAlertTarget } from '../alert-queries.js';
import { apartNow, eventsMove, moveTarget, RELATED_MENTIONS, RELATED_NAMES, sharedByStory, storyMerge, titleWords } from '../regroupings.js';
import { ARTICLE_ROW_COLUMNS, ARTICLE_ROW_WIDTH, articleRow, combineFollowed, toArrival, toArticle, toDateMention, toEntityMention, toEvent, toFeed, toFigure, toFollowed, toQuote, toSearchHit, toStory, toSubscription, toSummary, type Row } from '../rows.js';
import { carryMarksStatement, markReadBeforeStatement, markStatement, READER_ITEMS, READER_OUTLETS, READER_UNREAD_COUNTS, readerItemIdsQuery, refoldedByOriginal, toReaderItems, toReaderOutlet, toReaderUnreadCount } from '../reader-queries.js';
import { storyFilter } from '../story-filter.js';
import { readStoryPage, storyCoverage, storyTitles } from './story-reads.js';

/** Opens (creating and migrating as needed) a SQLite store at `file` (":memory:" for tests). */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A bigger page cache than SQLite's 2 MB default keeps the hot index pages (identity, content
  // hash, FTS) in memory as the store grows; temporary b-trees stay in memory too.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Checkpoints every ~40 MB of WAL instead of 4 MB: the pages every batch rewrites (the newest
  // FTS segments, index tails, open events) are copied to the database once per checkpoint, so
  // fewer checkpoints copy fewer pages (a fifth of the commit's cost in bench/store-write).
  db.pragma('wal_autocheckpoint = 10000');
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(`database schema version ${version} is newer than this Storyline (${migrations.length})`);
  }
  for (let index = version; index < migrations.length; index++) {
    db.transaction(() => {
      db.exec(migrations[index] ?? '');
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
}

class SqliteStore implements Store {
  private readonly statements;
  /**
   * The open batch: each call's writes, logged to be written again should a later call fail
   * halfway, and why the batch was lost when even that failed (its commit then fails).
   */
  private batch: { writes: Array<() => void>; lost: Error | null } | null = null;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      byIdentity: db.prepare('SELECT id, content_hash, raw_hash FROM articles WHERE identity = ?'),
      byContentHash: db.prepare('SELECT id, source, title FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1'),
      // The id SQLite would give the next row (no AUTOINCREMENT): known before the insert, so the
      // article is written once, with its placement, instead of inserted and then updated.
      nextArticleId: db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM articles'),
      // Positional: binding 21 named parameters from a spread object cost more than the values do.
      insertArticle: db.prepare(`INSERT INTO articles (${ARTICLE_ROW_COLUMNS}) VALUES (${Array(ARTICLE_ROW_WIDTH).fill('?').join(', ')})`),
      refoldArticle: db.prepare('UPDATE articles SET duplicate_of = @duplicateOf, similarity = @similarity, changes = @changes WHERE id = @id'),
      upsertStory: db.prepare(`INSERT INTO stories (id, title, start, "end") VALUES (@id, @title, @start, @end)
        ON CONFLICT(id) DO UPDATE SET title = excluded.title, start = excluded.start, "end" = excluded."end"`),
      upsertEvent: db.prepare(`INSERT INTO events (id, story_id, title, start, "end") VALUES (@id, @storyId, @title, @start, @end)
        ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, title = excluded.title, start = excluded.start, "end" = excluded."end"`),
      moveStoryArticles: db.prepare('UPDATE articles SET story_id = @storyId WHERE event_id = @eventId'),
      deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
      recordMerge: db.prepare('INSERT OR REPLACE INTO story_merges (id, into_id) VALUES (?, ?)'),
      repointMerges: db.prepare('UPDATE story_merges SET into_id = ? WHERE into_id = ?'),
      moveEventArticles: db.prepare('UPDATE articles SET event_id = @into WHERE event_id = @from'),
      deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
      recordEventMerge: db.prepare('INSERT OR REPLACE INTO event_merges (id, into_id) VALUES (?, ?)'),
      insertQuote: db.prepare(`INSERT INTO quotes (article_id, text, speaker, direct, start, "end", speaker_start, speaker_end, attribution)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertEntity: db.prepare('INSERT INTO entity_mentions (article_id, text, name, type, start, "end") VALUES (?, ?, ?, ?, ?, ?)'),
      insertFigure: db.prepare('INSERT INTO figures (article_id, text, value, unit, start, "end", precision, low, high) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertDate: db.prepare('INSERT INTO date_mentions (article_id, text, value, start, "end") VALUES (?, ?, ?, ?, ?)'),
      keepRevision: db.prepare(`INSERT INTO revisions (article_id, revision, title, text, published, content_hash, stored_at)
        SELECT id, revision, title, text, published, content_hash, ? FROM articles WHERE id = ?`),
      reviseArticle: db.prepare(`UPDATE articles SET external_id = @externalId, path = @path, url = @url, source = @source,
        author = @author, title = @title, text = @text, published = @published, modified = @modified, language = @language,
        content_hash = @contentHash, raw_hash = @rawHash, credits = @credits, revision = revision + 1 WHERE id = @id`),
      deleteAnalysis: ['quotes', 'entity_mentions', 'figures', 'date_mentions'].map((table) => db.prepare(`DELETE FROM ${table} WHERE article_id = ?`)),
      articleById: db.prepare('SELECT * FROM articles WHERE id = ?'),
      articlesAfter: db.prepare('SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?'),
      publishedById: db.prepare('SELECT published FROM articles WHERE id = ?').pluck(),
      copiesOf: db.prepare('SELECT * FROM articles WHERE duplicate_of = ? ORDER BY published IS NULL, published, id'),
      storyById: db.prepare(`SELECT s.*, COUNT(a.id) AS article_count, COUNT(DISTINCT a.source) AS outlet_count,
        (SELECT COUNT(*) FROM events e WHERE e.story_id = s.id) AS event_count
        FROM stories s LEFT JOIN articles a ON a.story_id = s.id WHERE s.id = ? GROUP BY s.id`),
      eventsOfStory: db.prepare('SELECT * FROM events WHERE story_id = ? ORDER BY start IS NULL, start, id'),
      articlesOfStory: db.prepare('SELECT * FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id'),
      quotesOf: db.prepare('SELECT * FROM quotes WHERE article_id = ? ORDER BY start'),
      entitiesOf: db.prepare('SELECT * FROM entity_mentions WHERE article_id = ? ORDER BY start'),
      figuresOf: db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY start'),
      datesOf: db.prepare('SELECT * FROM date_mentions WHERE article_id = ? ORDER BY start'),
      insertSubscription: db.prepare(`INSERT INTO subscriptions (feed_url, title, site_url) VALUES (?, ?, ?)
        ON CONFLICT(feed_url) DO UPDATE SET title = excluded.title, site_url = excluded.site_url`),
    };
  }

  async beginBatch(): Promise<void> {
    if (this.db.inTransaction) throw new Error('a batch is already open');
    // The write lock at once: another process's batch waits until this one ends (busy_timeout).
    this.db.exec('BEGIN IMMEDIATE');
    this.batch = { writes: [], lost: null };
  }

  async commitBatch(): Promise<void> {
    const lost = this.batch?.lost;
    this.batch = null;
    if (lost) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw new Error(`the batch was rolled back when it could not be written again: ${lost.message}`);
    }
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  async rollbackBatch(): Promise<void> {
    this.batch = null;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /**
   * Runs one article's (or one call's) writes as a unit: in a transaction of its own, or inside the
   * open batch without a savepoint (its page copies cost as much as a fifth of the writes). When a
   * write fails halfway inside a batch, the batch is rolled back and written again from its log,
   * without the failed call, so only that call fails and nothing else of the batch is lost.
   */
  private write(run: () => void): void {
    const { batch } = this;
    if (batch === null) {
      this.db.transaction(run).immediate();
      return;
    }
    if (batch.lost !== null) throw new Error(`the open batch was lost: ${batch.lost.message}`);
    try {
      run();
    } catch (error) {
      this.redoBatch(batch);
      throw error;
    }
    batch.writes.push(run);
  }

  /** Rolls the open batch back and writes its logged calls again, each as it was done before. */
  private redoBatch(batch: { writes: Array<() => void>; lost: Error | null }): void {
    // SQLite may have rolled back already (a full disk, say).
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const run of batch.writes) run();
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.lost = error instanceof Error ? error : new Error(String(error));
    }
  }

  async findByIdentity(identity: string): Promise<IdentityMatch | null> {
    const row = this.statements.byIdentity.get(identity) as Row | undefined;
    return row ? { id: row.id as number, contentHash: row.content_hash as string, rawHash: row.raw_hash as string } : null;
  }

  async findByContentHash(contentHash: string): Promise<{ id: number; source: string | null; title: string } | null> {
    const row = this.statements.byContentHash.get(contentHash) as Row | undefined;
    return row ? { id: row.id as number, source: (row.source as string | null) ?? null, title: row.title as string } : null;
  }

  async addArticle(record: NewArticle, place: (id: number) => Placement): Promise<{ id: number; placement: Placement }> {
    const placed = (): { id: number; placement: Placement } => {
      const id = (this.statements.nextArticleId.get() as { id: number }).id;
      return { id, placement: place(id) };
    };
    if (this.batch === null) {
      // A transaction of its own: the id read and the writes are one unit.
      return this.db
        .transaction(() => {
          const added = placed();
          this.writeArticle(record, added.id, added.placement);
          return added;
        })
        .immediate();
    }
    const added = placed();
    this.write(() => this.writeArticle(record, added.id, added.placement));
    return added;
  }

  private writeArticle(record: NewArticle, id: number, placement: Placement): void {
    this.writeGroups(placement);
    this.statements.insertArticle.run(...articleRow(id, record, placement));
    this.writeAnalysis(id, record.analysis);
    this.refold(placement);
  }

  /** The article's event and story, and what a story or event merge moved or absorbed. */
  private writeGroups(placement: Placement): void {
    const { statements } = this;
    statements.upsertStory.run(placement.story);
    statements.upsertEvent.run(placement.event);
    this.writeRegrouping({ stories: [], movedEvents: placement.movedEvents, merged: placement.mergedStoryIds.map((id) => ({ id, into: placement.story.id })) });
    for (const eventId of placement.mergedEventIds ?? []) {
      statements.moveEventArticles.run({ from: eventId, into: placement.event.id });
      statements.deleteEvent.run(eventId);
      statements.recordEventMerge.run(eventId, placement.event.id);
    }
  }

  /** Stories as they are now, events moved to another story, stories merged away (a link to one leads on). */
  private writeRegrouping(change: Regrouping): void {
    const { statements } = this;
    for (const story of change.stories) statements.upsertStory.run(story);
    for (const moved of change.movedEvents) {
      statements.upsertEvent.run(moved);
      statements.moveStoryArticles.run({ storyId: moved.storyId, eventId: moved.id });
    }
    for (const { id, into } of change.merged) {
      statements.deleteStory.run(id);
      statements.repointMerges.run(into, id);
      statements.recordMerge.run(id, into);
    }
  }

  /** Stored copies that turn out to be copies of the new article are re-pointed at it, with the reader's marks. */
  private refold(placement: Placement): void {
    const refolded = placement.refolded ?? [];
    for (const copy of refolded) {
      this.statements.refoldArticle.run({
        id: copy.id,
        duplicateOf: copy.duplicateOf,
        similarity: copy.similarity,
        changes: copy.changes ? JSON.stringify(copy.changes) : null,
      });
    }
    for (const [to, from] of refoldedByOriginal(refolded)) {
      this.db.prepare(carryMarksStatement('article_id IN (SELECT value FROM json_each(@from))')).run({ to, from: JSON.stringify(from) });
    }
  }

  private writeAnalysis(id: number, analysis: Analysis): void {
    const { statements } = this;
    for (const q of analysis.quotes) {
      statements.insertQuote.run(id, q.text, q.speaker, q.direct ? 1 : 0, q.start, q.end, q.speakerStart, q.speakerEnd, q.attribution ?? null);
    }
    for (const e of analysis.entities) statements.insertEntity.run(id, e.text, e.name, e.type, e.start, e.end);
    for (const f of analysis.figures) statements.insertFigure.run(id, f.text, f.value, f.unit, f.start, f.end, f.precision, f.low, f.high);
    for (const d of analysis.dates) statements.insertDate.run(id, d.text, d.value, d.start, d.end);
  }

  async reviseArticle(id: number, record: NewArticle): Promise<void> {
    this.write(() => {
      this.statements.keepRevision.run(record.seenAt, id);
      this.statements.reviseArticle.run({
        ...record.article,
        id,
        contentHash: record.contentHash,
        rawHash: record.rawHash,
        credits: JSON.stringify(record.article.credits ?? []),
      });
      this.rewriteAnalysis(id, record.analysis);
    });
  }

  async replaceAnalysis(id: number, analysis: Analysis): Promise<void> {
    this.write(() => this.rewriteAnalysis(id, analysis));
  }

  private rewriteAnalysis(id: number, analysis: Analysis): void {
    for (const statement of this.statements.deleteAnalysis) statement.run(id);
    this.writeAnalysis(id, analysis);
  }

  async *placements(afterId = 0): AsyncIterable<StoredPlacement> {
    const events = new Map((await this.events()).map((event) => [event.id, event]));
    const stories = new Map((await this.stories()).map((story) => [story.id, story]));
    for (const row of this.db.prepare('SELECT * FROM articles WHERE event_id IS NOT NULL AND id > ? ORDER BY id').iterate(afterId) as Iterable<Row>) {
      const article = toArticle(row);
      const event = events.get(article.eventId ?? -1);
      const story = stories.get(event?.storyId ?? -1);
      if (!event || !story) continue;
      yield { id: article.id, article, analysis: this.analysisOf(article.id), seenAt: article.seenAt, duplicateOf: article.duplicateOf, event, story };
    }
  }

  async grouperState(): Promise<GrouperState | null> {
    const row = this.db.prepare('SELECT last_article_id, data FROM grouper_state WHERE id = 1').get() as { last_article_id: number; data: Buffer } | undefined;
    return row ? { lastArticleId: row.last_article_id, data: row.data } : null;
  }

  async saveGrouperState(state: GrouperState, savedAt: string): Promise<void> {
    this.write(() => {
      this.db.prepare('INSERT OR REPLACE INTO grouper_state (id, last_article_id, saved_at, data) VALUES (1, ?, ?, ?)').run(state.lastArticleId, savedAt, state.data);
    });
  }

  async highestIds(): Promise<{ event: number; story: number }> {
    const row = this.db
      .prepare(
        `SELECT MAX((SELECT COALESCE(MAX(id), 0) FROM events), (SELECT COALESCE(MAX(id), 0) FROM event_merges)) AS event,
          MAX((SELECT COALESCE(MAX(id), 0) FROM stories), (SELECT COALESCE(MAX(id), 0) FROM story_merges)) AS story`,
      )
      .get() as { event: number; story: number };
    return { event: row.event, story: row.story };
  }

  async latestArticleId(): Promise<number> {
    return (this.statements.nextArticleId.get() as { id: number }).id - 1;
  }

  private highestStoryId(): number {
    return this.db.prepare('SELECT MAX((SELECT COALESCE(MAX(id), 0) FROM stories), (SELECT COALESCE(MAX(id), 0) FROM story_merges))').pluck().get() as number;
  }

  /** The event `id` is now part of: itself, or the end of its chain of merges. */
  private eventNow(id: number): number {
    let current = id;
    for (let hop = 0; hop < 64; hop++) {
      const into = this.db.prepare('SELECT into_id FROM event_merges WHERE id = ?').pluck().get(current) as number | undefined;
      if (into === undefined) return current;
      current = into;
    }
    return current;
  }

  /** The story `id` is now part of: itself, or the end of its chain of merges. */
  private storyNow(id: number): number | null {
    let current = id;
    for (let hop = 0; hop < 64; hop++) {
      if (this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(current)) return current;
      const into = this.db.prepare('SELECT into_id FROM story_merges WHERE id = ?').get(current) as { into_id: number } | undefined;
      if (!into) return null;
      current = into.into_id;
    }
    return null;
  }

  private lastArticleOf(storyId: number): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM articles WHERE story_id = ?').get(storyId) as { id: number }).id;
  }

  async followStory(id: number, at: string): Promise<number | null> {
    const story = this.storyNow(id);
    if (story === null) return null;
    this.write(() => {
      const last = this.lastArticleOf(story);
      this.db
        .prepare(`INSERT INTO followed_stories (story_id, followed_at, since_article_id, seen_at, seen_article_id) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(story_id) DO NOTHING`)
        .run(story, at, last, at, last);
    });
    return story;
  }

  async alertTargets(): Promise<AlertTarget[]> {
    return (this.db.prepare(ALERT_TARGETS).all() as Row[]).map(toAlertTarget);
  }

  async addAlertTarget(target: Pick<AlertTarget, 'url' | 'format' | 'linkBase'>, at: string): Promise<void> {
    this.write(() => void this.db.prepare(ADD_ALERT_TARGET).run({ ...target, at }));
  }

  async removeAlertTarget(url: string): Promise<boolean> {
    let removed = false;
    this.write(() => {
      removed = this.db.prepare(REMOVE_ALERT_TARGET).run({ url }).changes > 0;
    });
    return removed;
  }

  async claimAlerts(url: string, from: number, to: number): Promise<boolean> {
    let claimed = false;
    this.write(() => {
      claimed = this.db.prepare(CLAIM_ALERTS).run({ url, from, to }).changes > 0;
    });
    return claimed;
  }

  async recordAlertSending(url: string, span: { from: number; to: number }, at: string, error?: string): Promise<void> {
    this.write(() => void (error === undefined ? this.db.prepare(ALERTS_SENT).run({ url, at }) : this.db.prepare(ALERTS_FAILED).run({ url, at, error, ...span })));
  }

  async unfollowStory(id: number): Promise<boolean> {
    const story = this.storyNow(id) ?? id;
    let removed = false;
    this.write(() => {
      removed = this.db.prepare('DELETE FROM followed_stories WHERE story_id = ?').run(story).changes > 0;
    });
    return removed;
  }

  async followedStories(): Promise<FollowedStory[]> {
    // One query; only a row whose story was merged away since looks further.
    const rows = this.db.prepare('SELECT f.*, s.title FROM followed_stories f LEFT JOIN stories s ON s.id = f.story_id ORDER BY f.story_id').all() as Row[];
    const byStory = new Map<number, FollowedStory>();
    for (const row of rows) {
      const storyId = row.title === null ? this.storyNow(row.story_id as number) : (row.story_id as number);
      if (storyId === null) continue;
      const title = (row.title as string | null) ?? (this.db.prepare('SELECT title FROM stories WHERE id = ?').get(storyId) as { title: string }).title;
      byStory.set(storyId, combineFollowed(byStory.get(storyId), toFollowed(row, storyId, title)));
    }
    return [...byStory.values()];
  }

  async markStorySeen(id: number, at: string): Promise<void> {
    const story = this.storyNow(id);
    if (story === null) return;
    this.write(() => {
      const last = this.lastArticleOf(story);
      // Rows of stories merged into this one are filed under it.
      const merged = (this.db.prepare('SELECT story_id FROM followed_stories').pluck().all() as number[]).filter((s) => s !== story && this.storyNow(s) === story);
      for (const old of merged) {
        this.db.prepare(`INSERT INTO followed_stories (story_id, followed_at, since_article_id, seen_at, seen_article_id)
          SELECT ?, followed_at, since_article_id, seen_at, seen_article_id FROM followed_stories WHERE story_id = ? ON CONFLICT(story_id) DO NOTHING`).run(story, old);
        this.db.prepare('DELETE FROM followed_stories WHERE story_id = ?').run(old);
      }
      this.db.prepare('UPDATE followed_stories SET seen_at = ?, seen_article_id = ? WHERE story_id = ? AND seen_article_id < ?').run(at, last, story, last);
    });
  }

  async storyArrivals(storyId: number, afterId: number, limit: number): Promise<StoryArrival[]> {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.story_id, a.title, a.source, a.published, a.seen_at, a.duplicate_of, a.event_id, e.title AS event_title,
           NOT EXISTS (SELECT 1 FROM articles b WHERE b.event_id = a.event_id AND b.story_id = a.story_id AND b.id <= @afterId) AS new_event,
           NOT EXISTS (SELECT 1 FROM articles b WHERE b.source IS a.source AND b.story_id = a.story_id AND b.id <= @afterId) AS new_outlet
         FROM articles a LEFT JOIN events e ON e.id = a.event_id
         WHERE a.story_id = @storyId AND a.id > @afterId ORDER BY a.id DESC LIMIT @limit`,
      )
      .all({ storyId, afterId, limit }) as Row[];
    return rows.map(toArrival);
  }

  async eventMergedInto(id: number): Promise<{ eventId: number; storyId: number } | null> {
    let current = id;
    for (let hop = 0; hop < 64; hop++) {
      const into = this.db.prepare('SELECT into_id FROM event_merges WHERE id = ?').get(current) as { into_id: number } | undefined;
      if (!into) break;
      current = into.into_id;
    }
    if (current === id) return null;
    const event = this.db.prepare('SELECT story_id FROM events WHERE id = ?').get(current) as { story_id: number } | undefined;
    return event ? { eventId: current, storyId: event.story_id } : null;
  }

  async mergeStories(ids: number[], into: number, at: string): Promise<{ regrouping: Regrouping } | { missing: number }> {
    let result: { regrouping: Regrouping } | { missing: number } = { missing: into };
    this.write(() => {
      const target = this.storyNow(into);
      if (target === null) return;
      const merged = new Set<number>();
      for (const id of ids) {
        const now = this.storyNow(id);
        if (now === null) {
          result = { missing: id };
          return;
        }
        if (now !== target) merged.add(now);
      }
      const storyOf = this.db.prepare('SELECT * FROM stories WHERE id = ?');
      const stories = [...merged].map((id) => toStory(storyOf.get(id) as Row));
      const all = JSON.stringify([target, ...merged]);
      const events = (
        this.db
          .prepare(`SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id) AS articles
            FROM events e WHERE e.story_id IN (SELECT value FROM json_each(?)) ORDER BY e.id`)
          .all(all) as Row[]
      ).map((row) => ({ event: toEvent(row), articles: row.articles as number }));
      const regrouping = storyMerge(toStory(storyOf.get(target) as Row), stories, events);
      this.writeRegrouping(regrouping);
      const record = this.db.prepare("INSERT INTO regroupings (made_at, kind, story_id, into_id, title, event_ids) VALUES (?, 'merge', ?, ?, ?, ?)");
      for (const story of stories) record.run(at, story.id, target, story.title, JSON.stringify(events.filter((e) => e.event.storyId === story.id).map((e) => e.event.id)));
      result = { regrouping };
    });
    return result;
  }

  async undoMerge(storyId: number, at: string): Promise<{ regrouping: Regrouping } | { notMerged: number }> {
    let result: { regrouping: Regrouping } | { notMerged: number } = { notMerged: storyId };
    this.write(() => {
      result = { notMerged: storyId };
      const merge = this.db.prepare("SELECT id, title, event_ids FROM regroupings WHERE kind = 'merge' AND story_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1").get(storyId) as Row | undefined;
      const current = this.storyNow(storyId);
      if (!merge || current === null || current === storyId) return;
      const sizes = (this.db.prepare('SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id) AS articles FROM events e WHERE e.story_id = ? ORDER BY e.id').all(current) as Row[]).map((r) => ({ event: toEvent(r), articles: r.articles as number }));
      const back = new Set((JSON.parse(merge.event_ids as string) as number[]).map((id) => this.eventNow(id)));
      const moved = sizes.filter((e) => back.has(e.event.id)).map((e) => e.event);
      if (moved.length === 0 || moved.length === sizes.length) return;
      const regrouping = eventsMove(moved, toStory(this.db.prepare('SELECT * FROM stories WHERE id = ?').get(current) as Row), sizes, { id: storyId, title: merge.title as string, start: null, end: null }, []);
      this.db.prepare('DELETE FROM story_merges WHERE id = ?').run(storyId);
      this.writeRegrouping(regrouping);
      this.db.prepare('UPDATE regroupings SET undone_at = ? WHERE id = ?').run(at, merge.id);
      this.db.prepare("INSERT INTO regroupings (made_at, kind, story_id, into_id) VALUES (?, 'unmerge', ?, ?)").run(at, current, storyId);
      result = { regrouping };
    });
    return result;
  }

  async mergedByHand(storyId: number): Promise<Array<{ storyId: number; title: string; madeAt: string }>> {
    const rows = this.db.prepare("SELECT story_id, title, made_at FROM regroupings WHERE kind = 'merge' AND undone_at IS NULL ORDER BY id DESC").all() as Row[];
    return rows.filter((r) => this.storyNow(r.story_id as number) === storyId && r.story_id !== storyId).map((r) => ({ storyId: r.story_id as number, title: r.title as string, madeAt: r.made_at as string }));
  }

  async moveEvent(eventId: number, into: number | null, at: string): Promise<{ regrouping: Regrouping } | { missingEvent: number } | { missingStory: number }> {
    let result: { regrouping: Regrouping } | { missingEvent: number } | { missingStory: number } = { missingEvent: eventId };
    this.write(() => {
      result = { missingEvent: eventId };
      const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(this.eventNow(eventId)) as Row | undefined;
      if (!row) return;
      const moved = toEvent(row);
      const storyOf = this.db.prepare('SELECT * FROM stories WHERE id = ?');
      const eventsOf = this.db.prepare('SELECT e.*, (SELECT COUNT(*) FROM articles a WHERE a.event_id = e.id) AS articles FROM events e WHERE e.story_id = ? ORDER BY e.id');
      const sizes = (storyId: number) => (eventsOf.all(storyId) as Row[]).map((r) => ({ event: toEvent(r), articles: r.articles as number }));
      const where = moveTarget(moved, into, into === null ? null : this.storyNow(into), into === null ? this.highestStoryId() : 0);
      if ('missingStory' in where || 'unchanged' in where) {
        result = 'missingStory' in where ? where : { regrouping: where.unchanged };
        return;
      }
      const target = 'newStory' in where ? where.newStory : toStory(storyOf.get(where.story) as Row);
      const regrouping = eventsMove([moved], toStory(storyOf.get(moved.storyId) as Row), sizes(moved.storyId), target, into === null ? [] : sizes(target.id));
      this.writeRegrouping(regrouping);
      this.db.prepare("INSERT INTO regroupings (made_at, kind, story_id, into_id, event_id) VALUES (?, 'move-event', ?, ?, ?)").run(at, moved.storyId, target.id, moved.id);
      result = { regrouping };
    });
    return result;
  }

  async storiesKeptApart(): Promise<Array<[number, number]>> {
    const pairs = this.db.prepare("SELECT story_id, into_id FROM regroupings WHERE kind IN ('move-event', 'unmerge') ORDER BY id").raw().all() as Array<[number, number]>;
    return apartNow(pairs.map(([a, b]) => [this.storyNow(a), this.storyNow(b)]));
  }

  async relatedStories(id: number, limit: number): Promise<Array<{ story: StorySummary; shared: string[] }>> {
    const names = this.db
      .prepare(`SELECT m.name FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE a.story_id = ?
        GROUP BY m.name ORDER BY COUNT(DISTINCT a.id) DESC, m.name LIMIT ${RELATED_NAMES}`)
      .pluck()
      .all(id) as string[];
    // The latest mentions of each name (rowid order is the order they were stored in): the stories
    // that name it lately, however many older ones did.
    const storiesNaming = this.db.prepare(`SELECT DISTINCT a.story_id FROM
      (SELECT article_id FROM entity_mentions WHERE name = ? ORDER BY rowid DESC LIMIT ${RELATED_MENTIONS}) m
      JOIN articles a ON a.id = m.article_id WHERE a.story_id <> ?`).pluck();
    const titles = this.db.prepare('SELECT title FROM stories WHERE id = ? UNION ALL SELECT title FROM (SELECT title FROM events WHERE story_id = ? ORDER BY id)').pluck().all(id, id) as string[];
    const storiesSaying = this.db.prepare(`SELECT DISTINCT a.story_id FROM
      (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${RELATED_MENTIONS}) f
      JOIN articles a ON a.id = f.rowid WHERE a.story_id <> ?`).pluck();
    const ranked = sharedByStory([
      ...names.map((name): [string, number[]] => [name, storiesNaming.all(name, id) as number[]]),
      ...titleWords(titles, names).map((word): [string, number[]] => [word, storiesSaying.all(`"${word}"`, id) as number[]]),
    ]);
    const related = [];
    for (const [storyId, shared] of ranked.slice(0, limit)) {
      const row = this.statements.storyById.get(storyId) as Row | undefined;
      if (row) related.push({ story: toSummary(row), shared });
    }
    return related;
  }

  async regroupingsMade(): Promise<number> {
    return this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM regroupings').pluck().get() as number;
  }

  async mergedInto(id: number): Promise<number | null> {
    const row = this.db.prepare('SELECT into_id FROM story_merges WHERE id = ?').get(id) as { into_id: number } | undefined;
    return row?.into_id ?? null;
  }

  private analysisOf(id: number): Analysis {
    const { statements } = this;
    return {
      quotes: (statements.quotesOf.all(id) as Row[]).map(toQuote),
      entities: (statements.entitiesOf.all(id) as Row[]).map(toEntityMention),
      figures: (statements.figuresOf.all(id) as Row[]).map(toFigure),
      dates: (statements.datesOf.all(id) as Row[]).map(toDateMention),
    };
  }

  async addSubscriptions(subscriptions: Subscription[]): Promise<number> {
    this.write(() => {
      for (const s of subscriptions) this.statements.insertSubscription.run(s.feedUrl, s.title, s.siteUrl);
    });
    return subscriptions.length;
  }

  async feeds(): Promise<Feed[]> {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY title IS NULL, title, feed_url').all() as Row[]).map(toFeed);
  }

  async recordFeedFetch(feedUrl: string, state: FeedState, movedTo: string | null = null): Promise<void> {
    this.write(() => {
      let url = feedUrl;
      if (movedTo && movedTo !== feedUrl) {
        const taken = this.db.prepare('SELECT 1 FROM subscriptions WHERE feed_url = ?').get(movedTo);
        if (taken) this.db.prepare('DELETE FROM subscriptions WHERE feed_url = ?').run(feedUrl);
        else this.db.prepare('UPDATE subscriptions SET feed_url = ? WHERE feed_url = ?').run(movedTo, feedUrl);
        url = movedTo;
      }
      this.db
        .prepare(`UPDATE subscriptions SET etag = @etag, last_modified = @lastModified, fetched_at = @fetchedAt, next_fetch_at = @nextFetchAt,
          failures = @failures, last_error = @lastError, last_items = @lastItems, last_new = @lastNew WHERE feed_url = @url`)
        .run({ ...state, url });
    });
  }

  async removeSubscriptions(feedUrls: string[]): Promise<number> {
    let removed = 0;
    this.write(() => {
      const remove = this.db.prepare('DELETE FROM subscriptions WHERE feed_url = ?');
      for (const url of feedUrls) removed += remove.run(url).changes;
    });
    return removed;
  }

  async subscriptions(): Promise<Subscription[]> {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY title, feed_url').all() as Row[]).map(toSubscription);
  }

  async listStories(options: StoryListOptions = {}): Promise<StorySummary[]> {
    const { where, params } = storyFilter(options);
    // Page the stories first (by the index on recency), then count only the page's articles.
    const sql = `WITH page AS (
        SELECT * FROM stories s ${where}
        ORDER BY COALESCE(s."end", s.start) DESC, s.id DESC LIMIT @limit OFFSET @offset)
      SELECT page.*,
        (SELECT COUNT(*) FROM articles a WHERE a.story_id = page.id) AS article_count,
        (SELECT COUNT(DISTINCT a.source) FROM articles a WHERE a.story_id = page.id) AS outlet_count,
        (SELECT COUNT(*) FROM events e WHERE e.story_id = page.id) AS event_count
      FROM page ORDER BY COALESCE(page."end", page.start) DESC, page.id DESC`;
    return (this.db.prepare(sql).all(params) as Row[]).map(toSummary);
  }

  async getStory(id: number): Promise<StoryDetail | null> {
    const row = this.statements.storyById.get(id) as Row | undefined;
    if (!row) return null;
    const articles = (this.statements.articlesOfStory.all(id) as Row[]).map(toArticle);
    return {
      story: toSummary(row),
      events: (this.statements.eventsOfStory.all(id) as Row[]).map(toEvent),
      articles,
      analyses: articles.map((article) => ({ articleId: article.id, ...this.analysisOf(article.id) })),
    };
  }

  async storyPage(id: number): Promise<StoryDetail | null> {
    return readStoryPage(this.db, id);
  }

  async readerOutlets(afterId = 0): Promise<ReaderOutlet[]> {
    return (this.db.prepare(READER_OUTLETS).all({ after: afterId }) as Row[]).map(toReaderOutlet);
  }

  async readerItems(query: { ids?: number[]; sinceId?: number; maxId?: number; limit: number }): Promise<ReaderItem[]> {
    const rows = query.ids
      ? (this.db.prepare(`${READER_ITEMS} a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id LIMIT ?`).all(JSON.stringify(query.ids), query.limit) as Row[])
      : query.maxId !== undefined
        ? (this.db.prepare(`${READER_ITEMS} a.id < ? ORDER BY a.id DESC LIMIT ?`).all(query.maxId, query.limit) as Row[])
        : (this.db.prepare(`${READER_ITEMS} a.id > ? ORDER BY a.id LIMIT ?`).all(query.sinceId ?? 0, query.limit) as Row[]);
    const copies = this.db
      .prepare('SELECT duplicate_of, source, title, url FROM articles WHERE duplicate_of IN (SELECT value FROM json_each(?)) ORDER BY id')
      .all(JSON.stringify(rows.map((r) => r.id))) as Row[];
    return toReaderItems(rows, copies);
  }

  async readerItemIds(query: ReaderItemQuery): Promise<number[]> {
    const { sql, params } = readerItemIdsQuery(query);
    return this.db.prepare(sql).pluck().all(params) as number[];
  }

  async readerUnreadCounts(limit: number): Promise<ReaderUnreadCount[]> {
    return (this.db.prepare(READER_UNREAD_COUNTS).all({ limit }) as Row[]).map(toReaderUnreadCount);
  }

  async readerItemCount(): Promise<number> {
    return this.db.prepare('SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL').pluck().get() as number;
  }

  async markArticles(ids: number[], marks: { read?: boolean; saved?: boolean }, at: string): Promise<void> {
    this.write(() => {
      for (const [column, on] of [['read_at', marks.read], ['saved_at', marks.saved]] as const) {
        if (on === undefined) continue;
        const mark = this.db.prepare(markStatement(column));
        for (const id of ids) mark.run({ id, at: on ? at : null });
      }
    });
  }

  async markReadBefore(before: string, at: string, outlet?: string | null): Promise<number> {
    const condition = outlet === undefined ? '' : outlet === null ? 'AND a.source IS NULL' : 'AND a.source = @outlet';
    let marked = 0;
    this.write(() => {
      marked = this.db.prepare(markReadBeforeStatement(condition)).run({ before, at, ...(outlet ? { outlet } : {}) }).changes;
    });
    return marked;
  }

  async coverage(storyIds: readonly number[]): Promise<Map<number, DayCount[]>> {
    return storyCoverage(this.db, storyIds);
  }

  async storyTitles(storyIds: readonly number[]): Promise<Map<number, string>> {
    return storyTitles(this.db, storyIds);
  }

  async getArticle(id: number): Promise<{ article: ArticleRecord; analysis: Analysis; copies: ArticleRecord[] } | null> {
    const row = this.statements.articleById.get(id) as Row | undefined;
    if (!row) return null;
    return {
      article: toArticle(row),
      analysis: this.analysisOf(id),
      copies: (this.statements.copiesOf.all(id) as Row[]).map(toArticle),
    };
  }

  async publishedOf(id: number): Promise<string | null> {
    return (this.statements.publishedById.get(id) as string | null | undefined) ?? null;
  }

  async search(query: string, limit = 50): Promise<SearchHit[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (terms.length === 0) return [];
    const match = terms.map((term) => `"${term}"`).join(' ');
    const rows = this.db
      .prepare(`SELECT a.id, a.story_id, a.title, a.source, a.published,
        snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`)
      .all(match, limit) as Row[];
    return rows.map(toSearchHit);
  }

  async *articles(): AsyncIterable<ArticleRecord> {
    for (const row of this.db.prepare('SELECT * FROM articles ORDER BY id').iterate() as Iterable<Row>) yield toArticle(row);
  }

  async articlesAfter(afterId: number, limit: number): Promise<ArticleRecord[]> {
    return (this.statements.articlesAfter.all(afterId, limit) as Row[]).map(toArticle);
  }

  async *analyses(): AsyncIterable<ArticleAnalysisRows> {
    for (const row of this.db.prepare('SELECT id FROM articles ORDER BY id').iterate() as Iterable<Row>) {
      const id = row.id as number;
      yield { articleId: id, ...this.analysisOf(id) };
    }
  }

  async events(): Promise<EventRecord[]> {
    return (this.db.prepare('SELECT * FROM events ORDER BY id').all() as Row[]).map(toEvent);
  }

  async stories(): Promise<StoryRecord[]> {
    return (this.db.prepare('SELECT * FROM stories ORDER BY id').all() as Row[]).map(toStory);
  }

  async counts(): Promise<{ articles: number; events: number; stories: number }> {
    const count = (table: string): number => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as Row).n as number;
    return { articles: count('articles'), events: count('events'), stories: count('stories') };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
