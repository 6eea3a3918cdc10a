/**
 * @module A fixed pool of worker threads running the pure extract+analyse stage, so the pipeline
 * uses every core while the store and the grouper stay ordered on the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model/index.js';
import type { Processed } from './process-document.js';

/** Under tsx (tests, benches) the worker is the .ts source; built, it is the .js next to this file. */
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './process-worker.ts' : './process-worker.js', import.meta.url);

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, (result: Processed) => void>();
  private nextId = 0;
  private nextWorker = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl);
      worker.on('message', (message: { id: number; result: Processed }) => {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      });
      worker.on('error', (error) => {
        for (const resolve of this.pending.values()) resolve({ ok: false, message: `worker failed: ${error.message}` });
        this.pending.clear();
      });
      worker.unref();
      this.workers.push(worker);
    }
  }

  process(raw: RawDocument): Promise<Processed> {
    const id = this.nextId++;
    const worker = this.workers[this.nextWorker++ % this.workers.length];
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker?.postMessage({ id, raw });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
