import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { useStoreKinds, type StoreKind } from '../src/store/testdata/store-kinds.js';
import { generatedJsonl } from './generated-corpus.js';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const COUNT = 3000;

/** The rows of `sql` in the store at `location`, each as its values (none when there is no store yet). */
async function rows(location: string, sql: string): Promise<unknown[][]> {
  if (/^postgres(ql)?:/.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][];
    } catch {
      return []; // the tables are not made yet
    } finally {
      await client.end();
    }
  }
  try {
    const handle = new Database(location, { readonly: true, fileMustExist: true });
    try {
      return handle.prepare(sql).raw().all() as unknown[][];
    } finally {
      handle.close();
    }
  } catch {
    return [];
  }
}

const count = async (location: string, sql: string): Promise<number> => Number((await rows(location, sql))[0]?.[0] ?? 0);

const ingest = (input: string, db: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, 'ingest', input, '--db', db], { encoding: 'utf8' });

/** Each article's identity and whether it is folded, and the counts of events and stories. */
const shape = async (location: string) => ({
  articles: (await rows(location, 'SELECT identity, CASE WHEN duplicate_of IS NULL THEN 0 ELSE 1 END FROM articles ORDER BY identity')).map(([identity, folded]) => [identity, Number(folded)]),
  events: await count(location, 'SELECT COUNT(*) FROM events'),
  stories: await count(location, 'SELECT COUNT(*) FROM stories'),
});

const kinds = useStoreKinds();

async function killAndResume(kind: StoreKind): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-kill-'));
  const input = join(dir, 'stream.jsonl');
  writeFileSync(input, generatedJsonl(COUNT));
  const killed = await kind.create();
  const whole = await kind.create();
  try {
    const db = killed.location;
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'ingest', input, '--db', db], { stdio: 'ignore' });
    const deadline = Date.now() + 120_000;
    while ((await count(db, 'SELECT COUNT(*) FROM articles')) < 200 && Date.now() < deadline) await sleep(50);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const atKill = await count(db, 'SELECT COUNT(*) FROM articles');
    assert.ok(atKill >= 200 && atKill < COUNT, `killed mid-ingest (stored ${atKill} of ${COUNT})`);

    if (kind.name === 'SQLite') {
      const handle = new Database(db);
      assert.equal(handle.pragma('integrity_check', { simple: true }), 'ok');
      handle.close();
    }
    assert.equal(await count(db, 'SELECT COUNT(*) FROM articles WHERE event_id IS NULL OR story_id IS NULL'), 0, 'every stored article carries its placement (same transaction)');
    assert.equal(await count(db, 'SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM articles)'), 0, 'no event without its article');
    assert.equal(await count(db, 'SELECT COUNT(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)'), 0, 'no analysis without its article');

    const resumed = ingest(input, db);
    assert.equal(resumed.status, 0, resumed.stderr);
    const counts = /read (\d+), new (\d+), updated 0, duplicates (\d+), unchanged (\d+), failed 0/.exec(resumed.stdout);
    assert.ok(counts, resumed.stdout);
    const [, read, added, folded, unchanged] = counts.map(Number);
    assert.equal(read, COUNT);
    assert.equal(unchanged, atKill, 'what was stored before the kill is recognised, not stored again');
    assert.equal((added ?? 0) + (folded ?? 0), COUNT - atKill, 'the rest is stored');

    assert.equal(ingest(input, whole.location).status, 0);
    assert.deepEqual(await shape(db), await shape(whole.location), 'a resumed ingest ends where an uninterrupted one does');
  } finally {
    await killed.dispose();
    await whole.dispose();
  }
}

for (const kind of kinds) {
  test(`${kind.name}: killing an ingest loses nothing stored, leaves no half-written article, and the next run resumes`, { skip: kind.skip, timeout: 400_000 }, () => killAndResume(kind));
}
