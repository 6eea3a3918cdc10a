/** @module The default pipeline: the stages Storyline ships with, over a given store. */
import { createGrouper } from '../cluster/create-grouper.js';
import type { Store } from '../store/store.js';
import { Pipeline, type PipelineOptions } from './ingest.js';
import type { WorkerPool } from './worker-pool.js';

export function createPipeline(
  store: Store,
  options: { now?: () => Date; pool?: WorkerPool; batch?: PipelineOptions['batch'] } = {},
): Pipeline {
  return new Pipeline({ store, createGrouper, now: options.now, pool: options.pool, batch: options.batch });
}
