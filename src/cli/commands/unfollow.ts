/** @module `storyline unfollow <story id...>`: stop following stories. */
import { parseArgs } from 'node:util';
import { dbOption, openStore } from '../options.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption }, allowPositionals: true });
  const ids = positionals.map(Number);
  if (ids.length === 0 || ids.some((id) => !Number.isInteger(id))) {
    console.error('Usage: storyline unfollow <story id...> [--db FILE]');
    return 2;
  }
  const store = openStore(values.db, 'existing');
  let failed = 0;
  try {
    for (const id of ids) {
      if (await store.unfollowStory(id)) console.log(`no longer following story ${id}`);
      else {
        console.error(`error: story ${id} is not followed`);
        failed++;
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
