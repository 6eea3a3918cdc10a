/**
 * @module `storyline export --format json|opml [--out FILE]`: the whole analysis as one JSON
 * document, or the subscriptions as an OPML list for another feed reader.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { writeOpml } from '../../sources/opml-source.js';
import { writeExport } from '../../views/export-document.js';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...dbOption, format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  if (values.format !== 'json' && values.format !== 'opml') {
    console.error(`storyline export: unsupported format "${values.format}" (supported: json, opml)`);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  if (values.format === 'opml') {
    try {
      const opml = writeOpml(await store.subscriptions(), new Date());
      if (values.out) await writeFile(values.out, opml);
      else process.stdout.write(opml);
      return 0;
    } finally {
      await store.close();
    }
  }
  const output = values.out ? createWriteStream(values.out) : process.stdout;
  try {
    await writeExport(store, async (chunk) => {
      if (!output.write(chunk)) await once(output, 'drain');
    });
    if (values.out) {
      output.end();
      await once(output, 'finish');
    }
    return 0;
  } finally {
    await store.close();
  }
}
