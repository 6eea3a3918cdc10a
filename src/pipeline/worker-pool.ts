/**
 * @module A fixed pool of worker threads running the pure extract+analyse stage, so the pipeline
 * uses every core while the store and the grouper stay ordered on the main thread.
 *
 * A worker that dies is a bug, not bad input: every pending and later request then rejects with
 * its error, so the batch stops loudly instead of waiting forever.
 */
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model/index.js';
import type { Processed } from './process-document.js';

const runningFromSource = import.meta.url.endsWith('.ts');

function startWorker(): Worker {
  if (!runningFromSource) return new Worker(new URL('./process-worker.js', import.meta.url));
  // Under tsx (tests, benches) the worker is TypeScript: register tsx's loader inside it first.
  const source = new URL('./process-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

type Pending = { resolve: (result: Processed) => void; reject: (error: Error) => void };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  private nextId = 0;
  private nextWorker = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      worker.on('message', (message: { id: number; result: Processed }) => {
        this.pending.get(message.id)?.resolve(message.result);
        this.pending.delete(message.id);
      });
      worker.on('error', (error) => this.fail(new Error(`a processing worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a processing worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  private closing = false;

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }

  process(raw: RawDocument): Promise<Processed> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[this.nextWorker++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker?.postMessage({ id, raw });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
