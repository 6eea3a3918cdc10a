/** @module `storyline follow <story id...>`: follow stories; `storyline following` then says what is new in them. */
import { parseArgs } from 'node:util';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption }, allowPositionals: true });
  const ids = positionals.map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
    console.error('Usage: storyline follow <story id...> [--db FILE]');
    return 2;
  }
  const store = openStore(values.db, 'existing');
  let failed = 0;
  try {
    for (const id of ids) {
      const followed = await store.followStory(id, new Date().toISOString());
      if (followed === null) {
        console.error(`error: there is no story ${id}`);
        failed++;
      } else console.log(`following story ${followed}${followed === id ? '' : ` (story ${id} was merged into it)`}`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
