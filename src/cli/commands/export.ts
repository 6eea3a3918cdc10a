/** @module `storyline export --format json [--out FILE]`: the whole analysis as one JSON document. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { writeExport } from '../../views/export-document.js';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...dbOption, format: { type: 'string', default: 'json' }, out: { type: 'string' } } });
  if (values.format !== 'json') {
    console.error(`storyline export: unsupported format "${values.format}" (supported: json)`);
    return 2;
  }
  const store = openStore(values.db, 'existing');
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
