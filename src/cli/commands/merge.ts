/**
 * @module `storyline merge <story id...> --into <story id>`: merge stories by hand that the grouper
 * kept apart (the same news told in other words, another language). What arrives next is grouped
 * with the merged story; a link to a merged one leads to it. `storyline merge --undo <story id>`
 * takes a story merged by hand out again.
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { dbOption, openStore } from '../options.js';

const USAGE = 'Usage: storyline merge <story id...> --into <story id> [--db FILE]\n       storyline merge --undo <story id> [--db FILE]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption, into: { type: 'string' }, undo: { type: 'boolean', default: false } }, allowPositionals: true });
  const ids = positionals.map(Number);
  if (values.undo) return undo(ids, values.db);
  const into = Number(values.into);
  if (ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0) || !Number.isInteger(into) || into <= 0) {
    console.error(USAGE);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  try {
    const result = await createPipeline(store).mergeStories(ids, into);
    if ('missing' in result) {
      console.error(`error: there is no story ${result.missing}`);
      return 1;
    }
    const [story] = result.regrouping.stories;
    const merged = result.regrouping.merged.map((m) => m.id);
    if (merged.length === 0) console.log(`nothing to merge: ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} story ${into} already`);
    else console.log(`merged ${merged.map((id) => `story ${id}`).join(', ')} into story ${story!.id}, "${story!.title}" (${result.regrouping.movedEvents.length} event${result.regrouping.movedEvents.length === 1 ? '' : 's'} moved)`);
    return 0;
  } finally {
    await store.close();
  }
}

/** Takes story `ids[0]` out of the story it was merged into by hand. */
async function undo(ids: number[], db: string): Promise<number> {
  const [id] = ids;
  if (ids.length !== 1 || !Number.isInteger(id) || id! <= 0) {
    console.error(USAGE);
    return 2;
  }
  const store = openStore(db, 'existing');
  try {
    const result = await createPipeline(store).undoMerge(id!);
    if ('notMerged' in result) {
      console.error(`error: story ${id} was not merged by hand, or cannot be taken out again`);
      return 1;
    }
    const from = result.regrouping.stories.find((s) => s.id !== id);
    console.log(`story ${id} is on its own again (${result.regrouping.movedEvents.length} event${result.regrouping.movedEvents.length === 1 ? '' : 's'} taken out of story ${from?.id}); the two are kept apart`);
    return 0;
  } finally {
    await store.close();
  }
}
