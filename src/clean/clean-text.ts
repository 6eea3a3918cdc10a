/**
 * @module Boilerplate removal from already-flattened text, line by line. Each line is judged by
 * how it looks (length, final punctuation, function-word density, title case, calls to action,
 * bylines, bare times) and by where it sits (runs of short headline-like lines, blocks before the
 * first and after the last paragraph, lines repeated within the page or across the outlet).
 *
 * Order: unwrap hard-wrapped paragraphs -> describe lines -> mark furniture -> judge runs of
 * non-prose lines -> drop teasers -> keep the main region -> join paragraphs with a blank line.
 */
import { creditOfLine } from './credits.js';
import { describeLine, isProse, lineKey } from './line-features.js';
import type { LineFeatures } from './line-features.js';

export interface CleanOptions {
  /** Lines (any case/spacing) seen repeatedly across the same outlet's other articles. */
  outletLines?: ReadonlySet<string>;
}

type Kind = 'prose' | 'short' | 'furniture' | 'list';

interface Line extends LineFeatures {
  kind: Kind;
  keep: boolean;
}

/** Runs of this many dropped lines split the page into regions. */
const REGION_GAP = 4;

/**
 * Remove page furniture from flattened text. Returns the kept lines as paragraphs separated by a
 * blank line ("\n\n"), whitespace normalised; the article's own wording is never altered.
 */
export function cleanFlattenedText(text: string, options: CleanOptions = {}): string {
  const rawLines = unwrapParagraphs(text);
  if (rawLines.length === 0) return '';
  const outletKeys = new Set([...(options.outletLines ?? [])].map(lineKey));
  const counts = new Map<string, number>();
  for (const line of rawLines) counts.set(lineKey(line), (counts.get(lineKey(line)) ?? 0) + 1);

  const lines: Line[] = rawLines.map((raw) => {
    const f = describeLine(raw);
    return { ...f, kind: classify(f, counts.get(f.key) ?? 1, outletKeys), keep: false };
  });

  judgeRuns(lines);
  dropTeasers(lines);
  keepMainRegions(lines);
  return lines
    .filter((l) => l.keep)
    .map((l) => l.text)
    .join('\n\n');
}

function classify(f: LineFeatures, count: number, outletKeys: ReadonlySet<string>): Kind {
  if (outletKeys.has(f.key)) return 'furniture';
  if (f.words === 0) return 'furniture';
  if (creditOfLine(f.text)) return 'furniture';
  // Bylines, bare times and repeated headlines are what lists of other articles are made of.
  if (f.byline || f.timeOnly) return 'list';
  const prose = isProse(f);
  if (!prose && count >= 2) return 'list';
  if (f.callToAction || f.navigation) return 'furniture';
  if (prose) return 'prose';
  // A lone word or an all-caps label ("Advertisement", "POPULAR", "Comments").
  if (f.words <= 1 || (f.allCaps && f.words <= 3)) return 'furniture';
  return 'short';
}

/**
 * Prose is kept. Short lines survive only as subheadings: few of them, sitting between prose
 * lines, in a stretch that holds no list furniture (bylines, times, repeated headlines).
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
    const keepShorts = between && !hasList && shorts.length <= 2 && !(shorts.length === 2 && headlineLike);
    for (const l of run) l.keep = keepShorts && l.kind === 'short';
    i = j;
  }
}

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
    const summary = contentWords(line.text);
    const teased = before.some((headline) => {
      const words = [...contentWords(headline.text)];
      const shared = words.filter((w) => summary.has(w)).length;
      return words.length > 0 && shared >= Math.min(3, Math.ceil(words.length / 3));
    });
    if (teased) line.keep = false;
  }
}

/**
 * Split the page at long stretches of dropped lines and keep the regions that carry the article:
 * the one with the most prose, and others of comparable weight (an article broken by a teaser
 * block), not small prose islands in the header, footer or comment section.
 */
function keepMainRegions(lines: Line[]): void {
  const regions: Array<{ start: number; end: number; chars: number }> = [];
  let current: { start: number; end: number; chars: number } | null = null;
  let gap = 0;
  lines.forEach((line, index) => {
    if (!line.keep) {
      gap++;
      return;
    }
    if (!current || gap >= REGION_GAP) {
      current = { start: index, end: index, chars: 0 };
      regions.push(current);
    }
    current.end = index;
    current.chars += line.kind === 'prose' ? line.chars : 0;
    gap = 0;
  });
  if (regions.length <= 1) return;
  const best = Math.max(...regions.map((r) => r.chars));
  for (const region of regions) {
    if (region.chars >= best * 0.3) continue;
    for (let k = region.start; k <= region.end; k++) (lines[k] as Line).keep = false;
  }
}

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
