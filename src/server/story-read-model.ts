/**
 * @module What the web pages read: story lists, one story, coverage per day. Two implementations:
 * over the Store interface (works with any store), and over a read-only SQLite connection to the
 * store's file, whose queries stay fast with 100,000+ articles (bulk analysis reads instead of
 * four queries per article; no article text, which story views do not show; counts only for the
 * page of stories shown; an entity filter that uses the entity-name index). The SQLite queries belong in the store eventually (see the report).
 */
import Database from 'better-sqlite3';
import type { Analysis } from '../model/index.js';
import { storyCoverage, storyTitles } from '../store/sqlite/story-reads.js';
import type { ArticleAnalysisRows, DayCount, Store, StoryDetail, StoryListOptions, StorySummary } from '../store/store.js';

export type { DayCount };
import { toArticle, toEntityMention, toEvent, toFigure, toQuote, toSummary, type Row } from '../store/rows.js';
import { storyFilter } from '../store/story-filter.js';

export interface StoryReadModel {
  listStories(options: StoryListOptions): Promise<StorySummary[]>;
  /** As Store.getStory; the SQLite read model leaves article text and date mentions out (see there). */
  getStory(id: number): Promise<StoryDetail | null>;
  /** Articles per day for each story asked for. */
  coverage(storyIds: readonly number[]): Promise<Map<number, DayCount[]>>;
  storyTitles(storyIds: readonly number[]): Promise<Map<number, string>>;
  /** Changes whenever the stored data may have changed (absent when it cannot be told cheaply). */
  version?(): number;
  close(): Promise<void>;
}

/** The portable read model: everything through the Store interface. */
export function storeReadModel(store: Store): StoryReadModel {
  return {
    listStories: (options) => store.listStories(options),
    getStory: (id) => store.getStory(id),
    coverage: (storyIds) => store.coverage(storyIds),
    storyTitles: (storyIds) => store.storyTitles(storyIds),
    close: async () => {},
  };
}

const ARTICLE_COLUMNS_BUT_TEXT = `id, identity, external_id, path, url, source, author, title, published, modified, language,
  content_hash, raw_hash, revision, seen_at, duplicate_of, similarity, changes, event_id, story_id`;

const SUMMARY_COLUMNS = `s.*,
  (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS article_count,
  (SELECT COUNT(DISTINCT a.source) FROM articles a WHERE a.story_id = s.id) AS outlet_count,
  (SELECT COUNT(*) FROM events e WHERE e.story_id = s.id) AS event_count`;

/** The fast read model: a read-only connection to the SQLite file the store writes. */
export function sqliteReadModel(file: string): StoryReadModel {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const storyById = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = ?`);
  const events = db.prepare('SELECT * FROM events WHERE story_id = ? ORDER BY start IS NULL, start, id');
  // Story views never show article text, and reading it is most of the cost of a big story: the
  // articles of a story come back with `text` empty.
  const articles = db.prepare(`SELECT ${ARTICLE_COLUMNS_BUT_TEXT} FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id`);
  const inStory = 'article_id IN (SELECT id FROM articles WHERE story_id = ?)';
  // Rows come grouped by article through the index (no sort needed); dates are not read, story
  // views do not use them.
  const quotes = db.prepare(`SELECT * FROM quotes WHERE ${inStory}`);
  const entities = db.prepare(`SELECT * FROM entity_mentions WHERE ${inStory}`);
  const figures = db.prepare(`SELECT * FROM figures WHERE ${inStory}`);

  const storyAnalyses = (id: number, ids: number[]): ArticleAnalysisRows[] => {
    const byArticle = new Map<number, ArticleAnalysisRows>(ids.map((articleId) => [articleId, { articleId, quotes: [], entities: [], figures: [], dates: [] }]));
    const rowsOf = (row: Row): Analysis | undefined => byArticle.get(row.article_id as number);
    for (const r of quotes.all(id) as Row[]) rowsOf(r)?.quotes.push(toQuote(r));
    for (const r of entities.all(id) as Row[]) rowsOf(r)?.entities.push(toEntityMention(r));
    for (const r of figures.all(id) as Row[]) rowsOf(r)?.figures.push(toFigure(r));
    const byStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;
    for (const rows of byArticle.values()) {
      rows.quotes.sort(byStart);
      rows.entities.sort(byStart);
      rows.figures.sort(byStart);
    }
    return [...byArticle.values()];
  };

  const dataVersion = db.prepare('PRAGMA data_version').pluck();

  return {
    version: () => dataVersion.get() as number,
    async listStories(options) {
      const { where, params } = storyFilter(options);
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM (SELECT * FROM stories s ${where}
        ORDER BY COALESCE(s."end", s.start) DESC, s.id DESC LIMIT @limit OFFSET @offset) s
        ORDER BY COALESCE(s."end", s.start) DESC, s.id DESC`;
      return (db.prepare(sql).all(params) as Row[]).map(toSummary);
    },
    async getStory(id) {
      const row = storyById.get(id) as Row | undefined;
      if (!row) return null;
      const list = (articles.all(id) as Row[]).map(toArticle);
      return {
        story: toSummary(row),
        events: (events.all(id) as Row[]).map(toEvent),
        articles: list,
        analyses: storyAnalyses(id, list.map((a) => a.id)),
      };
    },
    coverage: async (storyIds) => storyCoverage(db, storyIds),
    storyTitles: async (storyIds) => storyTitles(db, storyIds),
    close: async () => {
      db.close();
    },
  };
}
