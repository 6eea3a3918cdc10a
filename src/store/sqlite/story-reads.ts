/** @module Reads of the story pages that the SQLite store and the server's read-only read model share. */
import type Database from 'better-sqlite3';
import type { Analysis } from '../../model/index.js';
import { toArticle, toEntityMention, toEvent, toFigure, toQuote, toSummary, type Row } from '../rows.js';
import type { ArticleAnalysisRows, DayCount, StoryDetail } from '../store.js';

/** The article columns story views read: all but the text. */
export const ARTICLE_COLUMNS_BUT_TEXT = `id, identity, external_id, path, url, source, author, title, published, modified, language,
  content_hash, raw_hash, revision, seen_at, duplicate_of, similarity, changes, event_id, story_id, credits`;

export const SUMMARY_COLUMNS = `s.*,
  (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS article_count,
  (SELECT COUNT(DISTINCT a.source) FROM articles a WHERE a.story_id = s.id) AS outlet_count,
  (SELECT COUNT(*) FROM events e WHERE e.story_id = s.id) AS event_count`;

type PageStatements = Record<'story' | 'events' | 'articles' | 'quotes' | 'entities' | 'figures', Database.Statement>;
const prepared = new WeakMap<Database.Database, PageStatements>();

function pageStatements(db: Database.Database): PageStatements {
  let statements = prepared.get(db);
  if (!statements) {
    const inStory = 'article_id IN (SELECT id FROM articles WHERE story_id = ?)';
    statements = {
      story: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories s WHERE s.id = ?`),
      events: db.prepare('SELECT * FROM events WHERE story_id = ? ORDER BY start IS NULL, start, id'),
      articles: db.prepare(`SELECT ${ARTICLE_COLUMNS_BUT_TEXT} FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, id`),
      // Rows come grouped by article through the index (no sort needed).
      quotes: db.prepare(`SELECT * FROM quotes WHERE ${inStory}`),
      entities: db.prepare(`SELECT * FROM entity_mentions WHERE ${inStory}`),
      figures: db.prepare(`SELECT * FROM figures WHERE ${inStory}`),
    };
    prepared.set(db, statements);
  }
  return statements;
}

/**
 * A story as its pages show it: as `Store.getStory`, but without article text and date mentions,
 * which story views never show and which are most of the cost of a big story.
 */
export function readStoryPage(db: Database.Database, id: number): StoryDetail | null {
  const statements = pageStatements(db);
  const row = statements.story.get(id) as Row | undefined;
  if (!row) return null;
  const articles = (statements.articles.all(id) as Row[]).map(toArticle);
  const byArticle = new Map<number, ArticleAnalysisRows>(articles.map((a) => [a.id, { articleId: a.id, quotes: [], entities: [], figures: [], dates: [] }]));
  const rowsOf = (r: Row): Analysis | undefined => byArticle.get(r.article_id as number);
  for (const r of statements.quotes.all(id) as Row[]) rowsOf(r)?.quotes.push(toQuote(r));
  for (const r of statements.entities.all(id) as Row[]) rowsOf(r)?.entities.push(toEntityMention(r));
  for (const r of statements.figures.all(id) as Row[]) rowsOf(r)?.figures.push(toFigure(r));
  const byStart = (a: { start: number }, b: { start: number }): number => a.start - b.start;
  for (const rows of byArticle.values()) {
    rows.quotes.sort(byStart);
    rows.entities.sort(byStart);
    rows.figures.sort(byStart);
  }
  return { story: toSummary(row), events: (statements.events.all(id) as Row[]).map(toEvent), articles, analyses: [...byArticle.values()] };
}

/** Articles per day of each story (by publish date where a story has any, else by the day first seen). */
export function storyCoverage(db: Database.Database, storyIds: readonly number[]): Map<number, DayCount[]> {
  const result = new Map<number, DayCount[]>();
  if (storyIds.length === 0) return result;
  const rows = db
    .prepare(`WITH chosen AS (SELECT story_id, published, seen_at, MAX(published IS NOT NULL) OVER (PARTITION BY story_id) AS dated
        FROM articles WHERE story_id IN (${storyIds.map(() => '?').join(',')}))
      SELECT story_id, substr(CASE WHEN dated THEN published ELSE seen_at END, 1, 10) AS day, COUNT(*) AS n FROM chosen
      WHERE day IS NOT NULL GROUP BY story_id, day ORDER BY story_id, day`)
    .all(...storyIds) as Row[];
  for (const r of rows) {
    const list = result.get(r.story_id as number) ?? [];
    list.push({ day: r.day as string, count: r.n as number });
    result.set(r.story_id as number, list);
  }
  return result;
}

export function storyTitles(db: Database.Database, storyIds: readonly number[]): Map<number, string> {
  if (storyIds.length === 0) return new Map();
  const rows = db.prepare(`SELECT id, title FROM stories WHERE id IN (${storyIds.map(() => '?').join(',')})`).all(...storyIds) as Row[];
  return new Map(rows.map((r) => [r.id as number, r.title as string]));
}
