/**
 * Times the stages of one story page on the bench store: the read model's getStory (SQLite reads),
 * buildStoryView, and the whole page through the app (reads + view + HTML), median of N runs per
 * big story. Use with --cpu-prof to see where the time goes.
 *
 *   node --import tsx bench/story-page/stages.ts [--db bench/out/story-page-100000.db] [--runs 10]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from '../../src/server/create-app.js';
import { sqliteReadModel } from '../../src/server/story-read-model.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { buildStoryView } from '../../src/views/story-view.js';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'bench/out/story-page-100000.db' }, runs: { type: 'string', default: '10' } } });
const file = values.db;
const runs = Number(values.runs);
const { bigStoryIds } = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { bigStoryIds: number[] };
const store = openSqliteStore(file);
const readModel = sqliteReadModel(file);
const { app } = createApp({ store, readModel, pageCache: 0 });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const timed = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};
const t = { read: [] as number[], view: [] as number[], page: [] as number[], json: [] as number[] };
let bytes = 0;
for (let r = 0; r < runs; r++) {
  for (const id of bigStoryIds) {
    let detail: Awaited<ReturnType<typeof readModel.getStory>> = null;
    t.read.push(await timed(async () => { detail = await readModel.getStory(id); }));
    t.view.push(await timed(() => buildStoryView(detail!)));
    t.page.push(await timed(async () => { bytes = (await (await app.request(`/stories/${id}`)).arrayBuffer()).byteLength; }));
    t.json.push(await timed(async () => (await app.request(`/api/stories/${id}`)).arrayBuffer()));
  }
}
console.log(`median ms over ${runs} x ${bigStoryIds.length} big stories: read ${median(t.read).toFixed(1)}, buildStoryView ${median(t.view).toFixed(1)}, page ${median(t.page).toFixed(1)} (${(bytes / 1024).toFixed(0)} KB), json ${median(t.json).toFixed(1)}`);
await readModel.close();
await store.close();
