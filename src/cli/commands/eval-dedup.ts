/** @module `storyline eval dedup [--data DIR] [--limit N] [--seed S]`: pairwise P/R/F1/ARI of folding on a generated syndication corpus. */
import { parseArgs } from 'node:util';
import { runDedupEval } from '../../../eval/dedup/run-dedup-eval.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, limit: { type: 'string' }, seed: { type: 'string' } },
  });
  return runDedupEval({
    dataDir: values.data,
    limit: values.limit === undefined ? undefined : Number(values.limit),
    seed: values.seed === undefined ? undefined : Number(values.seed),
  });
}
