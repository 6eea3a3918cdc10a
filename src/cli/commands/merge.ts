/**
 * @module `storyline merge <story id...> --into <story id>`: merge stories by hand that the grouper
 * kept apart (the same news told in other words, another language). What arrives next is grouped
 * with the merged story; a link to a merged one leads to it.
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { dbOption, openStore } from '../options.js';

const USAGE = 'Usage: storyline merge <story id...> --into <story id> [--db FILE]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption, into: { type: 'string' } }, allowPositionals: true });
  const ids = positionals.map(Number);
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
