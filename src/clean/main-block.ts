/**
 * @module The article's main block in a page of judged lines. Kept prose scores its length,
 * dropped lines cost what crossing them is worth (a byline or a time, the stuff of other
 * articles' lists, most), and the block is the contiguous stretch with the highest total (a
 * maximum-sum subarray): a short box of links inside the article is bridged, while prose islands
 * far away in the header, the footer or the comment section are left out, since crossing to them
 * costs more than they bring. The block is then adjusted at its edges: paragraphs just across a
 * lone label or a small box are attached, a list closing the article is kept, the comment
 * section (its heading, when most of the prose is above it or its commenters' bylines follow it),
 * a box "About" the author or the company, and the headline/byline above the first paragraph are cut.
 */

/** What the main block needs to know of a line (the cleaner's judgement so far). */
export interface BlockLine {
  text: string;
  kind: 'prose' | 'short' | 'furniture' | 'list';
  keep: boolean;
  chars: number;
  words: number;
  byline: boolean;
  timeOnly: boolean;
  /** A byline or a publication time on a short line ("By X | March 3, 2025 at 6:10 PM"). */
  dated: boolean;
  /** Heads a comment section or one comment. */
  comment: boolean;
  /** Kept as an item of a list of the article's own. */
  item?: boolean;
}

export interface Block {
  /** Index of the first line of the block. */
  start: number;
  /** Index of the last line of the block (inclusive). */
  end: number;
  score: number;
}

/** The contiguous run of lines with the highest total score (Kadane); null when every score is <= 0. */
export function bestBlock(scores: readonly number[], from = 0, to = scores.length - 1): Block | null {
  let best: Block | null = null;
  let runStart = from;
  let run = 0;
  for (let i = from; i <= to; i++) {
    const s = scores[i] ?? 0;
    if (run <= 0) {
      run = 0;
      runStart = i;
    }
    run += s;
    if (run > 0 && (!best || run > best.score)) best = { start: runStart, end: i, score: run };
  }
  return best;
}

/**
 * What crossing a dropped line costs, in characters of prose: list lines (bylines, times) and
 * dropped paragraphs most. Chosen on the WCXB pages flattened and the Scrapinghub tuned half
 * together: list lines at 30-60 score alike (mean F1 within 0.002), at 120 both fall.
 */
const DROPPED_COST = { prose: 60, short: 30, furniture: 40, list: 60 } as const;

/**
 * A block this close to the main one (in lines), with this much prose, is part of the article
 * (across list lines, only several paragraphs).
 */
const ATTACH_GAP = 6;
const ATTACH_MIN = 150;

/** A heading over a box about someone or something named: "About the author", "About Acme Corp". */
const ABOUT_HEADING = /^(?:About|ABOUT)\s+(?:[Tt]he\s+|THE\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3}:?$|^[Aa]bout the [Aa]uthors?:?$/u;

/** How far under a comment heading the first comment's byline or time is looked for. */
const COMMENT_HEAD_LINES = 4;
/** Prose (characters) an article has before its comment section at least. */
const COMMENTED_ARTICLE = 500;

/** How far into the main block a byline or date line is looked for. */
const HEAD_LINES = 6;

/** A comment line that heads the whole section rather than one comment. */
const COMMENTS_HEADER = /^(?:(?:\d+|one)\s+(?:\p{L}+\s+)?)?(?:comments?|responses?|replies|reactions|thoughts)\b/iu;

