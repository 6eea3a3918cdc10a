/**
 * @module Boilerplate removal from already-flattened text, line by line. Each line is judged by
 * how it looks (length, final punctuation, function-word density, title case, calls to action,
 * bylines, bare times) and by where it sits (runs of short headline-like lines, blocks before the
 * first and after the last paragraph, lines repeated within the page or across the outlet).
 *
 * Order (whole pages): unwrap hard-wrapped paragraphs -> describe lines -> classify them (prose,
 * short, furniture, list; on a page carrying its text twice, later copies are furniture) -> find
 * the headings a table of contents repeats -> judge runs of non-prose lines (subheadings, the
 * article's own lists, lists a paragraph announces with a colon) -> drop teasers, headline/summary
 * lists and captions -> keep the main block (main-block.ts) -> drop lists of other articles at
 * the block's edges (summaries under the same headline/author/date lines) -> join paragraphs with
 * a blank line.
 */
import { creditOfLine, isStaffCredit } from './credits.js';
import { copyrightHolder } from './copyright-holder.js';
import { describeLine, isProse, lineKey, usesKnownLanguage } from './line-features.js';
import type { LineFeatures } from './line-features.js';
import { keepMainBlock } from './main-block.js';

export interface CleanOptions {
  /** Lines (any case/spacing) seen repeatedly across the same outlet's other articles. */
  outletLines?: ReadonlySet<string>;
  /**
   * 'page' (default): the text may be a whole page, so only the main region is kept.
   * 'article': the text is an extractor's article body; drop furniture lines but keep every
   * region and the short lines around them.
   */
  scope?: 'page' | 'article';
  /**
   * Names the outlet goes by ("Ascom", "WIRED"): closing lines that describe the outlet itself
   * ("Ascom is a global provider of ...", the blurb under a press release) go. Without them, the
   * holder a copyright line on the page names stands for the outlet.
   */
  outletNames?: readonly string[];
  /**
   * The article's own headline: closing lines that link back to the article under it ("The post
   * <headline> appeared first on <outlet>.", "Continue reading <headline> →") go.
   */
  headline?: string | null;
}

export type Kind = 'prose' | 'short' | 'furniture' | 'list';

interface Line extends LineFeatures {
  kind: Kind;
  keep: boolean;
  /** Kept as an item of a list of the article's own. */
  item?: boolean;
}

/**
 * Remove page furniture from flattened text. Returns the kept lines as paragraphs separated by a
 * blank line ("\n\n"), whitespace normalised; the article's own wording is never altered.
 */
export function cleanFlattenedText(text: string, options: CleanOptions = {}): string {
  return judge(text, options)
    .filter((l) => l.keep)
    .map((l) => l.text)
    .join('\n\n');
}

/** A line of the text as the cleaner judged it. */
export interface JudgedLine {
  text: string;
  kind: Kind;
  keep: boolean;
}

/** Every line of the text (after unwrapping) with its kind and whether the cleaner keeps it. */
export function judgeLines(text: string, options: CleanOptions = {}): JudgedLine[] {
  return judge(text, options).map(({ text: line, kind, keep }) => ({ text: line, kind, keep }));
}

function judge(text: string, options: CleanOptions): Line[] {
  const rawLines = unwrapParagraphs(text);
  if (rawLines.length === 0) return [];
  const outletKeys = new Set([...(options.outletLines ?? [])].map(lineKey));
  // Each line's key is computed once (in describeLine) and counted from there.
  const features = rawLines.map(describeLine);
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f.key, (counts.get(f.key) ?? 0) + 1);
  const known = usesKnownLanguage(features);
  // The feature objects are this call's own: judged in place rather than copied.
  const lines = features as Line[];
  const copied = repeatsItsText(features, counts, known);
  const seen = copied ? new Set<string>() : null;
  for (const line of lines) {
    if (seen?.has(line.key)) {
      // A later copy of the page's text.
      line.kind = 'furniture';
    } else {
      seen?.add(line.key);
      line.kind = classify(line, seen ? 1 : (counts.get(line.key) ?? 1), outletKeys, known);
    }
    line.keep = false;
  }

  if (options.scope === 'article') {
    for (const line of lines) line.keep = !isArticleFurniture(line, counts.get(line.key) ?? 1);
    trimArticleEdges(lines);
  } else {
    findContentsHeadings(lines, counts);
    judgeRuns(lines);
    dropTeasers(lines);
    dropTeaserPairs(lines);
    dropCaptions(lines);
    keepMainBlock(lines);
    dropTemplatedTeasers(lines);
  }
  dropOwnHeadline(lines, options.headline);
  dropLinksToItself(lines, options.headline);
  // The outlet's own blurb closing what is kept, the outlet named by the caller or the page's copyright line.
  dropClosingBlurb(lines, outletBlurb([...(options.outletNames ?? []), ...copyrightHolders(lines)]));
  return lines;
}

