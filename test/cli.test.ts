import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startSite } from '../src/pipeline/testdata/news-site.js';

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const testdata = fileURLToPath(new URL('../src/sources/testdata', import.meta.url));

const storyline = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

test('ingest reports a summary, names each failed input, and exits non-zero when some failed', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  const run = storyline('ingest', testdata, '--db', db);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /read 10, new 10, updated 0, duplicates 0, unchanged 0, failed 3, subscriptions 2/);
  assert.match(run.stderr, /error: .*entity-bomb\.xml: XML declares its own entities/);
  assert.equal(run.stderr.trim().split('\n').length, 3, run.stderr);
});

test('export writes the whole analysis in the documented format', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  storyline('ingest', testdata, '--db', db);
  const run = storyline('export', '--db', db, '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const doc = JSON.parse(run.stdout) as Record<string, unknown[]>;
  assert.deepEqual(Object.keys(doc), ['articles', 'events', 'stories', 'quotes', 'dates', 'figures', 'entities']);
  const articles = doc.articles as Array<Record<string, unknown>>;
  assert.equal(articles.length, 10);
  const rss = articles.find((a) => a.externalId === 'ht-2026-0415-01');
  assert.ok(rss, 'feed guid is the externalId');
  for (const key of ['id', 'externalId', 'path', 'url', 'source', 'title', 'published', 'language', 'text', 'duplicateOf', 'eventId', 'storyId']) {
    assert.ok(key in rss, `articles[].${key}`);
  }
  assert.equal(rss.source, 'Harbour Times');
  assert.equal(Date.parse(String(rss.published)), Date.parse('2026-04-15T08:30:00Z'));
  const header = articles.find((a) => a.url === 'https://valleycourier.example/2026/04/16/flood-barrier');
  assert.equal(header?.title, 'Council approves flood barrier budget');
  assert.equal(header?.externalId, null);
  const events = doc.events as Array<Record<string, unknown>>;
  const stories = doc.stories as Array<Record<string, unknown>>;
  assert.ok(events.every((e) => Array.isArray(e.articleIds) && typeof e.storyId === 'number'));
  assert.ok(stories.every((s) => Array.isArray(s.eventIds) && Array.isArray(s.articleIds)));
  assert.equal(new Set(articles.map((a) => a.storyId)).size, stories.length);
});

test('export --format csv writes a table of the whole store or of one story, as many rows as the JSON export has items', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  storyline('ingest', testdata, '--db', db);
  const doc = JSON.parse(storyline('export', '--db', db).stdout) as Record<string, unknown[]>;
  for (const table of ['articles', 'quotes', 'figures', 'dates']) {
    const run = storyline('export', '--db', db, '--format', 'csv', '--table', table);
    assert.equal(run.status, 0, run.stderr);
    const rows = run.stdout.replace(/^\uFEFF/, '').trimEnd().split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    assert.equal(rows.length - 1, doc[table]!.length, table);
  }
  const { stories } = JSON.parse(storyline('stories', '--db', db, '--json').stdout) as { stories: Array<{ id: number; articleCount: number }> };
  const story = stories.find((s) => s.articleCount > 1)!;
  const one = storyline('export', '--db', db, '--format', 'csv', '--table', 'articles', '--story', String(story.id));
  assert.equal(one.stdout.trimEnd().split('\r\n').length - 1, story.articleCount);
  assert.equal(storyline('export', '--db', db, '--format', 'csv').status, 2, 'a table is needed');
  assert.match(storyline('export', '--db', db, '--format', 'csv', '--table', 'quotes', '--story', '999').stderr, /there is no story 999/);
});

test('stories and story show what was stored, readable by default and as JSON', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  storyline('ingest', testdata, '--db', db);
  const list = storyline('stories', '--db', db, '--json');
  const { stories } = JSON.parse(list.stdout) as { stories: Array<{ id: number; title: string; articleCount: number }> };
  assert.equal(stories.length, 9, 'the two dock-strike reports are one story');
  const bridge = stories.find((s) => s.title === 'Bridge reopens after repairs');
  assert.ok(bridge);
  const text = storyline('story', String(bridge.id), '--db', db);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /Bridge reopens after repairs\n2026-04-18 · 1 article from 1 outlet /);
  assert.equal(storyline('story', '9999', '--db', db).status, 1);
});

test('ingest makes the store and its folder; reading commands refuse a path with no store', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 'not', 'yet');
  const db = join(dir, 's.db');
  const missing = storyline('stories', '--db', db);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no store at .*s\.db: add articles first with storyline ingest/);
  assert.equal(existsSync(dir), false, 'a read leaves nothing behind');
  const run = storyline('ingest', join(testdata, 'feed.rss'), '--db', db);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(storyline('stories', '--db', db).status, 0);
});