/** Keep only the lines of the main block (sets `keep` to false everywhere else). */
export function keepMainBlock(lines: BlockLine[]): void {
  // Kept short lines (subheadings, list items) neither pull the block nor cost it.
  const scores = lines.map((l) => (l.keep ? (l.kind === 'prose' ? l.chars : 0) : -DROPPED_COST[l.kind]));
  const main = bestBlock(scores);
  if (!main) {
    for (const line of lines) line.keep = false;
    return;
  }
  let { start, end } = main;
  // Prose resuming right after a box of links inside the article (before it, a standfirst or
  // the first paragraph before an image credit) belongs to it too.
  for (;;) {
    let next = end + 1;
    while (next < lines.length && !(lines[next] as BlockLine).keep) next++;
    if (next >= lines.length) break;
    const after = keptRun(lines, next, 1);
    if (!attaches(lines.slice(end + 1, next), lines.slice(after.start, after.end + 1), after.score)) break;
    end = after.end;
  }
  for (;;) {
    let previous = start - 1;
    while (previous >= 0 && !(lines[previous] as BlockLine).keep) previous--;
    if (previous < 0) break;
    const before = keptRun(lines, previous, -1);
    if (!attaches(lines.slice(previous + 1, start), lines.slice(before.start, before.end + 1), before.score)) break;
    start = before.start;
  }
  // A list closing the article.
  while (end + 1 < lines.length && lines[end + 1]?.keep && lines[end + 1]?.item) end++;
  const proseChars = (from: number, to: number): number =>
    lines.slice(from, to + 1).reduce((sum, l) => sum + (l.keep && l.kind === 'prose' ? l.chars : 0), 0);
  // The comment section ends the article, even when its comments read as well as the article
  // (once most of the block's prose is behind it: a "Comments" link near the top is navigation).
  const comments = lines.findIndex((l, index) => index > start && index <= end && l.comment && COMMENTS_HEADER.test(l.text));
  // Or, with comments visibly following it (their authors' bylines or times just under the
  // heading), once the article has had a few paragraphs.
  const signed = (at: number): boolean => lines.slice(at + 1, at + 1 + COMMENT_HEAD_LINES).some((l) => l.dated || l.timeOnly || l.comment);
  if (comments > 0 && (proseChars(start, comments - 1) >= proseChars(start, end) / 2 || (signed(comments) && proseChars(start, comments - 1) >= COMMENTED_ARTICLE))) end = comments - 1;
  // A box about the author or the company closes the article ("About the author", "About Acme"),
  // once most of the block's prose is behind it.
  const about = lines.findIndex((l, index) => index > start && index <= end && l.kind !== 'prose' && ABOUT_HEADING.test(l.text));
  if (about > 0 && proseChars(start, about - 1) >= proseChars(start, end) / 2) end = about - 1;
  // The head of the block: the headline, a caption and the byline or date line under them.
  const head = lines.slice(start, Math.min(end, start + HEAD_LINES) + 1);
  const dateline = head.findLastIndex((l) => l.byline || l.timeOnly || (l.kind !== 'prose' && l.dated));
  if (dateline >= 0 && proseChars(start + dateline + 1, end) >= proseChars(start, end) * 0.8) start += dateline + 1;
  // A short line kept as a subheading needs a paragraph under it.
  while (end > start && lines[end]?.kind !== 'prose' && !lines[end]?.item) end--;
  lines.forEach((line, index) => {
    if (index < start || index > end) line.keep = false;
  });
}

/** The unbroken stretch of kept lines from `from` in one direction, scored by its prose. */
function keptRun(lines: readonly BlockLine[], from: number, direction: 1 | -1): Block {
  let to = from;
  while (lines[to + direction]?.keep) to += direction;
  const [start, end] = direction === 1 ? [from, to] : [to, from];
  let score = 0;
  for (let k = start; k <= end; k++) score += lines[k]?.kind === 'prose' ? (lines[k] as BlockLine).chars : 0;
  return { start, end, score };
}

/** Whether a run of kept lines across `gap` belongs to the block. */
function attaches(gap: readonly BlockLine[], run: readonly BlockLine[], score: number): boolean {
  // Across a lone label ("Advertisement"), a paragraph of any length.
  if (gap.length === 1 && (gap[0] as BlockLine).words <= 2 && score >= 40) return true;
  if (gap.length > ATTACH_GAP || score < ATTACH_MIN) return false;
  // Across a box of other articles' headlines, only a continuation of several paragraphs.
  return !gap.some((l) => l.kind === 'list') || run.filter((l) => l.keep && l.kind === 'prose').length >= 2;
}
