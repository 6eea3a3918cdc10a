/** @module `storyline extract <files...> --jsonl`: the extraction as it is, one JSON line per document, no store. */
import { parseArgs } from 'node:util';
import { extractArticle } from '../../extract/extract-article.js';
import { forEachDocument } from '../read-documents.js';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, options: { jsonl: { type: 'boolean', default: true } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('Usage: storyline extract <files or web addresses...> --jsonl');
    return 2;
  }
  const failed = await forEachDocument(positionals, (raw) => {
    try {
      const a = extractArticle(raw);
      const line = { file: raw.path, index: raw.index, title: a.title, text: a.text, published: a.published, author: a.author, source: a.source, language: a.language, url: a.url };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  });
  return failed > 0 ? 1 : 0;
}
