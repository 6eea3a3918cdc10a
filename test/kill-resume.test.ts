import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { generatedJsonl } from './generated-corpus.js';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const COUNT = 3000;

const storedCount = (db: string): number => {
  try {
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (handle.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      handle.close();
    }
  } catch {
    return 0;
  }
};

const ingest = (input: string, db: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, 'ingest', input, '--db', db], { encoding: 'utf8' });

test('killing an ingest loses nothing stored, leaves no half-written article, and the next run resumes', { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-kill-'));
  const input = join(dir, 'stream.jsonl');
  writeFileSync(input, generatedJsonl(COUNT));
  const db = join(dir, 'killed.db');

  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'ingest', input, '--db', db], { stdio: 'ignore' });
  const deadline = Date.now() + 120_000;
  while (storedCount(db) < 200 && Date.now() < deadline) await sleep(50);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const atKill = storedCount(db);
  assert.ok(atKill >= 200 && atKill < COUNT, `killed mid-ingest (stored ${atKill} of ${COUNT})`);

  const handle = new Database(db);
  assert.equal(handle.pragma('integrity_check', { simple: true }), 'ok');
  const unplaced = handle.prepare('SELECT COUNT(*) AS n FROM articles WHERE event_id IS NULL OR story_id IS NULL').get() as { n: number };
  assert.equal(unplaced.n, 0, 'every stored article carries its placement (same transaction)');
  const orphans = handle.prepare('SELECT COUNT(*) AS n FROM events WHERE id NOT IN (SELECT event_id FROM articles)').get() as { n: number };
  assert.equal(orphans.n, 0, 'no event without its article');
  handle.close();

  const resumed = ingest(input, db);
  assert.equal(resumed.status, 0, resumed.stderr);
  const counts = /read (\d+), new (\d+), updated 0, duplicates (\d+), unchanged (\d+), failed 0/.exec(resumed.stdout);
  assert.ok(counts, resumed.stdout);
  const [, read, added, folded, unchanged] = counts.map(Number);
  assert.equal(read, COUNT);
  assert.equal(unchanged, atKill, 'what was stored before the kill is recognised, not stored again');
  assert.equal((added ?? 0) + (folded ?? 0), COUNT - atKill, 'the rest is stored');

  const whole = join(dir, 'whole.db');
  assert.equal(ingest(input, whole).status, 0);
  const shape = (file: string) => {
    const h = new Database(file, { readonly: true });
    const rows = h.prepare('SELECT identity, duplicate_of IS NOT NULL AS folded FROM articles ORDER BY identity').all();
    const counts = h.prepare('SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM stories) AS stories').get();
    h.close();
    return { rows, counts };
  };
  assert.deepEqual(shape(db), shape(whole), 'a resumed ingest ends where an uninterrupted one does');
});
