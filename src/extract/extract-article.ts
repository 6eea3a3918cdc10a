/**
 * @module RawDocument -> Article. HTML: metadata from the page (JSON-LD, meta tags, the page
 * itself) and the body from the main-content cascade. Flattened text: the line cleaner, a title
 * from the first line or sentence. Both: container hints fill what the content leaves empty,
 * the outlet falls back to the URL host, the language is detected when nobody declared it.
 */
import { eld } from 'eld/extrasmall';
import type { Article, RawDocument } from '../model/index.js';
import { cleanFlattenedText, wordsOf } from '../clean/clean-text.js';
import { outletOfStaffBylines } from '../clean/staff-byline-outlet.js';
import { outletOfCopyright } from '../clean/copyright-holder.js';
import { findCredits } from '../clean/credits.js';
import { describeLine, isDateTimeLine, isProse } from '../clean/line-features.js';
import { languageCodeOf } from '../language/codes.js';
import { flattenNode } from './flatten-html.js';
import { parseDocument } from './html-document.js';
import { extractMainContent } from './main-content.js';
import { bylineLines, cleanAuthor, opensAsByline } from './page-author.js';
import { domainLabel, readPageMetadata } from './page-metadata.js';
import { outletOnPage } from './page-outlet.js';
import { dateFromUrl, parseDate } from './parse-date.js';

export interface ExtractOptions {
  /** Lines seen repeatedly across the same outlet's other articles (dropped from the text). */
  outletLines?: ReadonlySet<string>;
}

const TITLE_MAX = 140;

export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): Article {
  const content = typeof raw.content === 'string' ? raw.content : '';
  if (looksBinary(content)) throw new Error('content is binary, not an article');
  const article = raw.format === 'html' ? fromHtml(raw, content, options) : fromText(raw, content, options);
  // A live blog's post keeps the page it was posted on (see live-blog.ts).
  return raw.hints.livePage ? { ...article, livePage: raw.hints.livePage } : article;
}

function fromHtml(raw: RawDocument, html: string, options: ExtractOptions): Article {
  const hints = raw.hints;
  const document = parseDocument(html);
  const pageText = document.body ? flattenNode(document.body) : '';
  const meta = readPageMetadata(document, hints.url ?? null, pageText);
  const url = hints.url ?? meta.canonicalUrl;
  // Read before the main content is taken out of the document; a declared name, the caller's or
  // the address's host come first.
  const named = meta.siteName ?? hints.source ?? sourceFromUrl(url) ?? outletOnPage(document, meta.title);
  const main = extractMainContent(document, {
    articleBody: meta.articleBody,
    outletLines: options.outletLines,
    pageText,
    reparse: () => parseDocument(html),
    url: hints.url ?? meta.canonicalUrl,
    outletNames: outletNames(meta.siteName, hints.source, hints.url ?? meta.canonicalUrl),
    headline: meta.title ?? hints.title,
  });
  // A feed item whose content is its headline (and its outlet's name) carries no text of its own.
  const headlineOnly = isFragment(html) && !!hints.title && saysOnlyItsHeadline(main.text, hints.title, hints.source);
  if (!main.text.trim() && !headlineOnly) throw new Error('no article text found in the HTML');
  return {
    externalId: hints.externalId ?? null,
    path: raw.path,
    url: url ?? null,
    source: named ?? outletOfCopyright(pageText),
    author: meta.author ?? (main.byline ? cleanAuthor(main.byline) : null) ?? hints.author ?? null,
    title: meta.title ?? main.title ?? hints.title ?? titleFromText(main.text),
    text: headlineOnly ? '' : main.text,
    // A feed item's content is a fragment: dates inside it are what the story mentions, not when
    // it was published, so the feed's own date wins there.
    published: isFragment(html) && hints.published
      ? parseDate(hints.published) ?? hints.published
      : preciser(meta.published, parseDate(hints.published) ?? hints.published ?? null),
    modified: meta.modified,
    language: chooseLanguage(main.text, hints.language ?? meta.language),
    credits: findCredits(pageText),
  };
}

