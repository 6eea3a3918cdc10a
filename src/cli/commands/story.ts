/** @module `storyline story <id> [--json]`: one story with its events, copies, quotes and figures. */
import { parseArgs } from 'node:util';
import { buildStoryView } from '../../views/story-view.js';
import { dbOption, openStore, storeName } from '../options.js';
import { renderStory } from '../render-story.js';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption, json: { type: 'boolean', default: false } }, allowPositionals: true });
  const id = Number(positionals[0]);
  if (!Number.isInteger(id)) {
    console.error('Usage: storyline story <id> [--db FILE] [--json]');
    return 2;
  }
  const store = openStore(values.db, 'existing');
  try {
    const detail = await store.getStory(id);
    if (!detail) {
      console.error(`storyline: no story ${id} in ${storeName(values.db)}`);
      return 1;
    }
    const view = buildStoryView(detail);
    console.log(values.json ? JSON.stringify(view, null, 2) : renderStory(view));
    return 0;
  } finally {
    await store.close();
  }
}