/**
 * Whether most of the page's prose is there twice or more (a second copy of the article for
 * another screen or for print): then a repeated paragraph is the article's own, not a teaser.
 */
function repeatsItsText(lines: readonly LineFeatures[], counts: ReadonlyMap<string, number>, known: boolean): boolean {
  let prose = 0;
  let repeated = 0;
  for (const line of lines) {
    if (!isProse(line, known)) continue;
    prose += line.chars;
    if ((counts.get(line.key) ?? 1) >= 2) repeated += line.chars;
  }
  return prose > 0 && repeated >= prose * COPIED_SHARE;
}

/** Share of the page's prose repeated that makes the page a copy of itself. */
const COPIED_SHARE = 0.9;

/**
 * Inside an extracted article body most short lines are content (list items, prices, table
 * cells), so only lines that are furniture wherever they appear go: credits, calls to action,
 * navigation, and lone labels such as "Advertisement".
 */
function isArticleFurniture(line: Line, count: number): boolean {
  if (line.words === 0 || creditOfLine(line.text) || isStaffCredit(line.text) || COPYRIGHT.test(line.text)) return true;
  // Share bars repeated after every section: the same short line three times or more.
  if (count >= 3 && line.kind !== 'prose' && !/\d/.test(line.text)) return true;
  if (line.navigation && line.words <= 8) return true;
  if (line.callToAction && line.words <= 10) return true;
  return line.words === 1 && !/\d/.test(line.text) && (line.allCaps || /^[\p{Lu}][\p{Ll}]+$/u.test(line.text)) && line.kind === 'furniture';
}

/**
 * A line in which the outlet describes itself: its name (a company form may follow, or a clause
 * between commas), then "is a/an/the", "is headquartered/based", "was founded", "is one of".
 */
