/** @module `storyline eval clustering [--data FILE] [--seeds DIR] [--limit N]`: B-cubed on UCI headlines, and the seeds. */
import { parseArgs } from 'node:util';
import { runClusteringEval } from '../../../eval/clustering/run-clustering-eval.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, seeds: { type: 'string' }, limit: { type: 'string' } },
  });
  return runClusteringEval({
    dataFile: values.data,
    seedsDir: values.seeds,
    limit: values.limit === undefined ? undefined : Number(values.limit),
  });
}
