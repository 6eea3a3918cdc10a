/** @module Worker thread body: runs processDocument for each batch of documents the WorkerPool posts. */
import { parentPort } from 'node:worker_threads';
import { createDefaultAnalyse } from './default-analyse.js';
import { processDocument } from './process-document.js';
import type { WorkerReply, WorkerRequest } from './worker-pool.js';

const analyse = createDefaultAnalyse();
parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = request.map(({ id, raw }) => ({ id, result: processDocument(raw, analyse) }));
  parentPort?.postMessage(reply);
});
