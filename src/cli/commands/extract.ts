/** @module `storyline extract <files...> --jsonl`: the extraction as it is, one JSON line per document, no store. */
import { parseArgs } from 'node:util';
import { extractArticle } from '../../extract/extract-article.js';
import { listInputs, readInput } from '../../sources/read-inputs.js';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: { jsonl: { type: 'boolean', default: true } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: storyline extract <files...> --jsonl');
    return 2;
  }
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
        continue;
      }
      if (item.kind !== 'document') continue;
      try {
        const a = extractArticle(item.document);
        const line = { file: item.document.path, index: item.document.index, title: a.title, text: a.text, published: a.published, author: a.author, source: a.source, language: a.language, url: a.url };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } catch (error) {
        failed++;
        console.error(`error: ${item.document.path}: ${(error as Error).message}`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}
