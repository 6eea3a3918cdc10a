/**
 * @module The article's main block in a page of lines: the contiguous stretch whose line scores
 * add up to the most (a maximum-sum subarray). Article lines score positive, furniture negative,
 * so a short box of links inside the article is bridged while prose islands far away in the
 * header, the footer or the comment section are left out: crossing to them costs more than they
 * bring.
 */

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
