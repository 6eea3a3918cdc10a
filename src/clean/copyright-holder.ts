/**
 * @module Who a page's copyright line names ("© 2026 Northgate Post Media Ltd.", "© The Vessland
 * Herald 2026 · About us"): on most pages the outlet itself, which the cleaner uses to recognise the
 * outlet's own blurb, and which names the outlet of a text that arrives without one.
 */
import { isAgency } from './credits.js';

/** The holder after the mark and an optional year or range; it ends at punctuation, a year, "All rights" or the line's end. */
const COPYRIGHT_HOLDER =
  /^(?:©|\([Cc]\)|[Cc]opyright\b|COPYRIGHT\b)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?:by\s+)?(\p{Lu}[\p{L}&'’-]*(?:\s+\p{Lu}[\p{L}&'’-]*){0,4})(?:\s+(?:19|20)\d\d)?(?:\s*[.,|·•]|\s+[Aa]ll [Rr]ights|\s*$)/u;

/** The holder a copyright line names, or null when the line is not one (or names no one). */
export function copyrightHolder(line: string): string | null {
  return COPYRIGHT_HOLDER.exec(line.trim())?.[1] ?? null;
}

// The company behind a title: its legal form, then a word the company adds to the title's name
// ("Northgate Post Media Ltd." publishes the Northgate Post).
const LEGAL_FORM = /\s+(?:Ltd|Limited|Inc|Incorporated|LLC|LLP|L\.?P|plc|PLC|GmbH|AG|AS|ASA|AB|SA|SAS|SpA|BV|NV|Oy|Pty|Co|Corp|Corporation)\.?$/;
const COMPANY_WORD = /\s+(?:Media|Group|Holdings|Publishing|Publications|Company|Enterprises)$/;

/** The outlet a company name stands for: "Northgate Post Media Ltd." -> "Northgate Post". */
export function outletOfHolder(holder: string): string {
  let name = holder.trim().replace(LEGAL_FORM, '');
  while (COMPANY_WORD.test(name)) name = name.replace(COMPANY_WORD, '');
  return name || holder.trim();
}

/**
 * The outlet a text's own copyright line names (the last short one: page footers come last), not
 * a news agency whose dispatch the text carries ("© 2025 AFP" under a wire story names the wire).
 */
export function outletOfCopyright(text: string): string | null {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line || line.length > 160) continue;
    const holder = copyrightHolder(line);
    if (holder === null) continue;
    const outlet = outletOfHolder(holder);
    if (!isAgency(outlet) && !isAgency(holder)) return outlet;
  }
  return null;
}