function fromText(raw: RawDocument, text: string, options: ExtractOptions): Article {
  const hints = raw.hints;
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // A site's menu over the headline (a saved or printed page: "Home · News · Sport") is passed over.
  const first = lines.slice(0, MENU_LINES_PASSED + 1).find((line) => !MENU.test(line)) ?? lines[0] ?? '';
  // A headline on the first line (short, no final full stop) is the title, not a paragraph.
  const headline = !hints.title && first && isHeadline(first) && lines.length > 1 ? first : null;
  const body = headline ? text.slice(text.indexOf(first) + first.length) : text;
  const title = hints.title?.trim() || headline;
  // A feed item or a dump's line with a headline and nothing more (a news search's items, a
  // headline dump) is a headline-only article: grouped by its headline, with no text of its own.
  const headlineOnly = !!hints.title?.trim() && saysOnlyItsHeadline(text, hints.title, hints.source);
  const cleaned = headlineOnly ? '' : cleanFlattenedText(body, { outletLines: options.outletLines, headline: title });
  if (!cleaned.trim() && !headlineOnly) throw new Error('no article text found');
  const url = hints.url ?? null;
  const author = hints.author ?? bylineOfText(lines);
  return {
    externalId: hints.externalId ?? null,
    path: raw.path,
    url,
    // A dump without a source or an address names its outlet, if at all, in its copyright line,
    // or in the bylines of its lists of other articles that its calls to follow it confirm.
    source: hints.source ?? sourceFromUrl(url) ?? outletOfCopyright(body) ?? outletOfStaffBylines(body, author),
    author,
    title: title || titleFromText(cleaned),
    text: cleaned,
    // A feed or dump item without a date of its own is dated by its address ("/2025/03/06/"), as
    // a web page without one is, else by the date line under its headline.
    published: parseDate(hints.published) ?? hints.published ?? dateFromUrl(url) ?? datelineOfText(lines),
    modified: null,
    language: chooseLanguage(cleaned, hints.language ?? null),
    credits: findCredits(body),
  };
}

/**
 * Whether a feed item's content says nothing but its headline, its outlet's name or both ("Council
 * backs port expansion  The Harbour Times", a news search's summary), or nothing at all.
 */
function saysOnlyItsHeadline(text: string, title: string, source: string | null | undefined): boolean {
  // Most items say far more: their text is not split into words to find it out.
  if (text.length > 2 * (title.length + (source?.length ?? 0)) + 40) return false;
  const words = (value: string): string => wordsOf(value).join(' ');
  const rest = ` ${words(text)} `.replace(` ${words(title)} `, ' ').trim();
  return rest === '' || (!!source && rest === words(source));
}

/** A place and a date: "Brennmouth, 15 May 2026", "NEW YORK, March 6, 2025". */
const PLACE_AND_DATE = /^\p{Lu}[\p{L}'’.-]*(?:[ -]\p{L}[\p{L}'’.-]*){0,3},\s+(.+)$/u;
/** A line of the story itself, not of the header above it. */
const STORY_LINE_CHARS = 100;

/**
 * The day a text dump's date line gives ("15 May 2026", "Published: 15 May 2026, 10:20",
 * "Brennmouth, 15 May 2026"), read in the lines above its story (a saved page, a PDF, a press
 * release), or null. A relative stamp ("3 hours ago") or a date without its year dates nothing.
 */
function datelineOfText(lines: string[]): string | null {
  for (const line of lines.slice(0, BYLINE_LINES_READ)) {
    if (line.length >= STORY_LINE_CHARS) break;
    // A byline with its date after a mark ("By Marta Lindqvist · 15 May 2026") dates the text too.
    const afterByline = opensAsByline(line) ? BYLINE_DATE.exec(line)?.[1] : undefined;
    const date = afterByline ?? PLACE_AND_DATE.exec(line)?.[1] ?? line;
    if (isDateTimeLine(date)) {
      const day = parseDate(date);
      if (day) return day;
    }
  }
  return null;
}

/** What follows the last mark of a byline ("By Marta Lindqvist, Port Correspondent · 15 May 2026"). */
const BYLINE_DATE = /\s[·|•–—-]\s([^·|•–—]+)$/;

/** A line of menu items: three or more set apart by "·", "|" or "•" ("Home · News · Sport"). */
const MENU = /^[^·|•]{1,30}(?:\s[·|•]\s[^·|•]{1,30}){2,}$/;
/** Menu lines passed over, at most, to find a text dump's headline. */
const MENU_LINES_PASSED = 2;

/** Lines of a text dump read for its byline: it sits under the headline, above the story. */
const BYLINE_LINES_READ = 8;

/** The author a text dump's byline names ("By Jane Doe", "Written by Jane Doe | 4 min read"), or null. */
function bylineOfText(lines: string[]): string | null {
  const byline = bylineLines(lines.slice(0, BYLINE_LINES_READ).join('\n'))[0];
  return byline === undefined ? null : cleanAuthor(byline);
}

/**
 * The page's own date, unless it is only a day and the container (a feed's pubDate) gives the
 * time on that day: the time is what tells which outlet carried a dispatch first.
 */
function preciser(page: string | null, container: string | null): string | null {
  if (!page) return container;
  if (container && page.length === 10 && container.length > 10 && container.startsWith(page)) return container;
  return page;
}

const isFragment = (html: string): boolean => !/<html[\s>]|<head[\s>]|<body[\s>]/i.test(html.slice(0, 4096));

function isHeadline(line: string): boolean {
  const f = describeLine(line);
  return !isProse(f) && f.words >= 3 && f.words <= 25 && !/[.]$/.test(line);
}

/** A shortest headline worth cutting a lead sentence to at a clause boundary. */
const TITLE_MIN_CLAUSE = 50;

/**
 * The first sentence (or line) of the text as a headline: without its attribution (", a source
 * close to the president said on Thursday."), and when still too long cut where a clause begins
 * (", emphasizing that ...", ", which ...", " after any peace deal ..."), else at a word boundary.
 */
