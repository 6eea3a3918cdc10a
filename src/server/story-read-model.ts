/**
 * @module What the web pages read: story lists, one story, coverage per day. Two implementations:
 * over the Store interface (any store: PostgreSQL's pages read this way), and over a read-only
 * SQLite connection to the store's file, which tells cheaply when the data changed (so pages can
 * be cached) and does not wait for the writing connection. Both read a story without its article
 * text and date mentions, which story views do not show (`Store.storyPage`, `readStoryPage`).
 */
import Database from 'better-sqlite3';
import { toSummary, type Row } from '../store/rows.js';
import { readStoryPage, storyCoverage, storyTitles, SUMMARY_COLUMNS } from '../store/sqlite/story-reads.js';
import { storyFilter } from '../store/story-filter.js';
import type { DayCount, Store, StoryDetail, StoryListOptions, StorySummary } from '../store/store.js';

export type { DayCount };

export interface StoryReadModel {
  listStories(options: StoryListOptions): Promise<StorySummary[]>;
  /** As Store.storyPage: without article text and date mentions. */
  getStory(id: number): Promise<StoryDetail | null>;
  /** Articles per day for each story asked for. */
  coverage(storyIds: readonly number[]): Promise<Map<number, DayCount[]>>;
  storyTitles(storyIds: readonly number[]): Promise<Map<number, string>>;
  /** Changes whenever the stored data may have changed (absent when it cannot be told cheaply). */
  version?(): number;
  close(): Promise<void>;
}

/** The portable read model: everything through the Store interface (the store stays open on `close`). */
export function storeReadModel(store: Store): StoryReadModel {
  return {
    ...(store.dataVersion ? { version: () => store.dataVersion!() } : {}),
    listStories: (options) => store.listStories(options),
    getStory: (id) => store.storyPage(id),
    coverage: (storyIds) => store.coverage(storyIds),
    storyTitles: (storyIds) => store.storyTitles(storyIds),
    close: async () => {},
  };
}

/** The fast read model: a read-only connection to the SQLite file the store writes. */
export function sqliteReadModel(file: string): StoryReadModel {
  const db = new Database(file, { readonly: true, fileMustExist: true });
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
    getStory: async (id) => readStoryPage(db, id),
    coverage: async (storyIds) => storyCoverage(db, storyIds),
    storyTitles: async (storyIds) => storyTitles(db, storyIds),
    close: async () => {
      db.close();
    },
  };
}