test('reanalyse analyses a store again and says what it found; a path with no store is refused', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  assert.match(storyline('reanalyse', '--db', db).stderr, /no store at .*s\.db/);
  storyline('ingest', testdata, '--db', db);
  const exported = () => JSON.parse(storyline('export', '--db', db, '--format', 'json').stdout) as Record<string, unknown[]>;
  const before = exported();
  const run = storyline('reanalyse', '--db', db);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^re-analysed 10 articles: \d+ quotes \(\d+ with a named speaker\), \d+ entity mentions, \d+ figures, \d+ dates/);
  // The same version finds the same again, and nothing else moves.
  assert.deepEqual(exported(), before);
});

test('extract --jsonl prints one line per document without a store', () => {
  const run = storyline('extract', join(testdata, 'harbour-wire.txt'), join(testdata, 'feed.json'), '--jsonl');
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  assert.equal(lines[0]?.published, '2026-04-14');
  assert.ok(String(lines[0]?.text).startsWith('Port officials in Saltmere'));
  assert.deepEqual(Object.keys(lines[0] ?? {}).sort(), ['author', 'file', 'index', 'language', 'published', 'source', 'text', 'title', 'url']);
});

test('extract --jsonl takes a web address too: the page is fetched and extracted under its address; one that fails is named', async () => {
  const site = await startSite();
  try {
    const page = `${site.url}/business/rate-cut`;
    const gone = `${site.url}/business/taken-down`;
    // Run without blocking this process: the site answering the command lives in it.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', cli, 'extract', page, gone, '--jsonl'], { encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
    assert.equal(run.status, 1, 'an input failed');
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => [l.url, l.source]), [[page, 'The Saltvik Observer']]);
    assert.match(run.stderr, new RegExp(`error: ${gone}: HTTP 404`));
  } finally {
    await site.close();
  }
});

test('quotes --jsonl gives each quote with its speaker and offsets into the extracted text', () => {
  const run = storyline('quotes', join(testdata, 'harbour-wire.txt'), '--jsonl');
  assert.equal(run.status, 0, run.stderr);
  const [line] = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { quotes: Array<{ text: string; speaker: string | null; direct: boolean }>; figures: Array<{ value: number; unit: string }> });
  const quote = line?.quotes.find((q) => q.direct);
  assert.match(quote?.text ?? '', /Nobody wins a strike like this/);
  assert.equal(quote?.speaker, 'Ada Lindqvist');
  assert.ok(line?.figures.some((f) => f.value === 4.5 && f.unit === 'percent'));
});

test('alerts: a webhook is added, told of the developments of followed stories after an ingest, and says why it failed', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  const corpus = fileURLToPath(new URL('../demo/corpus/', import.meta.url));
  storyline('ingest', join(corpus, 'html'), '--db', db);
  const { stories } = JSON.parse(storyline('stories', '--db', db, '--json').stdout) as { stories: Array<{ id: number; title: string }> };
  storyline('follow', String(stories.find((s) => /Brennmouth/.test(s.title))!.id), '--db', db);
  // Nothing listens on port 2 here: every sending fails, which the commands must say.
  const hook = 'http://127.0.0.1:2/hooks/strike';
  assert.equal(storyline('alerts', 'add', 'ftp://example.org/x', '--db', db).status, 2);
  assert.match(storyline('alerts', 'add', hook, '--link-base', 'http://news.example:8080', '--db', db).stdout, /^alerts go to http:\/\/127\.0\.0\.1:2\/hooks\/strike: the developments of followed stories \(1 followed now\)/);
  assert.match(storyline('alerts', '--db', db).stdout, /^http:\/\/127\.0\.0\.1:2\/hooks\/strike {2}\(JSON, links to http:\/\/news\.example:8080\/; nothing sent yet\)/);

  const ingest = storyline('ingest', join(corpus, 'text'), '--db', db);
  assert.equal(ingest.status, 0, 'the articles are stored whatever the alerts do');
  assert.match(ingest.stdout, /\nalerts: 0 sent, 1 target failed\n/);
  assert.match(ingest.stderr, /error: alerts to http:\/\/127\.0\.0\.1:2\/hooks\/strike: connection refused \(sent again next time\)/);
  assert.match(storyline('alerts', '--db', db).stdout, /failed \d{4}-\d\d-\d\d \d\d:\d\d: connection refused \(sent again next time\)/);
  const again = storyline('alerts', 'send', '--db', db);
  assert.deepEqual([again.status, again.stdout], [1, 'alerts: 0 sent, 1 target failed\n'], 'the same developments are tried again');
  assert.match(storyline('alerts', 'remove', hook, '--db', db).stdout, /no more alerts to/);
  assert.match(storyline('alerts', 'send', '--db', db).stdout, /No alerts are sent/);
});

