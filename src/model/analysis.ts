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
  /**
   * Who the article says spoke when it names no one: "a source close to President Emmanuel Macron",
   * "two diplomats familiar with the talks", "the ministry". With a speaker, the body an unnamed
   * spokesperson spoke for ("a spokesman for Vestby Shipping": speaker Vestby Shipping). Absent when
   * a person is named or nothing is said of the source.
   */
  attribution?: string;
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

/**
 * How exactly a figure is stated: "31 countries" exact, "about 30 leaders" approximate, "more than
 * 2,400 claims" a lower bound, "up to 110 km" an upper bound, "several thousand troops" vague.
 */
export type FigurePrecision = 'exact' | 'approximate' | 'at-least' | 'at-most' | 'vague';

export interface Figure {
  /** As written, with the word that qualifies it ("about 30 leaders"). */
  text: string;
  start: number;
  end: number;
  /** The number stated ("about 30" is 30, "more than 2,400" 2,400); a vague count's least reading ("several thousand": 3,000). */
  value: number;
  /** Normalised unit: ISO currency code ("EUR"), "percent", or the counted noun ("countries"). */
  unit: string;
  precision: FigurePrecision;
  /** The values the wording allows, which decide whether two reports agree: [31, 31] for "31", about 25-35 for "about 30", [3,000, 9,000] for "several thousand"; `high` null has no upper bound ("more than 2,400"). */
  low: number;
  high: number | null;
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
