/**
 * @module Analysis: what was said, by whom, who and what is named, figures and dates, each tied
 * to character offsets in `Article.text` (UTF-16 code units, `text.slice(start, end)`).
 */

export interface Quote {
  /** The quoted (direct) or reported (indirect) content. */
  text: string;
  start: number;
  end: number;
  direct: boolean;
  /** Canonical speaker name, or null when the article does not say. */
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
}

export type EntityType = 'person' | 'organisation' | 'place';

export interface EntityMention {
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name the mention resolves to within the article ("Macron" -> "Emmanuel Macron"). */
  name: string;
}

export interface Figure {
  text: string;
  start: number;
  end: number;
  value: number;
  /** Normalised unit: ISO currency code ("EUR"), "percent", or the counted noun ("countries"). */
  unit: string;
}

export interface DateMention {
  text: string;
  start: number;
  end: number;
  /** ISO value at its granularity: 2025-03-11, 2025-03, 2025-W11, 2025; null if unresolvable. */
  value: string | null;
}

export interface Analysis {
  quotes: Quote[];
  entities: EntityMention[];
  figures: Figure[];
  dates: DateMention[];
}

export const emptyAnalysis = (): Analysis => ({ quotes: [], entities: [], figures: [], dates: [] });
