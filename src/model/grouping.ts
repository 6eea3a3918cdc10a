/**
 * @module Grouping: the contract between the pipeline and the fold/cluster stage.
 *
 * A Grouper keeps in-memory state (sketch index, open events). For each new article the pipeline
 * asks `decide` (no state change), stores the article with the decision in one transaction, then
 * calls `apply` so the state follows what was stored. On restart the pipeline feeds every stored
 * article, in arrival order, through `restore`, so a resumed ingest groups as an uninterrupted one.
 */
import type { Analysis } from './analysis.js';
import type { Article } from './article.js';

export interface GroupingInput {
  /** Store id of the article being placed (already allocated). */
  id: number;
  article: Article;
  analysis: Analysis;
  /** When the store first saw it (ISO date-time): arrival order and recency, never a publish date. */
  seenAt: string;
  /**
   * What the grouper reads from the text alone, computed ahead where the article was processed (a
   * worker thread); the grouper computes it itself when absent or made with other parameters.
   */
  features?: TextFeatures;
}

/** An article's word shingles, line by line, as the copy index cuts them. */
export interface TextShingles {
  /** The parameters they were made with. */
  shingleWords: number;
  sampleBits: number;
  bins: number;
  /** Shingle hashes in text order. */
  hashes: Uint32Array;
  /** Per line with a word: its hash, then the range of its shingles in `hashes` (start, end). */
  lines: Uint32Array;
  /** Verification samples and sketch over every shingle: what the copy index uses when no line is furniture. */
  samples: Uint32Array;
  sketch: Uint32Array;
}

/**
 * Pure, stateless features of one article's text for the grouper. Flat (typed arrays and one
 * string) because they travel between threads: a Map of terms or an array of line objects cost
 * the receiving thread more to rebuild than they save.
 */
export interface TextFeatures {
  shingles: TextShingles;
  /** Weighted term counts (`terms`: the terms joined by newlines), and the weights they were counted with. */
  terms: { weights: { titleWeight: number; nameWeight: number; entityWeight: number; leadWords: number; slugWeight: number }; terms: string; counts: Float64Array };
}

/** What a copy changed relative to its original, passage by passage. */
export interface CopyChanges {
  added: string[];
  removed: string[];
  edited: Array<{ from: string; to: string }>;
}

export interface EventRecord {
  id: number;
  storyId: number;
  title: string;
  /** ISO dates of the first and last article (or happening) in the event. */
  start: string | null;
  end: string | null;
}

export interface StoryRecord {
  id: number;
  title: string;
  start: string | null;
  end: string | null;
}

export interface Placement {
  /** Id of the original this article is a copy of, or null. */
  duplicateOf: number | null;
  /** Similarity to the original in [0, 1] when folded. */
  similarity: number | null;
  changes: CopyChanges | null;
  /** The event and story after placing the article (new or updated), to upsert. */
  event: EventRecord;
  story: StoryRecord;
  /** Events that moved to another story (story merges), to upsert too. */
  movedEvents: EventRecord[];
  /** Stories absorbed into `story` by a merge, to delete after their events moved. */
  mergedStoryIds: number[];
  /**
   * Events of the story absorbed into `event`: the article is the same day's report of each, so
   * they were one happening that arrival order had split. Their articles move to `event`.
   */
  mergedEventIds?: number[];
  /**
   * Stored articles that turn out to be copies of this one (they arrived before their original):
   * each is re-pointed at `duplicateOf` (this article's id or its root), in the same transaction.
   */
  refolded?: Array<{ id: number; duplicateOf: number; similarity: number | null; changes: CopyChanges | null }>;
}

/** A stored article as the grouper needs it again on restart, with where it was placed. */
export interface StoredPlacement extends GroupingInput {
  duplicateOf: number | null;
  event: EventRecord;
  story: StoryRecord;
}

/**
 * Stories regrouped by hand (stories merged into one, an event moved to another story or a story of
 * its own, by the reader): the records as they are now, the events that moved to another story, the
 * stories that are gone into another, and the stories told apart. The store
 * writes it; the grouper takes it into its state, so what arrives next is placed with it.
 */
export interface Regrouping {
  /** The stories that stay, with their title and span over what they hold now. */
  stories: StoryRecord[];
  /** Events now in another story (`storyId` is where they are now). */
  movedEvents: EventRecord[];
  /** Stories merged away, and the story each is part of now. */
  merged: Array<{ id: number; into: number }>;
  /** Pairs of stories the reader told apart (an event moved from one to the other): never merged again. */
  apart?: Array<[number, number]>;
}

/** A grouper's state, saved with the store: what it held after the article `lastArticleId`. */
export interface GrouperState {
  lastArticleId: number;
  data: Uint8Array;
}

export interface Grouper {
  decide(input: GroupingInput): Placement;
  apply(input: GroupingInput, placement: Placement): void;
  restore(stored: StoredPlacement): void;
  /** Its state (bounded by its windows, not by the store), for a restart to load. */
  saveState?(): GrouperState;
  /**
   * Into a new grouper: the state a grouper built the same way saved (same code and settings);
   * false, and nothing changed, when it was not.
   */
  loadState?(saved: GrouperState): boolean;
  /** After a restore: never give out these ids or lower again (stories merged away leave no article behind). */
  reserveIds?(highest: { event: number; story: number }): void;
  /** Takes a regrouping made by hand (stories merged, an event moved, by the reader) into its state. */
  regroup?(change: Regrouping): void;
}
