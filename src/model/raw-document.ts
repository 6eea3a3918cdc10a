/**
 * @module RawDocument: what a source hands to extraction. One input file may yield many
 * (a feed, a JSONL dump); each keeps where it came from so errors and records can name it.
 */

/** The shape of the content a source read. */
export type RawFormat = 'text' | 'html';

export interface RawDocument {
  /** File the document came from, as given on the command line (or an upload name). */
  path: string;
  /** Position inside a multi-document file (feed item, JSONL line), 0 for single files. */
  index: number;
  format: RawFormat;
  /** Decoded content: flattened text or an HTML document/fragment. */
  content: string;
  /** Metadata the container already gave (feed item fields, JSONL fields, text header). */
  hints: DocumentHints;
}

export interface DocumentHints {
  externalId?: string | null;
  url?: string | null;
  title?: string | null;
  source?: string | null;
  author?: string | null;
  /** ISO 8601 date or date-time as given by the container. */
  published?: string | null;
  language?: string | null;
  /** The live blog page the document is a post of (see extract/live-blog.ts). */
  livePage?: string | null;
}

/** How messages name a document: its file, with the item's number (from 1) inside a feed or dump. */
export const documentLabel = (raw: Pick<RawDocument, 'path' | 'index' | 'hints'>): string =>
  raw.index > 0 || raw.hints.externalId ? `${raw.path}#${raw.index + 1}` : raw.path;