export function titleFromText(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? '';
  const whole = firstLine.match(/^.+?[.!?](?=\s+["“‘(]?[\p{Lu}\d]|$)/u)?.[0] ?? firstLine;
  if (whole.length <= TITLE_MAX) return whole;
  const sentence = whole.replace(/,[^,“”"]{3,80}\b(?:said|says|told|announced|reported|confirmed|added)\b[^,“”"]{0,40}[.!]$/u, '');
  if (sentence.length <= TITLE_MAX) return sentence;
  // The last clause boundary that leaves enough headline, outside quotation marks: a comma or dash
  // before a lower-case word, or a word that opens a clause ("... chiefs of staff whose nations").
  let clause = -1;
  for (const m of sentence.slice(0, TITLE_MAX + 1).matchAll(/(?:,|\s[–—])\s+(?=\p{Ll})|\s(?=(?:whose|which|who|after|amid|while|because|despite|following|including|when|where)\s)/gu)) {
    const before = sentence.slice(0, m.index);
    if (m.index >= TITLE_MIN_CLAUSE && (before.match(/["“”]/g) ?? []).length % 2 === 0) clause = m.index;
  }
  if (clause > 0) return sentence.slice(0, clause);
  const cut = sentence.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** The names an outlet goes by: its declared name and its domain's own label ("ascom" of www.ascom.com). */
function outletNames(siteName: string | null, source: string | null | undefined, url: string | null | undefined): string[] {
  // The site's own label of its address: "bbc" of bbc.co.uk, not "co".
  return [siteName, source, domainLabel(url ?? null)].filter((name): name is string => !!name && name.trim().length >= 3).map((name) => name.trim());
}

/** "https://www.kyivpost.com/post/1" -> "kyivpost.com". */
export function sourceFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^(?:www\d*|m|amp|mobile)\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The declared language unless the text clearly says otherwise (templates often declare "en" for
 * every page); detection alone when nothing was declared.
 */
function chooseLanguage(text: string, declared: string | null): string | null {
  // Declared as a code or by name ("en-GB", "ENGLISH").
  const normalised = declared ? languageCodeOf(declared) : null;
  // 800 characters tell the language as well as 3,000 do. ELD (n-gram tables) reads them in about
  // 0.1 ms, a sixth of what tinyld took, and mistook fewer English pages for other languages; its
  // extra-small table is as accurate as the larger ones on paragraphs, at a third of the memory.
  const sample = text.slice(0, 800);
  // Too short to detect, or too short to overrule a declared language.
  if (sample.length < 40 || (normalised && sample.length < 400)) return normalised;
  if (normalised === 'en' && opensInEnglish(sample)) return normalised;
  const detected = detectLanguage(sample);
  if (!detected.language) return normalised;
  if (!normalised) return detected.language;
  return detected.language !== normalised && detected.isReliable() && sample.length >= 400 ? detected.language : normalised;
}

/**
 * Function words no other language writes as words of its own ("the", "which", "said"; not "is",
 * "in", "was", "of" or "for", which Dutch, German or the Nordic languages share).
 */
const ENGLISH_ONLY_WORDS = new Set([
  'the', 'and', 'that', 'with', 'said', 'from', 'has', 'were', 'which', 'would', 'their', 'this', 'been', 'after',
  'who', 'about', 'they', 'she', 'his', 'its', 'are', 'it',
]);
/** The stretch ELD reads: it stops after about 350 bytes of the sample. */
const DETECTED_STRETCH = 350;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Whether a text declared English plainly is: five of English's own function words within the
 * stretch ELD would read, so detection could not overrule the declaration (no text it finds in
 * another language, among the evaluation pages, PolNeAR, MEANTIME and TempEval, has even one).
 * Most English articles pass, sparing ELD, a tenth of a worker's time.
 */
function opensInEnglish(sample: string): boolean {
  let found = 0;
  for (const [word] of sample.slice(0, DETECTED_STRETCH).matchAll(LATIN_WORD)) {
    if (ENGLISH_ONLY_WORDS.has(word.toLowerCase()) && ++found === 5) return true;
  }
  return false;
}

/** Samples whose detection is kept: a wire copy opens with its original's words, mostly within minutes of it. */
const RECENT_SAMPLES = 512;
const recentDetections = new Map<string, ReturnType<typeof eld.detect>>();

/** ELD's detection of a sample (a result: pure, and it keeps its own scores once asked for them). */
function detectLanguage(sample: string): ReturnType<typeof eld.detect> {
  let detected = recentDetections.get(sample);
  if (detected === undefined) {
    detected = eld.detect(sample);
    if (recentDetections.size >= RECENT_SAMPLES) recentDetections.delete(recentDetections.keys().next().value as string);
    recentDetections.set(sample, detected);
  }
  return detected;
}

function looksBinary(content: string): boolean {
  const head = content.slice(0, 2000);
  if (!head) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what binary content shows
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls / head.length > 0.1;
}
