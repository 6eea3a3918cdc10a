/**
 * @module `storyline quotes <files...> --jsonl`: who said what, without a store. One JSON line per
 * document: `{file, index, quotes, entities, figures, dates}`, offsets into the extracted text.
 */
import { parseArgs } from 'node:util';
import { createDefaultAnalyse } from '../../pipeline/default-analyse.js';
import { processDocument } from '../../pipeline/process-document.js';
import { forEachDocument } from '../read-documents.js';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: { jsonl: { type: 'boolean', default: true } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: storyline quotes <files or web addresses...> --jsonl');
    return 2;
  }
  const analyse = createDefaultAnalyse();
  const failed = await forEachDocument(positionals, (raw) => {
    const processed = processDocument(raw, analyse);
    if (!processed.ok) return processed.message;
    const { quotes, entities, figures, dates } = processed.analysis;
    process.stdout.write(`${JSON.stringify({ file: raw.path, index: raw.index, quotes, entities, figures, dates })}\n`);
    return null;
  });
  return failed > 0 ? 1 : 0;
}
