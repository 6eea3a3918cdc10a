/**
 * The store's write path alone: generated articles, extracted and analysed first (not timed), then
 * written with `addArticle` in batches of 256 as the ingest does, each in an event of its own.
 * Prints CPU ms per article of this (single) thread, for the writes and for the commits, at two
 * store sizes, so a cost that grows with the store shows.
 *
 *   node --import tsx bench/store-write/run.ts --count 20000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Placement } from '../../src/model/index.js';
import { createDefaultAnalyse } from '../../src/pipeline/default-analyse.js';
import { contentHashOf, identityOf, rawHashOf } from '../../src/pipeline/identity.js';
import { processDocument } from '../../src/pipeline/process-document.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generateStream } from '../pipeline/generate-stream.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' }, distinct: { type: 'string', default: '2000' } } });
const count = Number(values.count);
const analyse = createDefaultAnalyse();
// Analysing every article would take longer than writing them: `distinct` are analysed and reused
// with their identities made unique.
const processed = [];
for (const raw of generateStream({ count: Number(values.distinct) })) {
  const p = processDocument(raw, analyse);
  if (p.ok) processed.push({ raw, ...p });
}
const dir = mkdtempSync(join(tmpdir(), 'storyline-store-write-'));
const store = openSqliteStore(join(dir, 'store.db'));
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let writeMs = 0;
let commitMs = 0;
let windowWrite = 0;
let windowCommit = 0;
const report = (done: number, n: number): void => {
  console.log(`${String(done).padStart(8)}  write ${(windowWrite / n).toFixed(3)} ms  commit ${(windowCommit / n).toFixed(3)} ms  per article`);
  windowWrite = 0;
  windowCommit = 0;
};
const every = Math.max(1, Math.floor(count / 4));
for (let i = 0; i < count; i++) {
  if (i % 256 === 0) await store.beginBatch();
  const { raw, article, analysis } = processed[i % processed.length]!;
  const copy = { ...raw, path: `${raw.path}-${i}`, hints: { ...raw.hints, externalId: `${raw.hints.externalId}-${i}` } };
  const record = { identity: identityOf(copy), rawHash: rawHashOf(copy), contentHash: `${contentHashOf(article)}${i}`, article, analysis, seenAt: new Date(1_700_000_000_000 + i * 1000).toISOString() };
  let t = cpu();
  await store.findByIdentity(record.identity);
  await store.findByContentHash(record.contentHash);
  await store.addArticle(record, (id): Placement => ({
    duplicateOf: null, similarity: null, changes: null, movedEvents: [], mergedStoryIds: [],
    event: { id, storyId: Math.ceil(id / 20), title: article.title, start: null, end: null },
    story: { id: Math.ceil(id / 20), title: article.title, start: null, end: null },
  }));
  let u = cpu();
  writeMs += u - t;
  windowWrite += u - t;
  if (i % 256 === 255 || i === count - 1) {
    t = cpu();
    await store.commitBatch();
    u = cpu();
    commitMs += u - t;
    windowCommit += u - t;
  }
  if ((i + 1) % every === 0) report(i + 1, every);
}
await store.close();
console.log(`all ${count}: write ${(writeMs / count).toFixed(3)} ms, commit ${(commitMs / count).toFixed(3)} ms CPU per article`);
rmSync(dir, { recursive: true, force: true });
