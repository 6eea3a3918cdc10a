/** @module `storyline demo`: ingests the sample corpus that ships with Storyline and shows its stories. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { parseArgs } from 'node:util';
import { startServer } from '../../server/start-server.js';
import { buildStoryView } from '../../views/story-view.js';
import { openStore, storeName } from '../options.js';
import { renderStory, renderStoryList } from '../render-story.js';
import { formatSummary, ingestWithProgress } from './ingest.js';

/** The sample corpus that ships in the package. */
export const DEMO_CORPUS = join(packageRoot(), 'demo', 'corpus');

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: 'storyline-demo.db' },
      serve: { type: 'boolean' },
      'no-serve': { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
    },
  });
  // On a terminal the demo goes on to open the web interface; piped (scripts, CI) it just prints.
  const serve = values.serve ?? (!values['no-serve'] && Boolean(process.stdout.isTTY));
  if (!existsSync(DEMO_CORPUS)) {
    console.error(`storyline demo: the sample corpus is missing (${DEMO_CORPUS})`);
    return 1;
  }
  const store = openStore(values.db);
  try {
    console.log(`Ingesting the sample corpus (${DEMO_CORPUS}) into ${storeName(values.db)} ...`);
    const summary = await ingestWithProgress(store, [DEMO_CORPUS]);
    console.log(formatSummary(summary), '\n');
    const stories = await store.listStories({ limit: 20 });
    console.log(renderStoryList(stories), '\n');
    const top = [...stories].sort((a, b) => b.articleCount - a.articleCount)[0];
    const detail = top ? await store.getStory(top.id) : null;
    if (detail) console.log(renderStory(buildStoryView(detail)), '\n');
    if (!serve) {
      console.log(`Explore further: storyline serve --db ${storeName(values.db)} (web), storyline stories --db ${storeName(values.db)}, storyline story <id> --db ${storeName(values.db)}`);
      console.log(`Follow a story (storyline follow <id>) and see what reaches it (storyline following); subscribe to real feeds (storyline subscribe <site>, storyline fetch).`);
      console.log(`Where a story is grouped wrong, put it right: "Merge or split…" on its page, or storyline merge <id...> --into <id> and storyline move-event <event id>.`);
      return summary.failed > 0 ? 1 : 0;
    }
    const server = await startServer({ store, dbFile: values.db, port: Number(values.port), host: '127.0.0.1' });
    console.log(`Open ${server.url}/ to read the stories in your browser. Press Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  } finally {
    await store.close();
  }
}
