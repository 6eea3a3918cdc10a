/** @module `storyline stories [--json]`: the stories, newest development first. */
import { parseArgs } from 'node:util';
import { dbOption, openStore } from '../options.js';
import { renderStoryList } from '../render-story.js';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...dbOption,
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '50' },
      offset: { type: 'string', default: '0' },
      from: { type: 'string' },
      to: { type: 'string' },
      outlet: { type: 'string' },
      entity: { type: 'string' },
    },
  });
  const store = openStore(values.db, 'existing');
  try {
    const stories = await store.listStories({
      limit: Number(values.limit),
      offset: Number(values.offset),
      from: values.from,
      to: values.to,
      outlet: values.outlet,
      entity: values.entity,
    });
    console.log(values.json ? JSON.stringify({ stories }, null, 2) : renderStoryList(stories));
    return 0;
  } finally {
    await store.close();
  }
}
