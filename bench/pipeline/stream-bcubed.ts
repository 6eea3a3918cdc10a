/**
 * B-cubed of the pipeline's generated stream against the story and event each article was generated
 * for (its id: s<story>-e<event>-...). The stream's stories share templated sentences, so this is a
 * check that a grouping change does not merge stories apart on it, not a benchmark of quality.
 *
 *   node --import tsx bench/pipeline/stream-bcubed.ts --count 6000
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { bCubed } from '../../eval/clustering/b-cubed.js';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import { WorkerPool } from '../../src/pipeline/worker-pool.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStream } from './generate-stream.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '6000' } } });
const dir = mkdtempSync(join(tmpdir(), 'storyline-stream-bcubed-'));
try {
  const lines = [...generateStream({ count: Number(values.count) })].map((doc) =>
    JSON.stringify({ id: doc.hints.externalId, title: doc.hints.title, text: doc.content, source: doc.hints.source, published: doc.hints.published, language: 'en' }),
  );
  writeFileSync(join(dir, 'stream.jsonl'), `${lines.join('\n')}\n`);
  const store = openSqliteStore(join(dir, 'store.db'));
  const pool = new WorkerPool(2);
  await createPipeline(store, { pool }).ingestPaths([join(dir, 'stream.jsonl')]);
  await pool.close();
  await store.close();
  const db = new Database(join(dir, 'store.db'), { readonly: true });
  // A story merged into another is found by following its merges.
  const into = new Map((db.prepare('SELECT id, into_id FROM story_merges').all() as Array<{ id: number; into_id: number }>).map((r) => [r.id, r.into_id]));
  const storyOf = (id: number): number => (into.has(id) ? storyOf(into.get(id)!) : id);
  const rows = db.prepare('SELECT external_id, story_id, event_id FROM articles').all() as Array<{ external_id: string; story_id: number; event_id: number }>;
  db.close();
  const stories = bCubed(rows.map((r) => storyOf(r.story_id)), rows.map((r) => r.external_id.split('-')[0]!));
  const events = bCubed(rows.map((r) => r.event_id), rows.map((r) => r.external_id.split('-').slice(0, 2).join('-')));
  const line = (name: string, s: ReturnType<typeof bCubed>): string => `${name}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
  console.log(`${rows.length} articles`);
  console.log(line('stories', stories));
  console.log(line('events', events));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
