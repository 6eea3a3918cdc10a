/**
 * @module The publish and modified dates of a web page, from what its metadata declares (JSON-LD,
 * meta tags), what it shows the reader (`<time>`, date-classed elements, date lines near the top)
 * and its URL. Declared dates come first; what the page shows corrects them where the declared
 * date is plainly not the publication (a CMS that stamps every save as "published"), and where a
 * date in UTC moved the publisher's own day.
 */
import type { DomDocument, DomElement } from './html-document.js';
import { findDate } from './parse-date.js';
import type { DateParseOptions } from './parse-date.js';

/** What a date shown on the page says it is, from the words before it or its element's class. */
export type ShownKind = 'published' | 'updated' | 'plain';

export interface ShownDate {
  date: string;
  kind: ShownKind;
}

export interface DateSources {
  /** Declared publish dates, best first (JSON-LD article, other JSON-LD, meta tags). */
  declaredPublished: string[];
  /** Declared modified dates, best first. */
  declaredModified: string[];
  /** Dates shown to the reader, best-placed first (`<time>` and microdata, dated elements, text lines). */
  shown: ShownDate[];
  /** The day written in the page's URL. */
  fromUrl: string | null;
  /** A publish date the page's own scripts carry (app state, analytics), for pages that declare none. */
  fromScripts: string | null;
}

// Whole words only; \b would not see the end of "publié" (é is no \w).
const word = (alternatives: string): RegExp => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'giu');
const UPDATED = word('updated?|modified|revised|reviewed|edited|aktualisiert|ge(?:ä|ae)ndert|mis\\s+à\\s+jour|actualizad[oa]|aggiornat[oa]|bijgewerkt|atualizad[oa]');
const PUBLISHED = word('published|posted|publi(?:é|e)e?|ver(?:ö|oe)ffentlicht|publicad[oa]|pubblicat[oa]|gepubliceerd|created|written');

/** "Updated", "Published" or neither: the last such word before the date decides. */
export function kindOfLabel(label: string): ShownKind {
  const tail = label.slice(-60);
  const updated = lastIndex(tail, UPDATED);
  const published = lastIndex(tail, PUBLISHED);
  if (updated < 0 && published < 0) return 'plain';
  return updated > published ? 'updated' : 'published';
}

function lastIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index ?? last;
  return last;
}

const NUMERIC_DATES = /\b(\d{1,2})([/.-])(\d{1,2})\2(?:19|20)\d{2}\b/g;

/**
 * Day or month first in numeric dates ("03/06/2025"). The page's own unambiguous dates decide
 * ("25/03/2025" says day first); else the locale: US English month first, everyone else day
 * first ("en" without a region is read day first, as most of the English-speaking world writes).
 */
export function dateOrderFor(language: string | null, pageText: string | null = null): DateParseOptions {
  if (pageText) {
    let dayFirst = 0;
    let monthFirst = 0;
    for (const m of pageText.slice(0, 50_000).matchAll(NUMERIC_DATES)) {
      if (Number(m[1]) > 12 && Number(m[3]) <= 12) dayFirst++;
      if (Number(m[3]) > 12 && Number(m[1]) <= 12) monthFirst++;
    }
    if (dayFirst !== monthFirst) return { dayFirst: dayFirst > monthFirst };
  }
  return { dayFirst: !/^en[-_]us$/i.test(language?.trim() ?? '') };
}

const MAX_ELEMENTS = 400;
const MAX_LINES = 300;
/** How many text lines under and above the headline still belong to its byline. */
const BYLINE_LINES = 12;
const BYLINE_ABOVE = 3;

/**
 * Elements that may show the page's date: the headline, `<time>`, microdata, `pubdate`, and
 * elements whose class says date, time, byline or meta, or whose id says date.
 */
const DATED_CLASS = /date|time|byline|meta/i;
const DATED_ID = /date/i;
/** Comments, related-article lists and footers: `footer`, or a class or id saying so ("recommend": a class only). */
const ASIDE_CLASS = /comment|related|recommend/i;
const ASIDE_ID = /comment|related/i;

/**
 * The page's dated elements and its asides, each in document order, read in one pass over the
 * elements (CSS attribute selectors would walk the page once per selector and read each
 * element's attributes again for each).
 */
function datedAndAsides(document: DomDocument): { dated: DomElement[]; asides: DomElement[] } {
  const dated: DomElement[] = [];
  const asides: DomElement[] = [];
  const all = document.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const element = all[i] as DomElement;
    const name = element.localName;
    const cls = element.getAttribute('class');
    const id = element.getAttribute('id');
    if (name === 'footer' || (cls !== null && ASIDE_CLASS.test(cls)) || (id !== null && ASIDE_ID.test(id))) asides.push(element);
    if (dated.length >= MAX_ELEMENTS) continue;
    if (name === 'h1' || name === 'time' || (cls !== null && DATED_CLASS.test(cls)) || (id !== null && DATED_ID.test(id))) dated.push(element);
    else {
      const itemprop = element.getAttribute('itemprop');
      if (itemprop === 'datePublished' || itemprop === 'dateModified' || element.hasAttribute('pubdate')) dated.push(element);
    }
  }
  return { dated, asides };
}

