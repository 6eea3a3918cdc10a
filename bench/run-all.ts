/**
 * @module `npm run bench`: every benchmark once, in a size that finishes in minutes, each beside its
 * peer. The long runs (1,000,000 articles through the pipeline, 100,000 stored for the story page)
 * are in each benchmark's README.
 */
import { spawnSync } from 'node:child_process';

const runs: Array<{ name: string; args: string[] }> = [
  { name: 'dedup sketches', args: ['bench/sketch/run-sketch-bench.ts', '--docs', '2000'] },
  { name: 'HTML extraction', args: ['bench/extraction/run-extraction-bench.ts', '--rounds', '2'] },
  { name: 'analysis', args: ['bench/analyse/analyse-bench.ts', '--n', '300'] },
  { name: 'extract + analyse', args: ['bench/pipeline/process-bench.ts', '--count', '1000', '--rounds', '3'] },
  { name: 'grouper alone', args: ['bench/grouping/run-grouping-bench.ts', '--count', '40000', '--every', '10000'] },
  { name: 'whole pipeline', args: ['bench/pipeline/run.ts', '--count', '10000', '--every', '2500'] },
  { name: 'story page', args: ['bench/story-page/run.ts', '--requests', '100'] },
  { name: 'feed fetch', args: ['bench/fetch/run.ts', '--count', '1000'] },
  { name: 'reader-app syncs', args: ['bench/reader-api/run.ts', '--rounds', '30'] },
];

let failed = 0;
for (const run of runs) {
  console.log(`\n=== ${run.name}: node --import tsx ${run.args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...run.args], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed) console.log(`\n${failed} benchmark(s) failed or missed their limit`);
process.exitCode = failed ? 1 : 0;
