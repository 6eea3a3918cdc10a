import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startSite } from '../src/pipeline/testdata/news-site.js';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** Runs the CLI without blocking this process, which serves the site it fetches. */
const storyline = (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

test('subscribe, fetch, feeds, export as OPML and unsubscribe, from the command line', async () => {
  const site = await startSite();
  const dir = mkdtempSync(join(tmpdir(), 'storyline-feeds-'));
  const db = join(dir, 's.db');
  try {
    const subscribed = await storyline('subscribe', `${site.url}/`, '--db', db);
    assert.equal(subscribed.status, 0, subscribed.stderr);
    assert.equal(subscribed.stdout.trim(), `subscribed: Northgate Post <${site.url}/feeds/europe.xml> (found at ${site.url}/)`);

    const fetched = await storyline('fetch', '--db', db);
    assert.equal(fetched.status, 0, fetched.stderr);
    assert.match(fetched.stdout, /^feeds 1: 1 answered, 0 unchanged, 0 failed · read 2, new 2, updated 0, duplicates 0, unchanged 0, failed 0$/m);
    assert.match(fetched.stderr, /^Northgate Post: 2 items, 2 new$/m);

    const stories = await storyline('stories', '--db', db);
    assert.match(stories.stdout, /port|dock/i, 'the articles are in stories');

    const feeds = await storyline('feeds', '--db', db);
    assert.match(feeds.stdout, new RegExp(`Northgate Post\\n  ${site.url}/feeds/europe.xml\\n  fetched \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d; 2 new of 2 items; next \\d{4}`));

    const early = await storyline('fetch', '--db', db);
    assert.match(early.stdout, /No feed is due/);
    const forced = await storyline('fetch', '--all', '--db', db);
    assert.match(forced.stdout, /feeds 1: 0 answered, 1 unchanged, 0 failed · read 0/);

    const opml = await storyline('export', '--format', 'opml', '--db', db);
    assert.match(opml.stdout, new RegExp(`<outline type="rss" text="Northgate Post" title="Northgate Post" xmlUrl="${site.url}/feeds/europe.xml" htmlUrl="${site.url}/"/>`));
    // Another store reads the list back.
    writeFileSync(join(dir, 'feeds.opml'), opml.stdout);
    const other = await storyline('ingest', join(dir, 'feeds.opml'), '--db', join(dir, 'other.db'));
    assert.match(other.stdout, /subscriptions 1/);

    const removed = await storyline('unsubscribe', `${site.url}/feeds/europe.xml`, '--db', db);
    assert.match(removed.stdout, /unsubscribed from 1 feed; their articles stay/);
    assert.match((await storyline('feeds', '--db', db)).stdout, /No subscriptions/);
  } finally {
    await site.close();
  }
});

test('a feed that fails is named with the reason and the next try, and the fetch exits non-zero', async () => {
  const site = await startSite();
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-feeds-')), 's.db');
  try {
    const refused = await storyline('subscribe', `${site.url}/nothing-here`, '--db', db);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /error: .*\/nothing-here: HTTP 404 Not Found; not subscribed/);
    await storyline('subscribe', '--no-check', `${site.url}/feeds/gone.xml`, `${site.url}/feeds/europe.xml`, '--db', db);
    const fetched = await storyline('fetch', '--db', db);
    assert.equal(fetched.status, 1);
    assert.match(fetched.stderr, new RegExp(`error: ${site.url}/feeds/gone.xml: HTTP 404 Not Found \\(next try \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\)`));
    assert.match(fetched.stdout, /feeds 2: 1 answered, 0 unchanged, 1 failed · read 2, new 2/);
  } finally {
    await site.close();
  }
});