test('follow, then following tells what reached the story since the last look, and marks it seen unless --peek', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  const corpus = fileURLToPath(new URL('../demo/corpus/', import.meta.url));
  storyline('ingest', join(corpus, 'html'), '--db', db);
  const { stories } = JSON.parse(storyline('stories', '--db', db, '--json').stdout) as { stories: Array<{ id: number; title: string }> };
  const strike = stories.find((s) => /Brennmouth/.test(s.title))!;
  assert.equal(storyline('follow', String(strike.id), '--db', db).stdout.trim(), `following story ${strike.id}`);
  assert.equal(storyline('follow', '9999', '--db', db).status, 1);
  assert.match(storyline('following', '--db', db).stdout, /^nothing new in story \d+/);
  storyline('ingest', join(corpus, 'text'), '--db', db);
  const peek = storyline('following', '--peek', '--db', db).stdout;
  assert.match(peek, new RegExp(`^story ${strike.id}: .*\\n  \\d+ new articles \\(\\d+ of them (?:a copy|copies)\\), \\d+ new outlets, (a|\\d) new events? since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\n`));
  assert.match(peek, /new outlets: .*Nordwire/);
  assert.match(peek, /\n {4}2026-\d\d-\d\d {2}[^\n]+\[article \d+\]/);
  assert.equal(storyline('following', '--db', db).stdout, peek, '--peek left it unseen');
  assert.match(storyline('following', '--db', db).stdout, /^nothing new in story/);
  assert.match(storyline('unfollow', String(strike.id), '--db', db).stdout, /no longer following/);
  assert.match(storyline('following', '--db', db).stdout, /No followed stories/);
});

test('merge joins stories by hand and move-event takes an event out again; story shows the event numbers to move', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'storyline-cli-')), 's.db');
  const corpus = fileURLToPath(new URL('../demo/corpus/', import.meta.url));
  storyline('ingest', join(corpus, 'html'), '--db', db);
  const listed = () => (JSON.parse(storyline('stories', '--db', db, '--json').stdout) as { stories: Array<{ id: number; title: string; eventCount: number }> }).stories;
  const before = listed();
  const flood = before.find((s) => /Korvel|storm/i.test(s.title))!;
  const strike = before.find((s) => /Brennmouth/.test(s.title))!;
  const merged = storyline('merge', String(strike.id), '--into', String(flood.id), '--db', db);
  assert.equal(merged.status, 0, merged.stderr);
  assert.match(merged.stdout, new RegExp(`^merged story ${strike.id} into story ${flood.id}, ".+" \\(${strike.eventCount} events? moved\\)`));
  assert.equal(listed().length, before.length - 1);
  const story = storyline('story', String(flood.id), '--db', db).stdout;
  const strikeEvent = /● [^\n]*Brennmouth[^\n]*\(event (\d+)\)/.exec(story);
  assert.ok(strikeEvent, story);
  const moved = storyline('move-event', strikeEvent[1]!, '--db', db);
  assert.match(moved.stdout, new RegExp(`^moved event ${strikeEvent[1]}, ".+", to a story of its own (\\d+)`));
  assert.equal(listed().length, before.length);
  storyline('move-event', strikeEvent[1]!, '--to', String(flood.id), '--db', db);
  assert.equal(listed().length, before.length - 1, 'moved back: the story it left held nothing else');
  // The merge itself is undone: the strike story is back under its number.
  assert.match(storyline('merge', '--undo', String(strike.id), '--db', db).stdout, new RegExp(`^story ${strike.id} is on its own again \\(${strike.eventCount} events? taken out of story ${flood.id}\\)`));
  assert.equal(listed().find((s) => s.id === strike.id)?.eventCount, strike.eventCount);
  assert.match(storyline('merge', '--undo', String(strike.id), '--db', db).stderr, /was not merged by hand/);
  assert.deepEqual([storyline('merge', '9999', '--into', String(flood.id), '--db', db).status, storyline('merge', String(flood.id), '--db', db).status], [1, 2]);
  assert.match(storyline('move-event', '9999', '--db', db).stderr, /there is no event 9999/);
});

test('serve refuses a public address it cannot answer at, saying why', () => {
  const run = storyline('serve', '--db', ':memory:', '--public-url', 'https://example.org/storyline/');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--public-url: https:\/\/example\.org\/storyline\/ has a path/);
});
