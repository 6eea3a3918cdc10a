/**
 * @module The two benchmarks' own scores, computed exactly as their evaluate.py scripts do.
 * Scrapinghub: `\w+` tokens (case kept), 4-gram shingles with multiplicity, per-page tp/fp/fn
 * normalised by their sum; precision and recall averaged over pages; F1 from the two averages.
 * WCXB: lower-cased `\w+` tokens as a bag (multiset overlap); P, R and F1 per page, each averaged.
 */

/** Python's `\w` on str patterns: Unicode letters and numbers, and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  // As evaluate.py: range(0, max(1, len - n + 1)), skipping the empty shingle of an empty text.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Scrapinghub `string_shingle_matching`: normalised tp/fp/fn of one page. */
export function shingleCounts(truth: string, prediction: string, n = 4): Counts {
  const t = shingles(truth, n);
  const p = shingles(prediction, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Scrapinghub `metrics_from_tp_fp_fns`. */
export function scrapinghubScore(pages: Counts[]): Score {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Per-page F1 from normalised counts, for ranking the worst pages. */
export function pageF1(counts: Counts): number {
  const p = precisionOf(counts);
  const r = recallOf(counts);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** WCXB bag-of-words P/R/F1 of one page. */
export function bagOfWordsScore(truth: string, prediction: string): Score {
  const bag = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const token of text.toLowerCase().match(WORD) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const t = bag(truth);
  const p = bag(prediction);
  let overlap = 0;
  let predicted = 0;
  let expected = 0;
  for (const [token, count] of p) {
    predicted += count;
    overlap += Math.min(count, t.get(token) ?? 0);
  }
  for (const count of t.values()) expected += count;
  if (predicted === 0 && expected === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = predicted ? overlap / predicted : 0;
  const recall = expected ? overlap / expected : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Average of per-page scores, each field on its own (WCXB). */
export function averageScores(pages: Score[]): Score {
  return {
    precision: mean(pages.map((s) => s.precision)),
    recall: mean(pages.map((s) => s.recall)),
    f1: mean(pages.map((s) => s.f1)),
  };
}

/**
 * A headline or an author list as two spellings of it compare: Unicode-normalised, lower case,
 * punctuation and symbols as spaces, single spaces ("Here’s how" = "Here's how", "A & B" = "A B").
 */
export function metadataKey(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}
