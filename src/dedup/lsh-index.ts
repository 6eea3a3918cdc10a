/**
 * @module LSH banding over sketches, in generations: each band of `rows` sketch values is one key;
 * documents sharing a key are candidates. The index keeps the last `generations` generations of
 * `generationSize` documents and drops the oldest whole, so memory stays bounded and nothing is
 * removed key by key.
 *
 * A document is a slot of its generation (typed arrays of ids and sizes); buckets hold slots, and
 * the bands each slot shares with a query are counted in a reused typed array, so collecting the
 * hundreds of documents that share one common band with a new one (boilerplate phrases) allocates
 * nothing, and only those the caller keeps (by bands shared and size) are returned.
 */
import { mix32 } from './word-shingles.js';

export interface LshIndexOptions {
  rows: number;
  generationSize: number;
  generations: number;
}

/** An indexed document sharing bands with a query. */
export interface LshCandidate {
  id: number;
  /** Bands shared with the query: about `bands * J^rows` for a document of Jaccard similarity J. */
  bands: number;
  /** The size given when it was indexed. */
  size: number;
}

/** A key's documents: one slot, or several (a key shared by 64 documents is boilerplate: no more are kept). */
type Bucket = number | number[];

const MAX_BUCKET = 64;

/** Bits of a generation's key filter (2^21: 256 KB, a few percent set by a full generation). */
const FILTER_SHIFT = 11;

interface Generation {
  buckets: Map<number, Bucket>;
  /** One bit per key prefix: most keys of a query are in no bucket, and a bit says so without a Map look-up. */
  filter: Int32Array;
  ids: Int32Array;
  sizes: Int32Array;
  count: number;
}

export class LshIndex {
  private readonly gens: Generation[] = [];
  /** Bands shared with the current query, by slot of the generation being read; zero between queries. */
  private readonly shared: Uint8Array;
  /** Slots of the generation being read that share a band, in the order first found. */
  private readonly touched: Int32Array;

  constructor(private readonly options: LshIndexOptions) {
    this.shared = new Uint8Array(options.generationSize);
    this.touched = new Int32Array(options.generationSize);
  }

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
   * Indexed documents sharing at least one band key that `keep` accepts (given the bands shared
   * and the size the document was indexed with), oldest generation first.
   */
  candidates(keys: Uint32Array, keep: (bands: number, size: number) => boolean): LshCandidate[] {
    const found: LshCandidate[] = [];
    const { shared, touched } = this;
    for (const gen of this.gens) {
      let n = 0;
      const { filter } = gen;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const bit = key >>> FILTER_SHIFT;
        if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
        const bucket = gen.buckets.get(key);
        if (bucket === undefined) continue;
        if (typeof bucket === 'number') {
          if (shared[bucket]!++ === 0) touched[n++] = bucket;
        } else {
          for (let j = 0; j < bucket.length; j++) {
            const slot = bucket[j]!;
            if (shared[slot]!++ === 0) touched[n++] = slot;
          }
        }
      }
      for (let t = 0; t < n; t++) {
        const slot = touched[t]!;
        const bands = shared[slot]!;
        shared[slot] = 0;
        const size = gen.sizes[slot]!;
        if (keep(bands, size)) found.push({ id: gen.ids[slot]!, bands, size });
      }
    }
    return found;
  }

  /** Index a document of some `size`; returns the ids dropped with an evicted generation (empty when none). */
  add(id: number, keys: Uint32Array, size = 0): number[] {
    const { generationSize } = this.options;
    let gen = this.gens[this.gens.length - 1];
    let evicted: number[] = [];
    if (gen === undefined || gen.count >= generationSize) {
      gen = { buckets: new Map(), filter: new Int32Array(1 << (32 - FILTER_SHIFT - 5)), ids: new Int32Array(generationSize), sizes: new Int32Array(generationSize), count: 0 };
      this.gens.push(gen);
      if (this.gens.length > this.options.generations) {
        const old = this.gens.shift()!;
        evicted = Array.from(old.ids.subarray(0, old.count));
      }
    }
    const slot = gen.count++;
    gen.ids[slot] = id;
    gen.sizes[slot] = size;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const bit = key >>> FILTER_SHIFT;
      gen.filter[bit >>> 5]! |= 1 << (bit & 31);
      const bucket = gen.buckets.get(key);
      if (bucket === undefined) gen.buckets.set(key, slot);
      else if (typeof bucket === 'number') gen.buckets.set(key, [bucket, slot]);
      else if (bucket.length < MAX_BUCKET) bucket.push(slot);
    }
    return evicted;
  }

  get size(): number {
    return this.gens.reduce((n, g) => n + g.count, 0);
  }
}
