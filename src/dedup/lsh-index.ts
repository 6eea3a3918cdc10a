/**
 * @module LSH banding over sketches, in generations: each band of `rows` sketch values is one key;
 * documents sharing a key are candidates. The index keeps the last `generations` generations of
 * `generationSize` documents and drops the oldest whole, so memory stays bounded and nothing is
 * removed key by key.
 */
import { mix32 } from './word-shingles.js';

export interface LshIndexOptions {
  rows: number;
  generationSize: number;
  generations: number;
}

type Bucket = number | number[];

interface Generation {
  buckets: Map<number, Bucket>;
  ids: number[];
}

export class LshIndex {
  private readonly gens: Generation[] = [];

  constructor(private readonly options: LshIndexOptions) {}

  /** Band keys of a sketch: one per band, the band index mixed in. */
  keys(sketch: Uint32Array): Uint32Array {
    const { rows } = this.options;
    const bands = Math.floor(sketch.length / rows);
    const keys = new Uint32Array(bands);
    for (let b = 0; b < bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < rows; r++) h = mix32(h ^ sketch[b * rows + r]!);
      keys[b] = h;
    }
    return keys;
  }

  /**
   * Indexed documents sharing at least one band key, oldest generation first, each with the number
   * of bands it shares: about `bands * J^rows` for a document of Jaccard similarity J.
   */
  candidates(keys: Uint32Array): Map<number, number> {
    const found = new Map<number, number>();
    for (const gen of this.gens) {
      for (let i = 0; i < keys.length; i++) {
        const bucket = gen.buckets.get(keys[i]!);
        if (bucket === undefined) continue;
        if (typeof bucket === 'number') found.set(bucket, (found.get(bucket) ?? 0) + 1);
        else for (const id of bucket) found.set(id, (found.get(id) ?? 0) + 1);
      }
    }
    return found;
  }

  /** Index a document; returns the ids dropped with an evicted generation (empty when none). */
  add(id: number, keys: Uint32Array): number[] {
    let gen = this.gens[this.gens.length - 1];
    let evicted: number[] = [];
    if (gen === undefined || gen.ids.length >= this.options.generationSize) {
      gen = { buckets: new Map(), ids: [] };
      this.gens.push(gen);
      if (this.gens.length > this.options.generations) evicted = this.gens.shift()!.ids;
    }
    gen.ids.push(id);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const bucket = gen.buckets.get(key);
      if (bucket === undefined) gen.buckets.set(key, id);
      else if (typeof bucket === 'number') gen.buckets.set(key, [bucket, id]);
      else if (bucket.length < 64) bucket.push(id); // a key shared by 64 documents is boilerplate
    }
    return evicted;
  }

  get size(): number {
    return this.gens.reduce((n, g) => n + g.ids.length, 0);
  }
}