/** from, from±1, ... to (inclusive), counting down when to < from; never below 0. */
const range = (from: number, to: number): number[] => {
  const step = to >= from ? 1 : -1;
  const out: number[] = [];
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) if (i >= 0) out.push(i);
  return out;
};

/**
 * Dates shown to the reader, the byline's first: dates just under the headline (`<time>`,
 * microdata, date-, time-, byline- and meta-classed elements, then short text lines), then those
 * just above it, then the rest of the page in order. Dates inside related-article lists,
 * sidebars and comments are not the page's own.
 */
export function shownDates(document: DomDocument, pageText: string | null, order: DateParseOptions = {}): ShownDate[] {
  const title = document.querySelector('h1');
  const { dated: nodes, asides } = datedAndAsides(document);
  const elements: Array<ShownDate & { at: number }> = [];
  let titleAt = -1;
  for (let i = 0; i < nodes.length && i < MAX_ELEMENTS; i++) {
    const node = nodes[i] as DomElement;
    if (node === title) {
      titleAt = i;
      continue;
    }
    const found = elementDate(node, order);
    if (found) elements.push({ ...found, at: i });
  }
  const text = pageText?.split('\n') ?? [];
  const heading = squash(title?.textContent ?? null);
  const titleLine = heading ? text.findIndex((line) => line.trim() === heading) : -1;
  const aside = asideText(asides, heading);
  const lineDates = (i: number): Array<ShownDate & { at: number }> => {
    const line = text[i];
    if (line === undefined || line.length > 90 || aside.includes(line.trim())) return [];
    return datesIn(line, order).map((d) => ({ ...d, at: i }));
  };
  const lines = range(0, Math.min(MAX_LINES, text.length) - 1).flatMap(lineDates);
  // Under the headline first, then just above it; the element showing the same day adds its
  // time (a `<time datetime>`) and label.
  const near = titleLine < 0 ? [] : [...range(titleLine + 1, titleLine + BYLINE_LINES), ...range(titleLine - 1, titleLine - BYLINE_ABOVE)];
  const byline = near.flatMap(lineDates).map((line) => {
    const same = elements.filter((e) => e.date.slice(0, 10) === line.date.slice(0, 10));
    const element = same.reduce<(typeof same)[number] | null>((best, e) => (!best || e.date.length > best.date.length ? e : best), null);
    return element ? { ...element, kind: line.kind === 'plain' ? element.kind : line.kind } : line;
  });
  const ranked = [...byline, ...elements.filter((d) => d.at > titleAt), ...elements, ...lines];
  const shown: ShownDate[] = [];
  const seen = new Set<object>();
  for (const d of ranked) {
    if (seen.has(d)) continue;
    seen.add(d);
    shown.push({ date: d.date, kind: d.kind });
  }
  return shown;
}

function elementDate(node: DomElement, order: DateParseOptions): ShownDate | null {
  if (node.localName === 'meta' || node.localName === 'link' || node.localName === 'body' || node.localName === 'html') return null;
  const text = squash(node.textContent);
  const attribute = node.getAttribute('datetime') ?? node.getAttribute('content');
  if (!attribute && (!text || text.length > 120)) return null;
  const fromText = text.length <= 120 ? findDate(text, order) : null;
  const date = findDate(attribute, order)?.date ?? fromText?.date;
  if (!date || insideRelatedBlock(node)) return null;
  return { date, kind: elementKind(node, fromText ? text.slice(0, fromText.index) : text) };
}

/** Every date in a short text (at most three), each labelled by the words just before it. */
function datesIn(text: string, order: DateParseOptions): ShownDate[] {
  const found: ShownDate[] = [];
  let from = 0;
  while (found.length < 3) {
    const hit = findDate(text.slice(from), order);
    if (!hit) break;
    found.push({ date: hit.date, kind: kindOfLabel(text.slice(Math.max(0, from - 1), from + hit.index)) });
    // Step past the day so the next search starts inside or after this date, never before it.
    from += hit.index + 6;
  }
  return found;
}

const squash = (text: string | null): string => text?.replace(/\s+/g, ' ').trim() ?? '';

/** The words before the date decide; else the element's class ("updated", "published"). */
function elementKind(node: DomElement, label: string): ShownKind {
  const byLabel = kindOfLabel(label);
  if (byLabel !== 'plain') return byLabel;
  const marker = `${node.getAttribute('class') ?? ''} ${node.getAttribute('itemprop') ?? ''}`.toLowerCase();
  const updated = /modif|updat/.test(marker);
  const published = /publish|pubdate|posted|created/.test(marker) || node.hasAttribute('pubdate');
  if (updated !== published) return updated ? 'updated' : 'published';
  return 'plain';
}

