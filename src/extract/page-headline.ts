/**
 * @module The article's headline, from what a page declares (JSON-LD `headline`, `og:title`,
 * `twitter:title`, the `<title>`) and what it shows (its `<h1>` headings). The shown headline is
 * what a reader quotes, so a heading wins when a declared title agrees with it, whole or as the
 * part left once the outlet's name is cut off ("Headline | The Harbour Times"); a page's one
 * heading wins over declared titles written for search engines and social cards. Otherwise the
 * first declared title, without the outlet's name around it.
 */
import { WRITTEN_DATE } from './parse-date.js';

export interface HeadlineSources {
  /** Declared titles, best first, entities decoded. */
  declared: string[];
  /** The page's top-level headings, in page order. */
  headings: string[];
  /** The names the site goes by: its declared name, its domain's label ("harbourtimes"). */
  outletNames: string[];
}

/** What separates a headline from the outlet's name or a section in a page title (kept when split). */
const SEPARATOR = /(\s+[|–—·•»~-]\s+|\s*\|\s*|\s+::\s+)/;
/** A heading longer than this is a paragraph set large, not a headline. */
const HEADING_MAX_CHARS = 300;

/** Lower case, letters and digits only, single spaces: how two spellings of a title are compared. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

const squashed = (text: string): string => titleKey(text).replace(/ /g, '');

/** Longest title part that may still be a name holding the outlet's ("Freightwaves Checkpoint"). */
const NAME_MAX_WORDS = 5;

/**
 * Whether a title part names the outlet: the same letters as one of its names or a piece of one,
 * or (`loosely`) a short part holding one. Only a part at a title's edge is read loosely: a
 * heading "Apple unveils a phone" on apple.com is a headline.
 */
function namesOutlet(part: string, names: string[], loosely = false): boolean {
  const p = squashed(part);
  if (!p) return true;
  const short = titleKey(part).split(' ').length <= NAME_MAX_WORDS;
  return names.some((name) => {
    const n = squashed(name);
    return n.length >= 3 && (p === n || n.includes(p) || (loosely && short && p.includes(n)));
  });
}

/**
 * The title without the outlet's name before or after it: "Headline | Outlet", "Outlet – Headline",
 * "Outlet: Headline". A title that is all name is kept whole.
 */
export function withoutOutlet(title: string, outletNames: string[]): string {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  const colon = /^([^:]{2,40}):\s+(.+)$/.exec(trimmed);
  const pieces = (colon && namesOutlet(colon[1]!, outletNames, true) ? colon[2]! : trimmed).split(SEPARATOR);
  // Even indices are the parts, odd ones the separators between them.
  let first = 0;
  let last = pieces.length - 1;
  while (last > first && namesOutlet(pieces[last]!, outletNames, true)) last -= 2;
  while (first < last && namesOutlet(pieces[first]!, outletNames, true)) first += 2;
  return pieces.slice(first, last + 1).join('').trim();
}

/** A declared title as the comparisons read it: without the outlet's name, and the keys of it whole and without. */
interface Declared {
  core: string;
  wholeKey: string;
  coreKey: string;
}

function readDeclared(title: string, outletNames: string[]): Declared {
  const core = withoutOutlet(title, outletNames);
  return { core, wholeKey: titleKey(title), coreKey: titleKey(core) };
}

/** Whether a declared title agrees with a heading: the same words, whole or without the outlet's name. */
function agreesWhole(key: string, declared: Declared): boolean {
  return key === declared.wholeKey || key === declared.coreKey;
}

/** Whether a heading is one part of a declared title ("Headline – Subtitle | Outlet") or opens or closes it. */
function agreesInPart(key: string, declared: Declared): boolean {
  if (declared.core.split(SEPARATOR).some((part, i) => i % 2 === 0 && titleKey(part) === key)) return true;
  return key.split(' ').length >= 3 && (declared.coreKey.startsWith(`${key} `) || declared.coreKey.endsWith(` ${key}`));
}

/**
 * Whether a heading is a declared title and a comment counter set in it, maybe after the source it
 * credits: "... Jobs 87", "... Jobs (latimes.com) 87".
 */
function declaredWithCounter(heading: string, declared: Declared): boolean {
  const core = declared.core.toLowerCase();
  return heading.toLowerCase().startsWith(core) && /^\s*(?:\([^()]{1,40}\)\s*)?\d+$/.test(heading.slice(core.length));
}

/** A date set before a headline in its heading: "Dec 18 2025", "18 December 2025", "2025-12-18". */
const LEADING_DATE = new RegExp(`^${WRITTEN_DATE}\\s+(?=\\S)`, 'iu');
/** A post's date line set inside its heading: "... Posted on July 1, 2024 by infuy". */
const TRAILING_POST_LINE = /\s+(?:posted|published|updated|last updated)(?:\s+on)?\s+(?:[a-z]+\.?\s+)?\d.*$/i;

/** A heading's text without a date or post line set inside it. */
function headingText(heading: string): string {
  const text = heading.replace(/\s+/g, ' ').trim();
  const cut = text.replace(TRAILING_POST_LINE, '').replace(LEADING_DATE, '');
  return cut.split(' ').length >= 3 ? cut : text;
}

/** A heading that reads as a headline: three words or more, not a banner in capitals. */
function readsAsHeadline(heading: string): boolean {
  return heading.split(/\s+/).length >= 3 && heading !== heading.toUpperCase();
}

/** The page's headline, or null when it declares and shows none. */
export function chooseHeadline({ declared, headings, outletNames: declaredNames }: HeadlineSources): string | null {
  const wholes = declared.map((d) => d.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // A site name that is a whole title (a template filling og:site_name with the page title) names nothing.
  const wholeKeys = new Set(wholes.map(titleKey));
  const outletNames = declaredNames.filter((name) => !wholeKeys.has(titleKey(name)) && titleKey(name).split(' ').length <= NAME_MAX_WORDS * 2);
  const titles = wholes.map((d) => readDeclared(d, outletNames));
  // The site's name set as a heading (a logo) is no headline.
  const shown = headings
    .map(headingText)
    .filter((h) => h.length > 0 && h.length <= HEADING_MAX_CHARS && !namesOutlet(h, outletNames))
    .map((text) => ({ text, key: titleKey(text) }));
  for (const heading of shown) if (titles.some((d) => agreesWhole(heading.key, d))) return heading.text;
  for (const heading of shown) if (titles.some((d) => agreesInPart(heading.key, d))) return heading.text;
  for (const heading of shown) {
    const counted = titles.find((d) => declaredWithCounter(heading.text, d));
    if (counted !== undefined) return counted.core;
  }
  if (shown.length === 1 && readsAsHeadline(shown[0]!.text)) return shown[0]!.text;
  const first = titles[0];
  if (first !== undefined) {
    // A declared title cut short ("... Solutions (Including") is completed by another that opens with it;
    // "Local Trails" and "Local Trails - Blue Line Bikes Houston": a suffix after a separator completes nothing.
    const longer = titles.find(
      (d) => d.core.length > first.core.length && d.coreKey.startsWith(`${first.coreKey} `) && !/^\s*(?:[|–—·•»~:-]|::)\s/.test(d.core.slice(first.core.length)),
    );
    return (longer ?? first).core;
  }
  return shown[0]?.text ?? null;
}
