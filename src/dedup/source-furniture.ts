/**
 * @module Page furniture learnt per outlet: a line that an outlet has already printed in several
 * other articles ("Follow our coverage on Telegram", a newsletter box, a related-links list) is
 * furniture, not content, and must not make two different articles of that outlet look like copies.
 * Counts live in two generations of bounded maps, so memory stays bounded. A line is keyed by
 * number, its outlet's index times 2^32 plus its hash (exact in a double), not by a string made
 * for every line looked up.
 */

export class SourceFurniture {
  private current = new Map<number, number>();
  private previous = new Map<number, number>();
  /** Outlets by name, each with its index (a few hundred outlets: never pruned). */
  private readonly sources = new Map<string, number>();

  constructor(private readonly options: { minRepeats: number; capacity: number }) {}

  /** The key base of an outlet; `add`: give an outlet seen for the first time an index. */
  private base(source: string, add: boolean): number | undefined {
    let index = this.sources.get(source);
    if (index === undefined && add) this.sources.set(source, (index = this.sources.size));
    return index === undefined ? undefined : index * 0x1_0000_0000;
  }

  /** True when the outlet printed this line in at least `minRepeats` earlier articles. */
  isFurniture(source: string | null, lineHash: number): boolean {
    if (source === null) return false;
    const base = this.base(source, false);
    if (base === undefined) return false;
    const key = base + (lineHash >>> 0);
    const seen = (this.current.get(key) ?? 0) + (this.previous.get(key) ?? 0);
    return seen >= this.options.minRepeats;
  }

  /** Count one article's distinct lines for its outlet. */
  record(source: string | null, lineHashes: Iterable<number>): void {
    if (source === null) return;
    const base = this.base(source, true)!;
    for (const hash of new Set(lineHashes)) {
      const key = base + (hash >>> 0);
      const inPrevious = this.previous.get(key);
      if (inPrevious !== undefined) {
        this.previous.delete(key);
        this.current.set(key, inPrevious + 1);
      } else this.current.set(key, (this.current.get(key) ?? 0) + 1);
    }
    if (this.current.size > this.options.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
  }
}
