/** @module Stored rows to the store's records: one mapping for both stores (SQLite, PostgreSQL) and the server's read model. */
import type { DateMention, EntityMention, EntityType, EventRecord, Figure, FigurePrecision, Placement, Quote, StoryRecord } from '../model/index.js';
import type { ArticleRecord, StorySummary } from './store.js';

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
