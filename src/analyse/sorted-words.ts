/**
 * @module A large, fixed word list held as one string with the offsets of its words, looked up by
 * binary search. A Set of 50,000 strings is 50,000 objects that every major garbage collection of
 * every worker thread traces again; one string and one typed array are two.
 */

export class SortedWords {
  private readonly joined: string;
  /** Start of each word in `joined`; the word ends one before the next start. */
  private readonly starts: Uint32Array;

  /** `joined`: the words in code-unit order, each followed by one space. */
  constructor(joined: string) {
    this.joined = joined;
    let count = 0;
    for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 32) count++;
    this.starts = new Uint32Array(count + 1);
    let w = 1;
    for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 32) this.starts[w++] = i + 1;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** The word's place in the list (its rank in code-unit order), or -1. */
  indexOf(word: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compare(mid, word);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The order of the word at `index` against `word`, by code units, as `<` orders strings. */
  private compare(index: number, word: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - 1 - start;
    const n = Math.min(length, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.joined.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return length - word.length;
  }
}

/** The words of a list, in code-unit order, joined as `SortedWords` reads them. */
export function joinSortedWords(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((w) => `${w} `).join('');
}
