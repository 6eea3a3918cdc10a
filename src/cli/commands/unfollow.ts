/** @module `storyline unfollow <story id...>`: stop following stories. */
import { forEachStory } from './follow.js';

export const run = (argv: string[]): Promise<number> =>
  forEachStory(argv, 'unfollow', async (store, id) => {
    const removed = await store.unfollowStory(id);
    if (removed) console.log(`no longer following story ${id}`);
    else console.error(`error: story ${id} is not followed`);
    return removed;
  });
