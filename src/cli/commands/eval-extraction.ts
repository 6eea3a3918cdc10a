/**
 * @module `storyline eval extraction [dir]`: run the extraction evaluation on the benchmark data
 * (default /work/shared/data/extraction); exits non-zero when a score falls below its floor.
 */
import { parseArgs } from 'node:util';
import { runExtractionEval } from '../../../eval/extraction/run-extraction-eval.js';

const USAGE = `usage: storyline eval extraction [dir] [--limit N] [--worst N] [--only scrapinghub,wcxb,date,flattened,flattened-wcxb]`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      worst: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const worst = values.worst === undefined ? undefined : Number(values.worst);
  if ((limit !== undefined && !(limit > 0)) || (worst !== undefined && !(worst >= 0))) {
    console.error(USAGE);
    return 2;
  }
  return runExtractionEval({
    dataDir: positionals[0] ?? '/work/shared/data/extraction',
    limit,
    worst,
    only: values.only?.split(',').map((s) => s.trim()),
  });
}
