/**
 * @module What reader apps read and mark (the Fever and Google Reader APIs): SQL that both stores run as it is (named
 * @parameters; PostgreSQL numbers them), and the rows made into reader items.
 */
import { toArticle, type Row } from './rows.js';
import type { ReaderItem, ReaderItemQuery, ReaderOutlet, ReaderUnreadCount } from './store.js';

/** Outlets of the articles after @after, in the order of their first article there. */
export const READER_OUTLETS = `SELECT source, MIN(id) AS first_id, MAX(seen_at) AS last_seen FROM articles WHERE id > @after GROUP BY source ORDER BY first_id`;

/** Originals with their marks and story; the caller adds the condition on `a`, the order and the limit. */
export const READER_ITEMS = `SELECT a.id, a.identity, a.external_id, a.path, a.url, a.source, a.author, a.title, a.text, a.published,
    a.modified, a.language, a.content_hash, a.raw_hash, a.revision, a.seen_at, a.duplicate_of, a.similarity, a.changes,
    a.event_id, a.story_id, a.credits, m.read_at, m.saved_at, s.title AS story_title
  FROM articles a LEFT JOIN reader_marks m ON m.article_id = a.id LEFT JOIN stories s ON s.id = a.story_id
  WHERE a.duplicate_of IS NULL AND`;

/**
 * The ids of the originals a reader app asks for (see `ReaderItemQuery`), as SQL with named
 * @parameters and their values.
 */
export function readerItemIdsQuery(query: ReaderItemQuery): { sql: string; params: Record<string, unknown> } {
  const conditions = ['a.duplicate_of IS NULL'];
  const params: Record<string, unknown> = { limit: query.limit };
  if (query.outlet === null) conditions.push('a.source IS NULL');
  else if (query.outlet !== undefined) {
    conditions.push('a.source = @outlet');
    params.outlet = query.outlet;
  }
  if (query.read !== undefined) conditions.push(query.read ? 'm.read_at IS NOT NULL' : 'm.read_at IS NULL');
  if (query.saved !== undefined) conditions.push(query.saved ? 'm.saved_at IS NOT NULL' : 'm.saved_at IS NULL');
  if (query.arrivedAfter !== undefined) {
    conditions.push('a.seen_at > @after');
    params.after = query.arrivedAfter;
  }
  if (query.arrivedBefore !== undefined) {
    conditions.push('a.seen_at < @before');
    params.before = query.arrivedBefore;
  }
  if (query.pastId !== undefined) {
    conditions.push(query.oldestFirst ? 'a.id > @past' : 'a.id < @past');
    params.past = query.pastId;
  }
  // Only marked articles: the marks are where to start, being fewer (SQLite keeps a CROSS JOIN's order).
  const from = query.read === true || query.saved === true
    ? 'reader_marks m CROSS JOIN articles a WHERE a.id = m.article_id AND'
    : 'articles a LEFT JOIN reader_marks m ON m.article_id = a.id WHERE';
  const sql = `SELECT a.id FROM ${from} ${conditions.join(' AND ')} ORDER BY a.id ${query.oldestFirst ? 'ASC' : 'DESC'} LIMIT @limit`;
  return { sql, params };
}

/**
 * Unread originals by outlet, among the newest @limit unread: how many, and when the latest
 * arrived (a reader app's badge counts; a store of a million unread articles is not counted whole).
 */
export const READER_UNREAD_COUNTS = `SELECT source, COUNT(*) AS unread, MAX(seen_at) AS last_seen FROM (
    SELECT a.source, a.seen_at FROM articles a LEFT JOIN reader_marks m ON m.article_id = a.id
    WHERE a.duplicate_of IS NULL AND m.read_at IS NULL ORDER BY a.id DESC LIMIT @limit) newest
  GROUP BY source`;

export const toReaderUnreadCount = (r: Row): ReaderUnreadCount => ({
  source: (r.source as string | null) ?? null,
  unread: Number(r.unread),
  lastSeenAt: r.last_seen as string,
});

/** Sets one mark (`read_at` or `saved_at`) of article @id to @at (null: unmarked). */
export const markStatement = (column: 'read_at' | 'saved_at'): string =>
  `INSERT INTO reader_marks (article_id, ${column}) VALUES (@id, @at) ON CONFLICT (article_id) DO UPDATE SET ${column} = excluded.${column}`;

/** Marks read the originals that arrived up to @before and are not read yet; `outlet` adds its condition. */
export const markReadBeforeStatement = (outlet: string): string => `INSERT INTO reader_marks (article_id, read_at)
  SELECT a.id, @at FROM articles a WHERE a.duplicate_of IS NULL AND a.seen_at <= @before ${outlet}
    AND NOT EXISTS (SELECT 1 FROM reader_marks r WHERE r.article_id = a.id AND r.read_at IS NOT NULL)
  ON CONFLICT (article_id) DO UPDATE SET read_at = excluded.read_at`;

/**
 * Articles that turned out to be copies (their original arrived after them) hand the reader's marks
 * to their original @to: what was read or saved as the item before stays read or saved as the item
 * now. `from` is the condition on `article_id` that names them.
 */
export const carryMarksStatement = (from: string): string => `INSERT INTO reader_marks (article_id, read_at, saved_at)
  SELECT @to, MIN(read_at), MIN(saved_at) FROM reader_marks WHERE ${from}
  HAVING MIN(read_at) IS NOT NULL OR MIN(saved_at) IS NOT NULL
  ON CONFLICT (article_id) DO UPDATE SET read_at = COALESCE(reader_marks.read_at, excluded.read_at), saved_at = COALESCE(reader_marks.saved_at, excluded.saved_at)`;

/** The refolded copies of a placement by the original each now points at. */
export function refoldedByOriginal(refolded: ReadonlyArray<{ id: number; duplicateOf: number }>): Map<number, number[]> {
  const byOriginal = new Map<number, number[]>();
  for (const copy of refolded) byOriginal.set(copy.duplicateOf, [...(byOriginal.get(copy.duplicateOf) ?? []), copy.id]);
  return byOriginal;
}

export const toReaderOutlet = (r: Row): ReaderOutlet => ({
  source: (r.source as string | null) ?? null,
  firstArticleId: r.first_id as number,
  lastSeenAt: r.last_seen as string,
});

/** Reader items from their rows (READER_ITEMS) and the rows of their copies (`duplicate_of`, `source`, `title`, `url`). */
export function toReaderItems(rows: Row[], copyRows: Row[]): ReaderItem[] {
  const copies = new Map<number, ReaderItem['copies']>();
  for (const c of copyRows) {
    const of = c.duplicate_of as number;
    copies.set(of, [...(copies.get(of) ?? []), { source: (c.source as string | null) ?? null, title: c.title as string, url: (c.url as string | null) ?? null }]);
  }
  return rows.map((r) => ({
    article: toArticle(r),
    read: r.read_at !== null && r.read_at !== undefined,
    saved: r.saved_at !== null && r.saved_at !== undefined,
    copies: copies.get(r.id as number) ?? [],
    storyTitle: (r.story_title as string | null) ?? null,
  }));
}
