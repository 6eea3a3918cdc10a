/**
 * @module `storyline export --format json|csv|opml [--out FILE]`: the whole analysis as one JSON
 * document; one table of it as CSV (`--table articles|quotes|figures|dates|entities`, the whole
 * store or `--story ID`); or the subscriptions as an OPML list for another feed reader.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { writeOpml } from '../../views/opml-document.js';
import type { Store } from '../../store/store.js';
import { CSV_TABLES, isCsvTable, storedArticles, storyArticles, writeCsv } from '../../views/csv-tables.js';
import { writeExport } from '../../views/export-document.js';
import { buildStoryView } from '../../views/story-view.js';
import { dbOption, openStore, UsageError } from '../options.js';

type Write = (chunk: string) => Promise<void>;

/** One CSV table of the whole store, or of one story (whose entities are merged as its page shows them). */
async function exportCsv(store: Store, table: string, storyId: string | undefined, write: Write): Promise<void> {
  if (!isCsvTable(table)) throw new UsageError(`unknown table "${table}" (tables: ${CSV_TABLES.join(', ')})`);
  if (storyId === undefined) return writeCsv(table, storedArticles(store), write);
  const detail = /^\d+$/.test(storyId) ? await store.getStory(Number(storyId)) : null;
  if (!detail) throw new UsageError(`there is no story ${storyId}`);
  await writeCsv(table, storyArticles(detail), write, table === 'entities' ? buildStoryView(detail).entities : undefined);
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...dbOption, format: { type: 'string', default: 'json' }, out: { type: 'string' }, table: { type: 'string' }, story: { type: 'string' } },
  });
  if (!['json', 'csv', 'opml'].includes(values.format)) {
    console.error(`storyline export: unsupported format "${values.format}" (supported: json, csv, opml)`);
    return 2;
  }
  if (values.format === 'csv' && !values.table) {
    console.error(`storyline export --format csv needs --table (${CSV_TABLES.join(', ')}), and takes --story ID for one story`);
    return 2;
  }
  const store = openStore(values.db, 'existing');
  const output = values.out ? createWriteStream(values.out) : process.stdout;
  const write: Write = async (chunk) => {
    if (!output.write(chunk)) await once(output, 'drain');
  };
  try {
    if (values.format === 'opml') await write(writeOpml(await store.subscriptions(), new Date()));
    else if (values.format === 'csv') await exportCsv(store, values.table as string, values.story, write);
    else await writeExport(store, write);
    if (values.out) {
      output.end();
      await once(output, 'finish');
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`storyline export: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}
