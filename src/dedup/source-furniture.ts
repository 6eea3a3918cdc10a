/**
 * @module Page furniture learnt per outlet: a line that an outlet has already printed in several
 * other articles ("Follow our coverage on Telegram", a newsletter box, a related-links list) is
 * furniture, not content, and must not make two different articles of that outlet look like copies.
 * Counts live in two generations of bounded maps, so memory stays bounded.
 */

export class SourceFurniture {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  constructor(private readonly options: { minRepeats: number; capacity: number }) {}

  private key(source: string, lineHash: number): string {
    return `${source}\u0000${lineHash}`;
  }

  /** True when the outlet printed this line in at least `minRepeats` earlier articles. */
  isFurniture(source: string | null, lineHash: number): boolean {
    if (source === null) return false;
    const key = this.key(source, lineHash);
    const seen = (this.current.get(key) ?? 0) + (this.previous.get(key) ?? 0);
    return seen >= this.options.minRepeats;
  }

  /** Count one article's distinct lines for its outlet. */
  record(source: string | null, lineHashes: Iterable<number>): void {
    if (source === null) return;
    for (const hash of new Set(lineHashes)) {
      const key = this.key(source, hash);
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
