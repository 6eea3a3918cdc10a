/**
 * @module `storyline move-event <event id> [--to <story id>]`: move an event the grouper put in the
 * wrong story to another story, or (without --to) to a story of its own. The two stories are never
 * merged again on their own; a story the event leaves empty leads to where it went. Event ids are
 * shown by `storyline story <id>`.
 */
import { parseArgs } from 'node:util';
import { createPipeline } from '../../pipeline/create-pipeline.js';
import { dbOption, openStore } from '../options.js';

const USAGE = 'Usage: storyline move-event <event id> [--to <story id>] [--db FILE]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { ...dbOption, to: { type: 'string' } }, allowPositionals: true });
  const eventId = Number(positionals[0]);
  const to = values.to === undefined ? null : Number(values.to);
  if (positionals.length !== 1 || !Number.isInteger(eventId) || eventId <= 0 || (to !== null && (!Number.isInteger(to) || to <= 0))) {
    console.error(USAGE);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  try {
    const result = await createPipeline(store).moveEvent(eventId, to);
    if ('missingEvent' in result) console.error(`error: there is no event ${result.missingEvent}`);
    if ('missingStory' in result) console.error(`error: there is no story ${result.missingStory}`);
    if (!('regrouping' in result)) return 1;
    const moved = result.regrouping.movedEvents[0];
    if (moved === undefined) {
      console.log(`nothing to move: event ${eventId} is in story ${to} already`);
      return 0;
    }
    const story = result.regrouping.stories.find((s) => s.id === moved.storyId);
    const left = result.regrouping.merged.length > 0 ? ` (the story it left held nothing else: it leads to story ${moved.storyId} now)` : '';
    console.log(`moved event ${moved.id}, "${moved.title}", to ${to === null ? 'a story of its own' : 'story'} ${moved.storyId}${story ? `, "${story.title}"` : ''}${left}`);
    return 0;
  } finally {
    await store.close();
  }
}
