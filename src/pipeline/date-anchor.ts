/**
 * @module The date an undated article's relative dates ("on Tuesday") count from. A copy and its
 * original are one dispatch: an undated copy counts from its original's publish date, an undated
 * original from the earliest publish date among its copies. Ingest and `reanalyse` both use it,
 * so a store analysed again reads the same dates as the ingest that built it.
 */
import type { Article } from '../model/index.js';

/** The earliest publish date among an original's copies (null when none is dated). */
export function anchorFromCopies(copies: ReadonlyArray<Pick<Article, 'published'>>): string | null {
  let earliest: string | null = null;
  for (const copy of copies) if (copy.published !== null && (earliest === null || copy.published < earliest)) earliest = copy.published;
  return earliest;
}
