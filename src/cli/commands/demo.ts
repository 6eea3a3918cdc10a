/** @module `storyline demo`: ingests the sample corpus that ships with Storyline and shows its stories. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildStoryView } from '../../views/story-view.js';
import { openStore } from '../options.js';
import { renderStory, renderStoryList } from '../render-story.js';
import { formatSummary, ingestWithProgress } from './ingest.js';

/** The corpus folder in the package root, found from this file whether it runs from src/ or dist/. */
function findDemoCorpus(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'demo', 'corpus');
}

export const DEMO_CORPUS = findDemoCorpus();

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string', default: 'storyline-demo.db' } } });
  if (!existsSync(DEMO_CORPUS)) {
    console.error(`storyline demo: the sample corpus is missing (${DEMO_CORPUS})`);
    return 1;
  }
  const store = openStore(values.db);
  try {
    console.log(`Ingesting the sample corpus (${DEMO_CORPUS}) into ${values.db} ...`);
    const summary = await ingestWithProgress(store, [DEMO_CORPUS]);
    console.log(formatSummary(summary), '\n');
    const stories = await store.listStories({ limit: 20 });
    console.log(renderStoryList(stories), '\n');
    const top = [...stories].sort((a, b) => b.articleCount - a.articleCount)[0];
    const detail = top ? await store.getStory(top.id) : null;
    if (detail) console.log(renderStory(buildStoryView(detail)), '\n');
    console.log(`Explore further: storyline stories --db ${values.db}; storyline story <id> --db ${values.db}`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
