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

/** Documents travel in batches: one message (and one wake-up of a worker) per batch, not per document. */
export type WorkerRequest = Array<{ id: number; raw: RawDocument }>;
export type WorkerReply = Array<{ id: number; result: Processed }>;

/** Most documents in one message; a smaller batch leaves at the end of the current turn. */
const BATCH = 16;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Documents sent to each worker and not answered yet: the next batch goes to the least loaded. */
  private readonly inFlight: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private queue: WorkerRequest = [];
  private flushScheduled = false;
  private failure: Error | null = null;
  private closing = false;
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker();
      worker.on('message', (reply: WorkerReply) => {
        this.inFlight[i] = (this.inFlight[i] ?? 0) - reply.length;
        for (const { id, result } of reply) {
          this.pending.get(id)?.resolve(result);
          this.pending.delete(id);
        }
      });
      worker.on('error', (error) => this.fail(new Error(`a processing worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a processing worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.inFlight.push(0);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
    this.queue = [];
  }

  process(raw: RawDocument): Promise<Processed> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, raw });
      if (this.queue.length >= BATCH) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.queue.length === 0 || this.failure) return;
    const batch = this.queue;
    this.queue = [];
    let target = 0;
    for (let i = 1; i < this.workers.length; i++) if ((this.inFlight[i] ?? 0) < (this.inFlight[target] ?? 0)) target = i;
    this.inFlight[target] = (this.inFlight[target] ?? 0) + batch.length;
    this.workers[target]?.postMessage(batch);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
