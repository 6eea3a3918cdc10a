/** @module Worker thread body: runs processDocument for documents posted by the WorkerPool. */
import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../model/index.js';
import { createDefaultAnalyse } from './default-analyse.js';
import { processDocument } from './process-document.js';

const analyse = createDefaultAnalyse();
parentPort?.on('message', (message: { id: number; raw: RawDocument }) => {
  parentPort?.postMessage({ id: message.id, result: processDocument(message.raw, analyse) });
});