const RELATED = /related|recommend|sidebar|comment|footer|popular|trending|teaser|widget/i;

/**
 * The text of comments, related-article lists and footers, whose dates are not the page's
 * (sidebars and asides are left in: some pages put the byline there).
 */
function asideText(blocks: readonly DomElement[], heading: string): string {
  const parts: string[] = [];
  for (let i = 0; i < blocks.length && i < 200; i++) {
    const block = blocks[i] as DomElement;
    if (block.localName === 'body' || block.localName === 'html' || block.localName === 'main' || block.localName === 'article') continue;
    const text = squash(block.textContent);
    // A wrapper classed "has-comments" around the whole story is no aside.
    if (!heading || !text.includes(heading)) parts.push(text);
  }
  return parts.join('\n');
}

function insideRelatedBlock(node: DomElement): boolean {
  let current: DomElement | null = node;
  for (let depth = 0; current && depth < 12; depth++) {
    const marker = `${current.getAttribute?.('class') ?? ''} ${current.getAttribute?.('id') ?? ''}`;
    if (RELATED.test(marker)) return true;
    if (current.localName === 'article' || current.localName === 'main') return false;
    current = current.parentNode as DomElement | null;
  }
  return false;
}

const dayOf = (date: string | null | undefined): string | null => date?.slice(0, 10) ?? null;

/**
 * The article's publish date. The declared one (where declarations disagree, the one the byline
 * shows), unless
 * - the CMS declares the same day (or a later one) as published and modified, which is the date
 *   of the last save rather than of publication: then an earlier date the page shows as
 *   published (or unlabelled) near the top;
 * - it is written in UTC and the publisher's own day (a `<time>` with the same instant in a local
 *   offset, or the URL's day one day off) is another: then that day.
 * A page that shows only its update date under the headline keeps its declared publish date: the
 * update is not the publication, and readers' own dating of such pages splits evenly between the
 * two (WCXB), so nothing there argues for the shown date.
 * Without a declared date: a date shown as published, the URL's date, a plain shown date, a
 * shown updated date, the declared modified date, in that order.
 */
export function choosePublished(s: DateSources): string | null {
  // Declarations that disagree: the one the byline confirms.
  const disagree = new Set(s.declaredPublished.map(dayOf)).size > 1;
  const byline = disagree ? s.shown.find((d) => d.kind !== 'updated') : undefined;
  const declared = s.declaredPublished.find((d) => byline && dayOf(d) === dayOf(byline.date)) ?? s.declaredPublished[0] ?? null;
  const modified = s.declaredModified[0] ?? null;
  // A shown date that is not an update: not labelled one, and not the declared modified day
  // unless it is labelled published or is the declared publish day as well.
  const notUpdate = (d: ShownDate): boolean => d.kind !== 'updated' && (d.kind === 'published' || dayOf(d.date) !== dayOf(modified) || dayOf(d.date) === dayOf(declared));
  if (declared) {
    const declaredDay = dayOf(declared) as string;
    const saveStamp = modified !== null && declaredDay >= (dayOf(modified) as string);
    if (saveStamp) {
      const first = s.shown.find(notUpdate);
      if (first && (dayOf(first.date) as string) < declaredDay) return first.date;
    }
    return publisherDay(declared, s);
  }
  // Nothing declared as published: the page's own first date that is not labelled an update,
  // even when it is the declared modified day (a page that only ever shows one date shows it
  // under the headline, and that is the date its readers take for the publication).
  return (
    s.shown.find((d) => d.kind === 'published')?.date ??
    s.fromUrl ??
    s.shown.find((d) => d.kind !== 'updated')?.date ??
    s.shown[0]?.date ??
    s.fromScripts ??
    modified
  );
}

/** The declared modified date, else a date the page shows as updated. */
export function chooseModified(s: DateSources): string | null {
  return s.declaredModified[0] ?? s.shown.find((d) => d.kind === 'updated')?.date ?? null;
}

const UTC_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|[+-]00:00)$/;

/** A UTC date-time moved to the day the publisher wrote, when the page tells which day that was. */
function publisherDay(declared: string, s: DateSources): string {
  const utc = declared.match(UTC_TIME);
  if (!utc) return declared;
  const instant = Date.parse(declared);
  for (const d of s.shown) {
    if (!/[+-]\d{2}:\d{2}$/.test(d.date) || /[+-]00:00$/.test(d.date)) continue;
    if (Math.abs(Date.parse(d.date) - instant) <= 60_000) return d.date;
  }
  if (s.fromUrl) {
    const hour = Number(utc[2]);
    const shift = (Date.parse(s.fromUrl) - Date.parse(utc[1] as string)) / 86_400_000;
    // Offsets run from -12 to +14 hours: the local day can only be the day before in the
    // morning (UTC) and the day after in the evening.
    if ((shift === -1 && hour < 12) || (shift === 1 && hour >= 10)) return s.fromUrl;
  }
  return declared;
}
