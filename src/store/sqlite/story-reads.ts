/** @module Reads of the story pages that the SQLite store and the server's read-only read model share. */
import type Database from 'better-sqlite3';
import type { Row } from '../rows.js';
import type { DayCount } from '../store.js';

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
