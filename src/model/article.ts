/**
 * @module Article: the clean article text and its metadata, the unit every later stage works on.
 */

export interface Article {
  /** Input's own id: JSONL `id`, feed guid; else null. */
  externalId: string | null;
  path: string | null;
  url: string | null;
  /** Outlet name ("Kyiv Post", "AFP"); derived from the URL host when nothing better is known. */
  source: string | null;
  author: string | null;
  title: string;
  /** Clean article text: paragraphs separated by a blank line ("\n\n"). */
  text: string;
  /** ISO date (YYYY-MM-DD) or date-time of publication, or null when unknown. */
  published: string | null;
  modified: string | null;
  /** ISO 639-1 code, or null when undetermined. */
  language: string | null;
  /** Agencies the article credits ("With AFP", "PARIS (AFP) -"), read before the credit line is cleaned away. */
  credits?: string[];
  /** The live blog page this article is a post of (its address, or its file): its posts are one story. */
  livePage?: string | null;
}
