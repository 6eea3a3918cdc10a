/**
 * @module Stored rows to the store's records, and an article to its row: one mapping for both
 * stores (SQLite, PostgreSQL) and the server's read model.
 */
import type { DateMention, EntityMention, EntityType, EventRecord, Figure, FigurePrecision, Placement, Quote, StoryRecord } from '../model/index.js';
import type { Feed } from '../sources/feed-schedule.js';
import type { Subscription } from '../sources/source-item.js';
import type { ArticleRecord, FollowedStory, NewArticle, SearchHit, StoryArrival, StorySummary } from './store.js';

export type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value as string | null) ?? null;
const number = (value: unknown): number | null => (value as number | null) ?? null;

/** An article row; a query that leaves out `text` (story views never show it) gives ''. */
export const toArticle = (row: Row): ArticleRecord => ({
  id: row.id as number,
  identity: row.identity as string,
  externalId: text(row.external_id),
  path: text(row.path),
  url: text(row.url),
  source: text(row.source),
  author: text(row.author),
  title: row.title as string,
  text: (row.text as string | undefined) ?? '',
  published: text(row.published),
  modified: text(row.modified),
  language: text(row.language),
  contentHash: row.content_hash as string,
  rawHash: row.raw_hash as string,
  revision: row.revision as number,
  seenAt: row.seen_at as string,
  duplicateOf: number(row.duplicate_of),
  similarity: number(row.similarity),
  changes: row.changes ? (JSON.parse(row.changes as string) as Placement['changes']) : null,
  eventId: number(row.event_id),
  storyId: number(row.story_id),
  credits: row.credits ? (JSON.parse(row.credits as string) as string[]) : [],
  ...(typeof row.live_page === 'string' ? { livePage: row.live_page } : {}),
});

export const toEvent = (row: Row): EventRecord => ({
  id: row.id as number,
  storyId: row.story_id as number,
  title: row.title as string,
  start: text(row.start),
  end: text(row.end),
});

export const toStory = (row: Row): StoryRecord => ({
  id: row.id as number,
  title: row.title as string,
  start: text(row.start),
  end: text(row.end),
});

export const toSummary = (row: Row): StorySummary => ({
  ...toStory(row),
  articleCount: row.article_count as number,
  outletCount: row.outlet_count as number,
  eventCount: row.event_count as number,
});

export const toQuote = (r: Row): Quote => ({
  text: r.text as string,
  speaker: text(r.speaker),
  direct: r.direct === 1,
  start: r.start as number,
  end: r.end as number,
  speakerStart: number(r.speaker_start),
  speakerEnd: number(r.speaker_end),
  ...(typeof r.attribution === 'string' ? { attribution: r.attribution } : {}),
});

export const toEntityMention = (r: Row): EntityMention => ({
  text: r.text as string,
  name: r.name as string,
  type: r.type as EntityType,
  start: r.start as number,
  end: r.end as number,
});

export const toFigure = (r: Row): Figure => {
  const value = r.value as number;
  // Rows from before migration 6 carry no precision: they were read as exact.
  const precision = (text(r.precision) ?? 'exact') as FigurePrecision;
  return {
    text: r.text as string,
    value,
    unit: r.unit as string,
    start: r.start as number,
    end: r.end as number,
    precision,
    low: (r.low as number | null) ?? value,
    high: r.precision === null || r.precision === undefined ? value : (r.high as number | null),
  };
};

export const toDateMention = (r: Row): DateMention => ({
  text: r.text as string,
  value: text(r.value),
  start: r.start as number,
  end: r.end as number,
});

/** The columns of an article's row as both stores insert it, in the order of `articleRow`. */
export const ARTICLE_ROW_COLUMNS = `id, identity, external_id, path, url, source, author, title, text, published, modified, language,
  content_hash, raw_hash, seen_at, credits, duplicate_of, similarity, changes, event_id, story_id, live_page`;

/** How many values an article's row has: its placeholders are counted from the column list. */
export const ARTICLE_ROW_WIDTH = ARTICLE_ROW_COLUMNS.split(',').length;

/** The values of a new article's row, in the order of ARTICLE_ROW_COLUMNS. */
export const articleRow = (id: number, record: NewArticle, placement: Placement): unknown[] => {
  const { article } = record;
  return [
    id,
    record.identity,
    article.externalId,
    article.path,
    article.url,
    article.source,
    article.author,
    article.title,
    article.text,
    article.published,
    article.modified,
    article.language,
    record.contentHash,
    record.rawHash,
    record.seenAt,
    JSON.stringify(article.credits ?? []),
    placement.duplicateOf,
    placement.similarity,
    placement.changes ? JSON.stringify(placement.changes) : null,
    placement.event.id,
    placement.story.id,
    article.livePage ?? null,
  ];
};

export const toSubscription = (r: Row): Subscription => ({
  feedUrl: r.feed_url as string,
  title: text(r.title),
  siteUrl: text(r.site_url),
});

export const toFeed = (r: Row): Feed => ({
  ...toSubscription(r),
  etag: text(r.etag),
  lastModified: text(r.last_modified),
  fetchedAt: text(r.fetched_at),
  nextFetchAt: text(r.next_fetch_at),
  failures: number(r.failures) ?? 0,
  lastError: text(r.last_error),
  lastItems: number(r.last_items),
  lastNew: number(r.last_new),
});

export const toArrival = (r: Row): StoryArrival => ({
  id: r.id as number,
  storyId: r.story_id as number,
  title: r.title as string,
  source: text(r.source),
  published: text(r.published),
  seenAt: r.seen_at as string,
  duplicateOf: number(r.duplicate_of),
  eventId: number(r.event_id),
  eventTitle: text(r.event_title),
  newEvent: Boolean(r.new_event),
  newOutlet: Boolean(r.new_outlet),
});

/** A followed story's row, filed under `storyId` (the story it was merged into, when it was). */
export const toFollowed = (r: Row, storyId: number, title: string): FollowedStory => ({
  storyId,
  title,
  followedAt: r.followed_at as string,
  seenAt: r.seen_at as string,
  seenArticleId: r.seen_article_id as number,
  sinceArticleId: r.since_article_id as number,
});

/** Two followed stories merged into one: followed since the earlier, seen as far as the less read. */
export const combineFollowed = (other: FollowedStory | undefined, followed: FollowedStory): FollowedStory =>
  other
    ? {
        ...followed,
        followedAt: other.followedAt < followed.followedAt ? other.followedAt : followed.followedAt,
        sinceArticleId: Math.min(other.sinceArticleId, followed.sinceArticleId),
        seenArticleId: Math.min(other.seenArticleId, followed.seenArticleId),
        seenAt: other.seenArticleId < followed.seenArticleId ? other.seenAt : followed.seenAt,
      }
    : followed;

/** A search hit's row: the article's id, story, title, outlet, date and `snippet`. */
export const toSearchHit = (r: Row): SearchHit => ({
  articleId: r.id as number,
  storyId: number(r.story_id),
  title: r.title as string,
  source: text(r.source),
  published: text(r.published),
  snippet: r.snippet as string,
});