function outletBlurb(names: readonly string[] | undefined): RegExp | null {
  if (!names?.length) return null;
  const alternatives = [...new Set(names)].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^(?:${alternatives})(?:\\s+(?:Inc|Corp|Ltd|AG|SA|plc|Group)\\.?)?(?:,[^,]{1,80},)?\\s+(?:is\\s+(?:a|an|the|headquartered|based|one\\s+of|where)|was\\s+founded|has\\s+been\\s+(?:a|an|the))\\b`, 'i');
}

/** Who the page's copyright lines name: the outlet, on most pages. */
function copyrightHolders(lines: readonly Line[]): string[] {
  const holders: string[] = [];
  for (const line of lines) {
    if (line.words > 12) continue;
    const holder = copyrightHolder(line.text);
    if (holder && !holders.includes(holder)) holders.push(holder);
  }
  return holders;
}

/** A headline needs this many words to be told inside another line. */
const HEADLINE_MIN_WORDS = 4;
/**
 * Words a line linking back to the article adds around its headline: a dozen for "The post ...
 * appeared first on ...", some twenty for Medium's "... was originally published in ... on Medium,
 * where people are continuing the conversation ...". A longer headline told word for word allows
 * more around it.
 */
const selfLinkExtraWords = (headlineWords: number): number => Math.min(30, Math.max(12, 3 * headlineWords));

/** Letters and digits only, one space between words: "Port’s berths: 2028" and "port's berths 2028" alike. */
export const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether a line says the headline itself, word for word (case and punctuation aside). */
export function isHeadlineLine(line: string, headline: string | null | undefined): boolean {
  return !!headline && wordsOf(line).join(' ') === wordsOf(headline).join(' ');
}

/**
 * The article's own headline opening the kept text (a feed item's content repeats it as a heading):
 * it is the title, stored apart from the text.
 */
function dropOwnHeadline(lines: Line[], headline: string | null | undefined): void {
  if (!headline) return;
  const first = lines.findIndex((l) => l.keep);
  if (first < 0 || !isHeadlineLine((lines[first] as Line).text, headline)) return;
  // A text that is nothing but its headline keeps it.
  if (lines.some((l, i) => i > first && l.keep)) (lines[first] as Line).keep = false;
}

/**
 * Lines closing the kept text that name the article's own headline with a few words around it: a
 * feed's or a page's link back to the article itself, never the article's own prose (which does
 * not repeat its headline word for word at its end). The article's prose above them stays.
 */
function dropLinksToItself(lines: Line[], headline: string | null | undefined): void {
  const words = headline ? wordsOf(headline) : [];
  if (words.length < HEADLINE_MIN_WORDS) return;
  const key = ` ${words.join(' ')} `;
  const closing: Line[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (!line.keep) continue;
    const own = wordsOf(line.text);
    if (own.length > words.length + selfLinkExtraWords(words.length) || !` ${own.join(' ')} `.includes(key)) {
      if (lines.slice(0, i + 1).some((l) => l.keep && l.kind === 'prose')) for (const l of closing) l.keep = false;
      return;
    }
    closing.push(line);
  }
}

/**
 * The outlet's description of itself closing the kept text ("Ascom is a global provider ..."),
 * when the article's own prose stays above it (a page that is nothing but the blurb keeps it).
 */
function dropClosingBlurb(lines: Line[], blurb: RegExp | null): void {
  if (!blurb) return;
  const closing: Line[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (!line.keep) continue;
    if (!blurb.test(line.text)) {
      if (lines.slice(0, i + 1).some((l) => l.keep && l.kind === 'prose')) for (const l of closing) l.keep = false;
      return;
    }
    closing.push(line);
  }
}

const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|©\s*(?:19|20)\d\d/i;

/**
 * The head and tail of an extracted body: bylines, dates, labels and names before the first
 * paragraph, and calls to action, stamps, a line about the author and a comments link after the
 * last one ("Follow us", "Updated at 1:23 p.m.", "Jane Doe is the Courier's deals editor.",
 * "Comments").
 */
function trimArticleEdges(lines: Line[]): void {
  const firstProse = lines.findIndex((l) => l.kind === 'prose');
  if (firstProse < 0) return;
  for (let i = 0; i < firstProse; i++) {
    const line = lines[i] as Line;
    if (line.byline || line.timeOnly || line.kind === 'list' || line.kind === 'furniture' || line.allCaps || line.dated) line.keep = false;
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 4); i--) {
    const line = lines[i] as Line;
    if (line.callToAction || line.byline || line.timeOnly || line.authorBio || line.comment) line.keep = false;
    else if (line.kind === 'prose') break;
  }
}

function classify(f: LineFeatures, count: number, outletKeys: ReadonlySet<string>, knownLanguage: boolean): Kind {
  if (outletKeys.has(f.key)) return 'furniture';
  if (f.words === 0) return 'furniture';
  if (f.credit || creditOfLine(f.text) || isStaffCredit(f.text)) return 'furniture';
  // Bylines, bare times and repeated headlines are what lists of other articles are made of.
  if (f.byline || f.timeOnly || f.gluedHeadline || f.comment) return 'list';
  const prose = isProse(f, knownLanguage);
  if (!prose && count >= 2) return 'list';
  if (f.callToAction || f.navigation || f.authorBio) return 'furniture';
  // The same sentence twice on a page is a caption or a teaser, not a paragraph of the article.
  if (prose && count >= 2) return 'furniture';
  if (prose) return 'prose';
  // A lone word or an all-caps label ("Advertisement", "POPULAR", "Comments").
  if (f.words <= 1 || (f.allCaps && f.words <= 3)) return 'furniture';
  return 'short';
}

/**
 * A table of contents: headings listed together near the top, each repeated further down over
 * its section. Repeated, they were taken for a list of other articles; their copies over the
 * sections (a paragraph just under each, the list's order kept) are the article's headings.
 */
function findContentsHeadings(lines: Line[], counts: ReadonlyMap<string, number>): void {
  const first = new Map<string, number>();
  const pairs: Array<{ entry: number; heading: number }> = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'list' || counts.get(line.key) !== 2 || line.byline || line.timeOnly || line.dated || line.gluedHeadline || line.comment) return;
    const earlier = first.get(line.key);
    if (earlier === undefined) first.set(line.key, i);
    else if (i - earlier > CARD_LINES && lines[i + 1]?.kind === 'prose') pairs.push({ entry: earlier, heading: i });
  });
  // The entries sit together (a few lines apart at most) and come in the headings' order.
  const contents = pairs.filter((p, k) => {
    const neighbour = (q: { entry: number } | undefined): boolean => !!q && Math.abs(q.entry - p.entry) <= 2;
    return neighbour(pairs[k - 1]) || neighbour(pairs[k + 1]);
  });
  if (contents.length < CONTENTS_ENTRIES) return;
  for (let k = 1; k < contents.length; k++) if ((contents[k] as { entry: number }).entry < (contents[k - 1] as { entry: number }).entry) return;
  for (const { heading } of contents) (lines[heading] as Line).kind = 'short';
}

/** Entries a table of contents has at least. */
const CONTENTS_ENTRIES = 3;

/**
 * Prose is kept. Short lines survive as subheadings (few of them, sitting between prose lines, in
 * a stretch that holds no list furniture: bylines, times, repeated headlines) or as the items of
 * a list of the article's own (steps, tour dates, sources), inside it or closing it.
 */
function judgeRuns(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.kind === 'prose') {
      line.keep = true;
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] as Line).kind !== 'prose') j++;
    const run = lines.slice(i, j);
    const between = i > 0 && j < lines.length;
    const shorts = run.filter((l) => l.kind === 'short');
    const hasList = run.some((l) => l.kind === 'list');
    const headlineLike = shorts.some((l) => l.capitalisedRatio >= 0.75 && l.words >= 3 && !l.endsSentence);
    const subheadings = !hasList && shorts.length <= 2 && !(shorts.length === 2 && headlineLike);
    // The items follow a paragraph, under a heading at most, up to the first furniture line; a
    // date line among them belongs to the page after the article.
    const stop = run.findIndex((l) => l.kind === 'furniture' || l.kind === 'list');
    const listed = stop < 0 ? run.length : stop;
    const candidates = run.slice(0, listed);
    const firstItem = run.findIndex(isItem);
    const items = i > 0 && firstItem >= 0 && firstItem <= 1 && isItemList(candidates) && !candidates.some((l) => l.dated);
    const keepShorts = between && subheadings;
    for (const [k, l] of run.entries()) {
      l.keep = l.kind === 'short' && (keepShorts || (items && k < listed));
      if (items && l.keep) l.item = true;
    }
    // A paragraph or a short line announcing a list ("... the following:"): the short lines under
    // it are its items, up to the first byline, date, call to action, navigation or credit line.
    const lead = run.findIndex((l, k) => k <= 1 && l.kind === 'short' && l.words >= 3 && ANNOUNCES_LIST.test(l.text));
    if (between && (lead >= 0 || ANNOUNCES_LIST.test((lines[i - 1] as Line).text))) {
      for (const l of run.slice(Math.max(0, lead))) {
        if (l.byline || l.timeOnly || l.dated || l.callToAction || l.navigation || l.credit || l.comment) break;
        if (l.kind === 'short') {
          l.keep = true;
          l.item = true;
        }
      }
    }
    i = j;
  }
}

/** A paragraph ending on a colon: what follows is its list. */
const ANNOUNCES_LIST = /:$/;

/** A list item of the article: a phrase in sentence case, or one carrying figures. */
const isItem = (l: Line): boolean =>
  l.kind === 'short' && l.words >= 3 && !l.unspaced && CASED.test(l.text) && (l.capitalisedRatio < 0.6 || /\d|\S:\s\S/.test(l.text));
/** Scripts with letter case: only there does capitalisation tell an item from a headline. */
const CASED = /\p{Ll}/u;

/**
 * A list inside the article (steps, features, dates, ingredients): mostly item-like lines, none
 * of the lines other articles' lists are made of (bylines, times, repeated headlines).
 */
function isItemList(run: readonly Line[]): boolean {
  if (run.length < 3 || run.some((l) => l.kind === 'list')) return false;
  const items = run.filter(isItem).length;
  return items >= MIN_ITEMS && items >= run.length * ITEM_SHARE;
}

/** Share of item-like lines that makes a run of short lines a list of the article's. */
const ITEM_SHARE = 0.6;
/** Fewer items than this between two paragraphs are as likely a box of related links. */
const MIN_ITEMS = 4;

const CONTENT_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const contentWords = (line: string): Set<string> =>
  new Set((line.toLowerCase().match(CONTENT_WORD) ?? []).filter((w) => w.length > 3));

/**
 * A teaser for another article: a prose summary right after that article's headline, where the
 * headline is repeated on the page (image link and text link, or again in a list) and the summary
 * shares its words.
 */
function dropTeasers(lines: Line[]): void {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.kind !== 'prose') continue;
    const before = lines.slice(Math.max(0, i - 3), i).filter((l) => l.kind === 'list' && !l.byline && !l.timeOnly);
    if (before.length === 0 || (lines[i - 1] as Line).kind === 'prose') continue;
    // Paragraphs follow it: the article's headline or one of its headings (repeated up the page,
    // in the menu or a table of contents) and its first paragraph. A teaser card inside the text
    // has paragraphs just above it, and its headline twice in a row (picture link, text link).
    const card = before.some((headline) => repeatedNear(lines, headline));
    const inText = lines.slice(Math.max(0, i - LEAD_LOOKBACK), i).some((l) => l.kind === 'prose');
    if (lines[i + 1]?.kind === 'prose' && !(card && inText)) continue;
    const summary = contentWords(line.text);
    const teased = before.some((headline) => {
      const words = [...contentWords(headline.text)];
      const shared = words.filter((w) => summary.has(w)).length;
      return words.length > 0 && shared >= Math.min(3, Math.ceil(words.length / 3));
    });
    if (teased) line.keep = false;
  }
}

/** Whether a line has a copy a few lines above it. */
function repeatedNear(lines: readonly Line[], line: Line): boolean {
  const at = lines.indexOf(line);
  for (let k = Math.max(0, at - CARD_LINES); k < at; k++) if ((lines[k] as Line).key === line.key) return true;
  return false;
}

/** Lines above a paragraph searched for the article's text, telling a lead from a teaser. */
const LEAD_LOOKBACK = 8;
/** Lines a teaser card spans: its headline's two copies are at most this far apart. */
const CARD_LINES = 4;

/** Words a caption has at most. */
const CAPTION_WORDS = 60;

/**
 * A picture's caption: the line just before its credit line, when it does not continue prose
 * (after the credit is where the text resumes; a paragraph before it is the article's).
 */
function dropCaptions(lines: Line[]): void {
  lines.forEach((line, i) => {
    const caption = lines[i - 1];
    if (!line.credit || !caption || caption.credit || COPYRIGHT_NOTICE.test(line.text)) return;
    if (caption.words > CAPTION_WORDS || QUOTE_OPENING.test(caption.text) || lines[i - 2]?.kind === 'prose') return;
    caption.keep = false;
    caption.kind = 'furniture';
  });
}

const COPYRIGHT_NOTICE = /^(?:©|ⓒ|\(c\)|copyright)\s*(?:\d{4}|copyright)|all rights reserved/i;
/** A quotation opening a line: an article's quote, not a caption. */
const QUOTE_OPENING = /^["“«„]/;

/** A second sentence starting inside the line. */
const SECOND_SENTENCE = /[.!?]["'”’)]?\s+["“‘(]?\p{Lu}/u;

/**
 * A list of other articles, each a headline followed by a one-sentence summary: two such pairs
 * in a row or more. An article's subheadings head paragraphs of several sentences instead.
 */
function dropTeaserPairs(lines: Line[]): void {
  const isPair = (i: number): boolean => {
    const head = lines[i];
    const summary = lines[i + 1];
    return (
      !!head && !!summary && !head.unspaced && !head.credit && head.kind !== 'prose' && head.words >= 3 && head.words <= 20 && !head.endsSentence &&
      summary.kind === 'prose' && summary.words <= 40 && !SECOND_SENTENCE.test(summary.text)
    );
  };
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (isPair(j)) j += 2;
    if (j - i >= 4) {
      for (let k = i; k < j; k++) {
        const line = lines[k] as Line;
        line.keep = false;
        line.kind = 'list';
      }
    }
    i = j > i ? j : i + 1;
  }
}

/** How a line looks in a teaser's template: its kind, and whether it carries a byline or a time. */
const templateToken = (l: Line): string => (l.byline || l.timeOnly || l.dated ? 'dated' : l.kind === 'prose' ? 'prose' : 'line');

/**
 * A list of other articles, each a summary paragraph under the same few lines (headline, byline,
 * date, section label): three paragraphs or more in a row, each alone between two such runs with
 * the same look. An article's paragraphs come in runs, and its subheadings are single lines.
 */
function dropTemplatedTeasers(lines: Line[]): void {
  const prose: number[] = [];
  lines.forEach((l, i) => {
    if (l.keep && l.kind === 'prose') prose.push(i);
  });
  const signature = (k: number): string | null => {
    const at = prose[k] as number;
    const from = k > 0 ? (prose[k - 1] as number) + 1 : Math.max(0, at - TEMPLATE_LINES);
    if (at - from < TEMPLATE_LINES) return null;
    const gap = lines.slice(at - TEMPLATE_LINES, at);
    // The template is furniture the cleaner already dropped, a headline or a date among it.
    if (gap.some((l) => l.keep) || !gap.some((l) => l.byline || l.timeOnly || l.dated)) return null;
    if ((lines[at] as Line).words > TEASER_WORDS) return null;
    return gap.map(templateToken).join(' ');
  };
  const signatures = prose.map((_, k) => signature(k));
  let k = 0;
  while (k < prose.length) {
    const sig = signatures[k];
    let j = k + 1;
    while (sig && j < prose.length && signatures[j] === sig) j++;
    // Only at the block's edges: a list of other articles above or below the article.
    if (sig && j - k >= TEMPLATE_REPEATS && (k === 0 || j === prose.length)) {
      for (let m = k; m < j; m++) {
        const line = lines[prose[m] as number] as Line;
        line.keep = false;
        line.kind = 'list';
        for (let g = (prose[m] as number) - TEMPLATE_LINES; g < (prose[m] as number); g++) (lines[g] as Line).keep = false;
      }
    }
    k = j;
  }
}

/** Lines of a teaser's template looked at (those just above its summary). */
const TEMPLATE_LINES = 2;
/** Teasers in a row that make a list of other articles. */
const TEMPLATE_REPEATS = 3;
/** Words a teaser's summary has at most. */
const TEASER_WORDS = 80;

/**
 * Split into trimmed, non-empty lines. Text hard-wrapped at a fixed width (every line close to
 * the longest, paragraphs separated by blank lines) is first re-joined into paragraphs.
 */
function unwrapParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]/g, ' ');
  const raw = normalised.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  const nonEmpty = raw.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  const longest = Math.max(...nonEmpty.map((l) => l.length));
  const hasBlankLines = raw.some((l, i) => l === '' && i > 0 && i < raw.length - 1);
  const nearWidth = nonEmpty.filter((l) => l.length >= longest * 0.7).length;
  const wrapped = hasBlankLines && longest <= 100 && nonEmpty.length >= 6 && nearWidth / nonEmpty.length >= 0.5;
  if (!wrapped) return nonEmpty;
  const paragraphs: string[] = [];
  let buffer: string[] = [];
  for (const line of raw) {
    if (line === '') {
      if (buffer.length) paragraphs.push(buffer.join(' '));
      buffer = [];
    } else {
      buffer.push(line);
    }
  }
  if (buffer.length) paragraphs.push(buffer.join(' '));
  return paragraphs;
}
