/**
 * @module Tuned / held-out halves of an evaluation set: a document belongs to the tuned half when
 * the first byte of the SHA-1 of its id (file name without extension) is even. Rules are tuned on
 * that half only; the other half confirms that a change generalises.
 */
import { createHash } from 'node:crypto';

export type Half = 'tuned' | 'heldOut';

export function halfOf(docId: string): Half {
  return createHash('sha1').update(docId).digest()[0]! % 2 === 0 ? 'tuned' : 'heldOut';
}
