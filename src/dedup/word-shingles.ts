/**
 * @module Word shingles: hashes of every run of k consecutive words, line by line, in one pass.
 *
 * Words are runs of letters and digits, folded to lower case; curly and straight quotes, dashes and
 * other punctuation separate words and are otherwise ignored, so typographic edits do not change a
 * shingle. Shingles never cross a line break: a boilerplate line inserted between two paragraphs
 * ("JOIN US ON TELEGRAM") leaves the paragraphs' shingles intact. Lines shorter than k words make
 * no shingle.
 *
 * Hashing is done here, over UTF-16 code units while scanning, because the npm MurmurHash package
 * (murmurhash 2.0.1) encodes every call's string with TextEncoder and measured ~1,300 documents/s
 * on 600-word articles against ~6,500 for this scan (see bench/sketch/README.md).
 */

/** The shingles of one text, with the lines they came from. */
export interface ShingledText {
  /** Shingle hashes in text order (may repeat), unsigned 32-bit. */
  hashes: Uint32Array;
  /** One entry per line with at least one word. */
  lines: ShingledLine[];
  /** Words in the text. */
  wordCount: number;
}

export interface ShingledLine {
  /** Hash of the line's whole word sequence: equal lines, up to case and punctuation, collide. */
  hash: number;
  words: number;
  /** Range of this line's shingles in `hashes`. */
  start: number;
  end: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Final avalanche of MurmurHash3 (fmix32): spreads the bits of a combined hash. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** True for code units that belong to a word: ASCII letters/digits and non-punctuation non-ASCII. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba; // Latin-1 punctuation and symbols
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // general punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if ((c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f)) {
    return c + 32;
  }
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

/** Shingle `text` into hashes of k consecutive words (k >= 1), never across a line break. */
export function shingleText(text: string, k = 5): ShingledText {
  const lines: ShingledLine[] = [];
  let out = new Uint32Array(Math.max(16, text.length >>> 3));
  let count = 0;
  const window = new Uint32Array(k);
  let wordsInLine = 0;
  let lineHash = FNV_OFFSET;
  let lineStart = 0;
  let wordCount = 0;
  let word = FNV_OFFSET;
  let inWord = false;

  const endWord = (): void => {
    const w = mix32(word);
    window[wordsInLine % k] = w;
    wordsInLine += 1;
    wordCount += 1;
    lineHash = Math.imul(lineHash ^ w, FNV_PRIME);
    if (wordsInLine >= k) {
      let h = 0x9747b28c;
      // The last k words, oldest first: the window is a ring whose oldest slot is wordsInLine % k.
      for (let m = 0, j = wordsInLine % k; m < k; m++, j = j + 1 === k ? 0 : j + 1) h = Math.imul(h ^ window[j]!, FNV_PRIME) + 0x6b43a9b5;
      if (count === out.length) {
        const grown = new Uint32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[count++] = mix32(h);
    }
    word = FNV_OFFSET;
    inWord = false;
  };
  const endLine = (): void => {
    if (wordsInLine > 0) lines.push({ hash: mix32(lineHash), words: wordsInLine, start: lineStart, end: count });
    wordsInLine = 0;
    lineHash = FNV_OFFSET;
    lineStart = count;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordUnit(c)) {
      word = Math.imul(word ^ lowerUnit(c), FNV_PRIME);
      inWord = true;
    } else if (c === 39 || c === 0x2019) {
      // apostrophe inside a word ("Ukraine's", "don’t") is skipped, not a break
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
      if (!(inWord && isWordUnit(next)) && inWord) endWord();
    } else {
      if (inWord) endWord();
      if (c === 10) endLine();
    }
  }
  if (inWord) endWord();
  endLine();
  return { hashes: out.subarray(0, count), lines, wordCount };
}

/** Sorted, de-duplicated copy of some shingle hashes. */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  // slice, not Uint32Array.from: from() reads the source through its iterator, several times slower.
  const sorted = hashes.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  }
  return sorted.slice(0, n);
}

/** Number of hashes two sorted de-duplicated arrays share. */
export function countShared(a: Uint32Array, b: Uint32Array): number {
  return countSharedAtLeast(a, b, 0);
}

/**
 * Number of hashes two sorted de-duplicated arrays share when it is at least `needed`; otherwise
 * some number below `needed`, found as soon as the elements left cannot reach it (most pairs of
 * unrelated texts stop early, which is what makes verifying many candidates cheap).
 */
export function countSharedAtLeast(a: Uint32Array, b: Uint32Array, needed: number): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  let shared = 0;
  // shared + min(la - i, lb - j) bounds the final count, and only falls when a hash is unmatched.
  if (Math.min(la, lb) < needed) return 0;
  while (i < la && j < lb) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else {
      if (x < y) i++;
      else j++;
      if (shared + Math.min(la - i, lb - j) < needed) return shared;
    }
  }
  return shared;
}
