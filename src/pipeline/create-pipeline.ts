/** @module The default pipeline: the stages Storyline ships with, over a given store. */
import { createExactCopyGrouper } from '../cluster/exact-copy-grouper.js';
import type { Store } from '../store/store.js';
import { Pipeline } from './ingest.js';

export function createPipeline(store: Store, options: { now?: () => Date } = {}): Pipeline {
  return new Pipeline({ store, grouper: createExactCopyGrouper(), now: options.now });
}
