/**
 * @module One-permutation MinHash sketch (Li, Owen & Zhang 2012) with optimal densification
 * (Shrivastava 2017): one hash per shingle instead of one per shingle and permutation, so a sketch
 * of B bins costs O(shingles + B) instead of O(shingles * B). Two sketches agree in a bin with
 * probability equal to the Jaccard similarity of their shingle sets.
 */
import { mix32 } from './word-shingles.js';

const EMPTY = 0xffffffff;

/** Sketch of `bins` 32-bit values (bins a power of two, 16..1024). Empty input gives all-EMPTY. */
export function sketchShingles(hashes: Uint32Array, bins = 128): Uint32Array {
  const shift = 32 - Math.log2(bins);
  if (!Number.isInteger(shift)) throw new Error(`bins must be a power of two, got ${bins}`);
  const sketch = new Uint32Array(bins).fill(EMPTY);
  const valueMask = (1 << shift) - 1;
  for (let i = 0; i < hashes.length; i++) {
    const h = mix32(hashes[i]! ^ 0x5bd1e995);
    const bin = h >>> shift;
    const value = h & valueMask;
    if (value < sketch[bin]!) sketch[bin] = value;
  }
  if (hashes.length === 0) return sketch;
  // Optimal densification: an empty bin copies the bin reached by a probe sequence that depends
  // only on the bin index and attempt, so two documents fill their empty bins consistently.
  const filled = Uint8Array.from(sketch, (v) => (v === EMPTY ? 0 : 1));
  for (let bin = 0; bin < bins; bin++) {
    if (filled[bin]) continue;
    for (let attempt = 1; ; attempt++) {
      const probe = mix32(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) & (bins - 1);
      if (filled[probe]) {
        sketch[bin] = sketch[probe]!;
        break;
      }
    }
  }
  return sketch;
}

/** Estimated Jaccard similarity: the share of bins where two sketches agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
