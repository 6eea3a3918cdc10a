/**
 * @module `storyline quotes <files...> --jsonl`: who said what, without a store. One JSON line per
 * document: `{file, index, quotes, entities, figures, dates}`, offsets into the extracted text.
 */
import { parseArgs } from 'node:util';
import { createDefaultAnalyse } from '../../pipeline/default-analyse.js';
import { processDocument } from '../../pipeline/process-document.js';
import { listInputs, readInput } from '../../sources/read-inputs.js';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: { jsonl: { type: 'boolean', default: true } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: storyline quotes <files...> --jsonl');
    return 2;
  }
  const analyse = createDefaultAnalyse();
  let failed = 0;
  const { files, problems } = await listInputs(positionals);
  for (const problem of problems) {
    if (problem.kind === 'error') failed++;
    if (problem.kind === 'error' || problem.kind === 'skipped') console.error(`${problem.kind}: ${problem.path}: ${problem.message}`);
  }
  for (const file of files) {
    for await (const item of readInput(file)) {
      if (item.kind === 'error') {
        failed++;
        console.error(`error: ${item.path}: ${item.message}`);
      }
      if (item.kind !== 'document') continue;
      const processed = processDocument(item.document, analyse);
      if (!processed.ok) {
        failed++;
        console.error(`error: ${item.document.path}: ${processed.message}`);
        continue;
      }
      const { quotes, entities, figures, dates } = processed.analysis;
      process.stdout.write(`${JSON.stringify({ file: item.document.path, index: item.document.index, quotes, entities, figures, dates })}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
