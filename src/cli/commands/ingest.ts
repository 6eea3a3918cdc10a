/** @module `storyline ingest <paths...> [--db FILE]`: files, folders and web addresses (a page or a PDF fetched once) into the store. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import type { IngestSummary } from '../../pipeline/ingest.js';
import { WorkerPool } from '../../pipeline/worker-pool.js';
import { addressesApart } from '../../sources/read-address.js';
import { listInputs } from '../../sources/read-inputs.js';
import type { Store } from '../../store/store.js';
import { dbOption, openStore } from '../options.js';
import { createProgress } from '../progress.js';
import { sendDueAlerts } from './alerts.js';

export const formatSummary = (s: IngestSummary): string =>
  `read ${s.read}, new ${s.new}, updated ${s.updated}, duplicates ${s.duplicates}, unchanged ${s.unchanged}, failed ${s.failed}` +
  (s.skipped ? `, skipped ${s.skipped}` : '') +
  (s.subscriptions ? `, subscriptions ${s.subscriptions}` : '');

/** Inputs larger than this are worth starting worker threads for (each loads the NLP models). */
const POOL_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** Ingests with a progress bar and one line per problem; shared by `ingest` and `demo`. */
export async function ingestWithProgress(store: Store, paths: string[], options: { workers?: number } = {}): Promise<IngestSummary> {
  const { files } = await listInputs(addressesApart(paths).paths);
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  const workers = options.workers ?? (bytes > POOL_THRESHOLD_BYTES ? availableParallelism() : 0);
  const pool = workers > 0 ? new WorkerPool(workers) : undefined;
  const pipeline = createPipeline(store, { pool });
  let progress: ReturnType<typeof createProgress> | null = null;
  let reopening: ReturnType<typeof createProgress> | null = null;
  let filesDone = 0;
  const summary = await pipeline.ingestPaths(paths, {
    onRestore: (done, total) => {
      reopening ??= createProgress({ total, unit: 'stored articles reopened' });
      reopening.update(done, done);
      if (done >= total) reopening.finish();
    },
    onStart: (total) => (progress = createProgress({ total, unit: 'files' })),
    onFile: (_path, s) => progress?.update(++filesDone, s.read),
    onProblem: ({ path, message, skipped }) => {
      const line = `${skipped ? 'skipped' : 'error'}: ${path}: ${message}`;
      if (progress) progress.log(line);
      else console.error(line);
    },
  });
  (progress as ReturnType<typeof createProgress> | null)?.finish();
  await pool?.close();
  return summary;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...dbOption, workers: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.error('Usage: storyline ingest <files, folders or web addresses...> [--db FILE]');
    return 2;
  }
  const store = openStore(values.db);
  try {
    const summary = await ingestWithProgress(store, positionals, { workers: values.workers === undefined ? undefined : Number(values.workers) });
    console.log(formatSummary(summary));
    await sendDueAlerts(store);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
