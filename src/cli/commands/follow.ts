/** @module `storyline follow <story id...>`: follow stories; `storyline following` then says what is new in them. */
import { parseArgs } from 'node:util';
import type { Store } from '../../store/store.js';
import { dbOption, openStore } from '../options.js';

/**
 * Runs `each` on every story id given (follow, unfollow), with the store open; exit code 2 with the
 * usage when the ids are missing or not numbers, 1 when `each` failed for one.
 */
export async function forEachStory(argv: string[], command: string, each: (store: Store, id: number) => Promise<boolean>): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption }, allowPositionals: true });
  const ids = positionals.map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
    console.error(`Usage: storyline ${command} <story id...> [--db FILE]`);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  let failed = 0;
  try {
    for (const id of ids) if (!(await each(store, id))) failed++;
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

export const run = (argv: string[]): Promise<number> =>
  forEachStory(argv, 'follow', async (store, id) => {
    const followed = await store.followStory(id, new Date().toISOString());
    if (followed === null) console.error(`error: there is no story ${id}`);
    else console.log(`following story ${followed}${followed === id ? '' : ` (story ${id} was merged into it)`}`);
    return followed !== null;
  });
