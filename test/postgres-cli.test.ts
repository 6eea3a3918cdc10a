/**
 * Storyline on PostgreSQL end to end: the commands take a postgres:// URL wherever they take a
 * SQLite file, store what SQLite stores, and the web pages read it back.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createPipeline } from '../src/pipeline/create-pipeline.js';
import { createApp } from '../src/server/create-app.js';
import { startServer } from '../src/server/start-server.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { useStoreKinds } from '../src/store/testdata/store-kinds.js';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const corpus = fileURLToPath(new URL('../demo/corpus', import.meta.url));
const testdata = fileURLToPath(new URL('../src/sources/testdata', import.meta.url));
const storyline = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

const [, postgres] = useStoreKinds();

/** The JSON export without the times of arrival, which differ from run to run. */
const exported = (db: string): unknown => {
  const run = storyline('export', '--db', db, '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.replace(/"seenAt":"[^"]*"/g, '"seenAt":""'));
};

test('ingest, stories and export take a postgres:// URL and store what the SQLite file stores', { skip: postgres!.skip, timeout: 300_000 }, async () => {
  const { location: url, dispose } = await postgres!.create();
  const folder = mkdtempSync(join(tmpdir(), 'storyline-pg-cli-'));
  try {
    const file = join(folder, 's.db');
    const onFile = storyline('ingest', corpus, testdata, '--db', file);
    const onPostgres = storyline('ingest', corpus, testdata, '--db', url);
    // The hostile inputs among the test data fail by name; the rest of the batch is stored.
    assert.equal(onPostgres.status, 1);
    assert.match(onPostgres.stderr, /entity-bomb\.xml: XML declares its own entities/);
    assert.equal(onPostgres.stdout.split('\n').at(-2), onFile.stdout.split('\n').at(-2));
    assert.deepEqual(exported(url), exported(file));

    const stories = storyline('stories', '--db', url, '--json');
    assert.equal(stories.status, 0, stories.stderr);
    const list = (JSON.parse(stories.stdout) as { stories: Array<{ id: number; title: string; articleCount: number }> }).stories;
    const biggest = [...list].sort((a, b) => b.articleCount - a.articleCount)[0]!;
    assert.match(biggest.title, /Dockworkers strike/);

    // The web pages read the same database.
    const store = openPostgresStore(url);
    try {
      const { app } = createApp({ store });
      const page = await app.request(`/stories/${biggest.id}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Dockworkers strike/);
      const home = await (await app.request('/')).text();
      assert.ok(list.every((s) => home.includes(`/stories/${s.id}`)), 'every story is listed');
      const search = (await (await app.request('/api/search?q=flood+barrier')).json()) as { items: Array<{ snippet: string }> };
      assert.ok(search.items.length > 0 && search.items.every((hit) => /\[(flood|barrier)\]/i.test(hit.snippet)), JSON.stringify(search.items[0]));
    } finally {
      await store.close();
    }

    // The server caches story pages, and hears of another process's commit: a copy stored by a
    // second process shows on the next request.
    const served = openPostgresStore(url);
    const server = await startServer({ store: served, dbFile: url, port: 0 });
    const writer = openPostgresStore(url);
    try {
      const page = async (): Promise<string> => (await fetch(`${server.url}/stories/${biggest.id}`)).text();
      assert.match(await page(), new RegExp(`${biggest.articleCount} articles`));
      assert.match(await page(), new RegExp(`${biggest.articleCount} articles`), 'served again from the cache');
      const original = (await writer.getStory(biggest.id))!.articles.find((a) => a.duplicateOf === null && a.text.length > 0)!;
      const copy = { path: 'late-copy.txt', index: 0, format: 'text' as const, content: `${(await writer.getArticle(original.id))!.article.text}\n\nRead more on our website.`, hints: { source: 'Late Courier', title: 'A late copy' } };
      assert.equal((await createPipeline(writer).ingestDocument(copy)).kind, 'duplicate');
      let shown = '';
      for (let i = 0; i < 100 && !shown.includes(`${biggest.articleCount + 1} articles`); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        shown = await page();
      }
      assert.match(shown, new RegExp(`${biggest.articleCount + 1} articles`));

      // Regrouping by hand from the command line, on the same database: merged, then the merge
      // undone; what another process stores after the merge joins the merged story.
      const other = list.find((s) => s.id !== biggest.id && /Korvel|storm/i.test(s.title))!;
      assert.match(storyline('merge', String(other.id), '--into', String(biggest.id), '--db', url).stdout, new RegExp(`^merged story ${other.id} into story ${biggest.id}`));
      assert.equal(await writer.mergedInto(other.id), biggest.id);
      const floodOriginal = (await writer.getStory(biggest.id))!.articles.find((a) => a.duplicateOf === null && /Korvel/.test(a.title))!;
      const floodCopy = { path: 'late-flood-copy.txt', index: 0, format: 'text' as const, content: `${(await writer.getArticle(floodOriginal.id))!.article.text}\n\nRead more on our website.`, hints: { source: 'Late Courier', title: 'Korvel again' } };
      const stored = await createPipeline(writer).ingestDocument(floodCopy);
      assert.equal((await writer.getArticle('id' in stored ? stored.id : -1))?.article.storyId, biggest.id);
      assert.match(storyline('merge', '--undo', String(other.id), '--db', url).stdout, new RegExp(`^story ${other.id} is on its own again`));
      assert.equal((await writer.getArticle('id' in stored ? stored.id : -1))?.article.storyId, other.id, 'the copy went back with its event');
    } finally {
      await server.close();
      await writer.close();
      await served.close();
    }
  } finally {
    await dispose();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a PostgreSQL server that cannot be reached is named in the error, with no password shown', () => {
  const run = storyline('stories', '--db', 'postgres://reader:secret@127.0.0.1:1/news');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /cannot reach PostgreSQL at postgres:\/\/reader:\*\*\*@127\.0\.0\.1:1\/news: .*ECONNREFUSED/);
  assert.doesNotMatch(run.stderr, /secret/);
});
