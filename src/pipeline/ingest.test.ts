import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createGrouper, type GrouperOptions } from '../cluster/create-grouper.js';
import { splitLiveBlog } from '../extract/live-blog.js';
import type { Grouper, RawDocument } from '../model/index.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createPipeline } from './create-pipeline.js';
import { readXmlFeed } from '../sources/feed-source.js';
import { Pipeline } from './ingest.js';
import { createDefaultAnalyse } from './default-analyse.js';
import { reanalyseStore } from './reanalyse.js';
import { PAGES, startSite } from './testdata/news-site.js';

const testdata = fileURLToPath(new URL('../sources/testdata', import.meta.url));
const clock = () => new Date('2026-04-20T12:00:00Z');

const wire = (path: string, text: string, hints: RawDocument['hints'] = {}): RawDocument => ({ path, index: 0, format: 'text', content: text, hints });

const DISPATCH =
  'Engineers closed the lower sluice gates at the Marrow Bay barrier on Tuesday as the river rose for a third day.\n\n' +
  '"We will keep them shut until the tide turns," said the barrier chief, Tomas Greer.';

test('ingesting a folder stores every article and reports each failure by name', async () => {
  const store = openSqliteStore(':memory:');
  const problems: string[] = [];
  const summary = await createPipeline(store, { now: clock }).ingestPaths([testdata], {
    onProblem: ({ path, message }) => problems.push(`${path}: ${message}`),
  });
  assert.equal(summary.read, 10);
  assert.equal(summary.new + summary.duplicates, 10);
  assert.equal(summary.failed, 3, problems.join('\n'));
  assert.equal(summary.subscriptions, 2);
  // The two reports of the Saltmere dock strike ending (a text dispatch and a feed item a day
  // later) are one story of two events; the other eight are unrelated stories of their own.
  assert.deepEqual(await store.counts(), { articles: 10, events: 10, stories: 9 });
  const stories = await store.listStories();
  const strike = stories.find((s) => s.articleCount === 2);
  const detail = await store.getStory(strike?.id ?? -1);
  assert.deepEqual(detail?.articles.map((a) => a.source).sort(), ['Harbour Times', null].sort());
  await store.close();
});

test('re-ingesting the same input is a no-op', async () => {
  const store = openSqliteStore(':memory:');
  await createPipeline(store, { now: clock }).ingestPaths([testdata]);
  const before = await store.counts();
  const again = await createPipeline(store, { now: clock }).ingestPaths([testdata]);
  assert.equal(again.unchanged, 10);
  assert.equal(again.new + again.updated + again.duplicates, 0);
  assert.deepEqual(await store.counts(), before);
  await store.close();
});

test('a changed version of the same URL is stored as a revision of the same article', async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const url = 'https://marrowbay.example/barrier';
  const first = await pipeline.ingestDocument(wire('a.txt', DISPATCH, { url, title: 'Barrier gates closed' }));
  const second = await pipeline.ingestDocument(wire('b.txt', `${DISPATCH}\n\nThe gates were reopened at dawn on Wednesday.`, { url, title: 'Barrier gates closed' }));
  assert.equal(first.kind, 'new');
  assert.equal(second.kind, 'updated');
  const id = 'id' in first ? first.id : -1;
  assert.equal('id' in second ? second.id : -2, id);
  const stored = await store.getArticle(id);
  assert.equal(stored?.article.revision, 2);
  assert.match(stored?.article.text ?? '', /reopened at dawn/);
  assert.equal((await store.counts()).articles, 1);
  await store.close();
});

test('the same text from another outlet is folded under the first, not dropped', async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const original = await pipeline.ingestDocument(wire('wire.txt', DISPATCH, { source: 'Nordwire', published: '2026-04-14' }));
  const copy = await pipeline.ingestDocument(wire('site.txt', DISPATCH, { source: 'Valley Courier', title: 'Sluice gates shut at Marrow Bay' }));
  assert.equal(copy.kind, 'duplicate');
  const copyId = copy.kind === 'duplicate' ? copy.id : -1;
  const stored = await store.getArticle(copyId);
  assert.equal(stored?.article.duplicateOf, original.kind === 'new' ? original.id : -2);
  assert.equal(stored?.article.storyId, (await store.getArticle(stored?.article.duplicateOf ?? -1))?.article.storyId);
  await store.close();
});

test('a republished copy whose note names where it first ran is folded under that outlet\'s report, though it came first and carries the earlier date', async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const note = 'This article is republished from Valley Dispatch under a Creative Commons license. Read the original article.';
  const copy = await pipeline.ingestDocument(wire('aggregator.txt', `${DISPATCH}\n\n${note}`, { source: 'Riverside Digest', published: '2026-04-14T06:00:00Z' }));
  const original = await pipeline.ingestDocument(wire('dispatch.txt', DISPATCH, { source: 'Valley Dispatch', published: '2026-04-14T09:00:00Z' }));
  assert.equal(copy.kind, 'new');
  const copyId = copy.kind === 'new' ? copy.id : -1;
  const stored = await store.getArticle(copyId);
  assert.equal(stored?.article.duplicateOf, original.kind === 'new' ? original.id : -2);
  assert.deepEqual(stored?.article.credits, ['Valley Dispatch']);
  assert.ok(!stored?.article.text.includes('republished'));
  await store.close();
});

test("a news search's headline-only items are stored under their outlets and grouped by their headlines, none folded into another", async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const item = (title: string, outlet: string, hour: number): string =>
    `<item><title>${title} - ${outlet}</title><link>https://search.example/r/${hour}</link><pubDate>Thu, 10 Apr 2025 ${hour}:00:00 GMT</pubDate><source url="https://${outlet.toLowerCase().replace(/\W/g, '')}.example/">${outlet}</source></item>`;
  const feed = `<rss version="2.0"><channel><title>Harbour search</title><link>https://search.example/</link>${[
    item('Veldhaven council backs port expansion despite protests', 'The Harbour Times', 10),
    item('Veldhaven council backs port expansion after stormy debate', 'Nordwire', 11),
    item('Veldhaven council votes to back port expansion plan', 'Coast Herald', 12),
    item('Seal pups born early on the northern sandbanks', 'Island Letters', 13),
  ].join('')}</channel></rss>`;
  for (const document of readXmlFeed('search.rss', feed)) assert.notEqual((await pipeline.ingestDocument(document)).kind, 'failed');
  const stored = [];
  for await (const article of store.articles()) stored.push(article);
  assert.deepEqual(stored.map((a) => [a.source, a.text]), [['The Harbour Times', ''], ['Nordwire', ''], ['Coast Herald', ''], ['Island Letters', '']]);
  assert.ok(stored.every((a) => a.duplicateOf === null));
  const [council, , , seals] = stored;
  assert.ok(stored.slice(0, 3).every((a) => a.eventId === council!.eventId), 'the council vote is one event');
  assert.notEqual(seals!.storyId, council!.storyId);
  await store.close();
});

test('an article with no text fails with a reason and stores nothing', async () => {
  const store = openSqliteStore(':memory:');
  const outcome = await createPipeline(store, { now: clock }).ingestDocument(wire('blank.txt', '   \n\n  '));
  assert.equal(outcome.kind, 'failed');
  assert.equal((await store.counts()).articles, 0);
  await store.close();
});

test('a resumed run over an on-disk store groups like one uninterrupted run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-resume-'));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `${i}.txt`), i === 1 ? DISPATCH : `${DISPATCH}\n\nCrews said on Wednesday that the water at river gauge ${i} had dropped by ${10 * i} centimetres overnight, well below the warning level.`);
  const db = join(dir, 'a.db');
  let store = openSqliteStore(db);
  await createPipeline(store, { now: clock }).ingestPaths([join(dir, '0.txt'), join(dir, '1.txt'), join(dir, '2.txt')]);
  await store.close();
  store = openSqliteStore(db);
  const reopened: Array<[number, number]> = [];
  const resumed = await createPipeline(store, { now: clock }).ingestPaths([dir], { onRestore: (done, total) => reopened.push([done, total]) });
  assert.equal(resumed.unchanged, 3);
  assert.deepEqual(reopened.at(-1), [3, 3], 'reopening reports the stored articles it read back');
  const interrupted = await store.counts();
  await store.close();

  const whole = openSqliteStore(join(dir, 'b.db'));
  await createPipeline(whole, { now: clock }).ingestPaths([dir]);
  assert.deepEqual(interrupted, await whole.counts());
  await whole.close();
});

/** A pipeline whose groupers count the stored articles read back into them. */
function countingPipeline(store: Store, options: GrouperOptions = {}): { pipeline: Pipeline; readBack: () => number } {
  let readBack = 0;
  const counting = (): Grouper => {
    const grouper = createGrouper(options);
    const restore = grouper.restore.bind(grouper);
    grouper.restore = (stored) => { readBack++; restore(stored); };
    return grouper;
  };
  return { pipeline: new Pipeline({ store, createGrouper: counting, now: clock }), readBack: () => readBack };
}

test('reopening a store loads the grouper state saved with it and reads back only later articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-state-'));
  for (let i = 0; i < 6; i++) writeFileSync(join(dir, `${i}.txt`), `${DISPATCH}\n\nCrews said on Wednesday that gauge ${i} showed the river ${10 * i} centimetres lower.`);
  const db = join(dir, 'a.db');
  let store = openSqliteStore(db);
  await createPipeline(store, { now: clock }).ingestPaths([join(dir, '0.txt'), join(dir, '1.txt'), join(dir, '2.txt')]);
  assert.equal((await store.grouperState())?.lastArticleId, 3, 'the state is saved at the end of the run');
  await store.close();

  // An article stored without a saved state (one document at a time, as the server does).
  store = openSqliteStore(db);
  const single = countingPipeline(store);
  await single.pipeline.ingestDocument(wire('3.txt', `${DISPATCH}\n\nA fourth gauge was read on Thursday.`));
  assert.equal(single.readBack(), 0, 'nothing is read back: the saved state covers the three stored articles');
  await store.close();

  store = openSqliteStore(db);
  const resumed = countingPipeline(store);
  await resumed.pipeline.ingestPaths([dir]);
  assert.equal(resumed.readBack(), 1, 'only the article stored after the saved state is read back');
  assert.equal((await store.grouperState())?.lastArticleId, (await store.counts()).articles);
  await store.close();

  // Other settings cannot take the saved state: every stored article is read back.
  store = openSqliteStore(db);
  const retuned = countingPipeline(store, { eventThreshold: 0.5 });
  await retuned.pipeline.ingestPaths([join(dir, '0.txt')]);
  assert.equal(retuned.readBack(), (await store.counts()).articles);
  await store.close();
});

test('a copy stored before its original is re-pointed when the grouper says so, in the same transaction', async () => {
  const store = openSqliteStore(':memory:');
  const first = await store.addArticle(
    { identity: 'a', contentHash: 'h1', rawHash: 'r1', article: { externalId: null, path: null, url: null, source: 'Valley Courier', author: null, title: 'Copy', text: 'copy text', published: '2026-04-15', modified: null, language: 'en' }, analysis: { quotes: [], entities: [], figures: [], dates: [] }, seenAt: '2026-04-15T10:00:00Z' },
    () => ({ duplicateOf: null, similarity: null, changes: null, event: { id: 1, storyId: 1, title: 'E', start: null, end: null }, story: { id: 1, title: 'S', start: null, end: null }, movedEvents: [], mergedStoryIds: [] }),
  );
  const second = await store.addArticle(
    { identity: 'b', contentHash: 'h2', rawHash: 'r2', article: { externalId: null, path: null, url: null, source: 'Nordwire', author: null, title: 'Original', text: 'original text', published: '2026-04-14', modified: null, language: 'en' }, analysis: { quotes: [], entities: [], figures: [], dates: [] }, seenAt: '2026-04-15T11:00:00Z' },
    (id) => ({ duplicateOf: null, similarity: null, changes: null, event: { id: 1, storyId: 1, title: 'E', start: null, end: null }, story: { id: 1, title: 'S', start: null, end: null }, movedEvents: [], mergedStoryIds: [], refolded: [{ id: first.id, duplicateOf: id, similarity: 0.97, changes: { added: ['Advertisement'], removed: [], edited: [] } }] }),
  );
  const copy = await store.getArticle(first.id);
  assert.equal(copy?.article.duplicateOf, second.id);
  assert.deepEqual(copy?.article.changes?.added, ['Advertisement']);
  assert.deepEqual((await store.getArticle(second.id))?.copies.map((c) => c.id), [first.id]);
  await store.close();
});

test('an undated dispatch resolves "on Tuesday" against the publish date of its dated copy', async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const text =
    'The harbour board will meet on Tuesday to decide whether the Saltmere ferry pier can reopen, a spokeswoman for the board said on Thursday.\n\n' +
    'Engineers inspected the pier over three days after a cargo ship struck its northern end, and their report is due before the meeting.\n\n' +
    '"We will not reopen it until every pile has been checked," said the board chairman, Oskar Brandt.';
  const undated = await pipeline.ingestDocument(wire('wire.txt', text, { source: 'Nordwire' }));
  const dated = await pipeline.ingestDocument(wire('site.txt', `${text}\n\nAdvertisement`, { source: 'Harbour Times', published: '2026-04-16' }));
  assert.equal(dated.kind, 'duplicate');
  const original = await store.getArticle('id' in undated ? undated.id : -1);
  assert.equal(original?.article.published, null, 'its own date stays unknown');
  const tuesday = original?.analysis.dates.find((d) => d.text.includes('Tuesday'));
  assert.equal(tuesday?.value, '2026-04-21');
  await store.close();
});

test('an undated dispatch counts from its earliest dated copy, whatever order the copies come in, as reanalyse does', async () => {
  const store = openSqliteStore(':memory:');
  const pipeline = createPipeline(store, { now: clock });
  const text =
    'The harbour board will meet on Tuesday to decide whether the Saltmere ferry pier can reopen, a spokeswoman for the board said.\n\n' +
    'Engineers inspected the pier over three days after a cargo ship struck its northern end, and their report is due before the meeting.';
  const undated = await pipeline.ingestDocument(wire('wire.txt', text, { source: 'Nordwire' }));
  // The earlier copy arrives first; a later one (a site re-running the dispatch a week on) after it.
  await pipeline.ingestDocument(wire('early.txt', `${text}\n\nRead more`, { source: 'Bay Herald', published: '2026-04-16' }));
  await pipeline.ingestDocument(wire('late.txt', `${text}\n\nAdvertisement`, { source: 'Harbour Times', published: '2026-04-23' }));
  const id = 'id' in undated ? undated.id : -1;
  const tuesday = async () => (await store.getArticle(id))?.analysis.dates.find((d) => d.text.includes('Tuesday'))?.value;
  assert.equal(await tuesday(), '2026-04-21', 'the Tuesday after the earliest copy');
  await reanalyseStore(store, createDefaultAnalyse());
  assert.equal(await tuesday(), '2026-04-21', 'reanalyse reads the same date');
  await store.close();
});

test('a batch that fails to commit leaves no trace, in the store or in the grouping of what comes next', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-batch-'));
  const reports = [
    'Norholm Central Bank cut its main rate by half a point to 2.75% on Wednesday, its governor Ines Ferreira said, the first cut in three years.\n\n"Inflation has come down faster than we expected," Ferreira told reporters in the capital.',
    'The Saltmere ferry pier will stay shut for a month after a cargo ship struck its northern end, the harbour board said on Monday.\n\nEngineers found two cracked piles and the board chairman, Oskar Brandt, said repairs would cost about EUR 4 million.',
    'Teachers in Kettleford walked out on Thursday over plans to close four village schools, and the council leader, Nadia Haddad, called for talks.\n\n"Parents were never asked," said the union leader, Karl Novak.',
    'The rail tunnel under Lowen Quay reopened on Friday after six weeks of repairs to its drainage, the operator said, with trains running every ten minutes again.\n\nCommuters had faced bus replacements that added an hour to the journey.',
  ];
  const write = (folder: string, name: string, source: string, body: string) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, `${name}.txt`), `Title: ${body.slice(0, 40)}\nSource: ${source}\n\n${body}`);
  };
  // Committed: a dispatch and two outlets' copies. Rolled back: three unrelated reports (three new
  // events). Later: another unrelated report and one more copy of the dispatch.
  write('first', '0', 'Nordwire', DISPATCH);
  write('first', '1', 'Harbour Times', `${DISPATCH}\n\nAdvertisement`);
  write('first', '2', 'Valley Courier', `${DISPATCH}\n\nRead more`);
  reports.slice(0, 3).forEach((text, i) => write('first', String(3 + i), 'Nordwire', text));
  write('later', '6', 'Nordwire', reports[3] ?? '');
  write('later', '7', 'Bay Herald', `${DISPATCH}\n\nAdvertisement`);

  const store = openSqliteStore(':memory:');
  let commits = 0;
  // The second commit fails (a full disk, say): the three articles of that batch are rolled back.
  const failing = new Proxy(store, {
    get(target, key) {
      if (key === 'commitBatch' && ++commits === 2) return async () => Promise.reject(new Error('disk full'));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const pipeline = createPipeline(failing, { now: clock, batch: { articles: 3, millis: 60_000 } });
  const reported: number[] = [];
  await assert.rejects(pipeline.ingestPaths([join(dir, 'first')], { onDocument: (s) => reported.push(s.new + s.duplicates) }), /disk full/);
  assert.equal((await store.counts()).articles, 3);
  assert.deepEqual(reported, [1, 2, 3], 'only committed articles were reported stored');
  await pipeline.ingestPaths([join(dir, 'later')]);

  // The same: the three committed articles, then the later ones, through a pipeline that never saw the failed batch.
  const clean = openSqliteStore(':memory:');
  await createPipeline(clean, { now: clock }).ingestPaths(['0', '1', '2'].map((i) => join(dir, 'first', `${i}.txt`)));
  await createPipeline(clean, { now: clock }).ingestPaths([join(dir, 'later')]);
  const shape = async (s: typeof store) => {
    const rows = [];
    for await (const a of s.articles()) rows.push({ path: a.path, copyOf: a.duplicateOf, event: a.eventId, story: a.storyId });
    return { rows, counts: await s.counts() };
  };
  const expected = await shape(clean);
  assert.deepEqual(await shape(store), expected);
  assert.equal(expected.counts.events, 2, 'the later report is an event of its own');
  await store.close();
  await clean.close();
});

test('an article whose writes fail halfway fails alone: the rest of its batch is stored and the ingest goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-write-fails-'));
  const inputs = join(dir, 'in');
  mkdirSync(inputs);
  writeFileSync(join(inputs, '1-ferry.txt'), 'Title: Ferry pier shut for a month\n\nThe Saltmere ferry pier will stay shut for a month after a cargo ship struck it, the harbour board said on Monday. "The piles are cracked," said the board chairman, Oskar Brandt.');
  writeFileSync(join(inputs, '2-rates.txt'), 'Title: Central bank cuts rates\n\nNorholm Central Bank cut its main rate by half a point on Wednesday. "Inflation has come down faster than we expected," said its governor, Ines Ferreira.');
  writeFileSync(join(inputs, '3-schools.txt'), 'Title: Teachers walk out\n\nTeachers in Kettleford walked out on Thursday over plans to close four village schools. "Parents were never asked," said the union leader, Karl Novak.');
  const db = join(dir, 's.db');
  await openSqliteStore(db).close();
  // A constraint the store does not know about: the second article's quote is refused after its
  // article row, event and story rows are already written inside the batch.
  const raw = new Database(db);
  raw.exec(`CREATE TRIGGER refuse_inflation BEFORE INSERT ON quotes WHEN NEW.text LIKE '%Inflation%' BEGIN SELECT RAISE(ABORT, 'quote refused'); END`);
  raw.close();

  const store = openSqliteStore(db);
  const problems: string[] = [];
  const summary = await createPipeline(store, { now: clock, batch: { articles: 10, millis: 60_000 } }).ingestPaths([inputs], {
    onProblem: ({ path, message }) => problems.push(`${path}: ${message}`),
  });
  assert.equal(summary.new, 2);
  assert.equal(summary.failed, 1);
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /2-rates\.txt.*could not be stored: quote refused/);
  const titles: string[] = [];
  for await (const a of store.articles()) titles.push(a.title);
  assert.deepEqual(titles, ['Ferry pier shut for a month', 'Teachers walk out']);
  const counts = await store.counts();
  assert.deepEqual(counts, { articles: 2, events: 2, stories: 2 }, 'the failed article left no event or story behind');
  await store.close();
});

test("a live blog's page is stored as its posts, each dated when posted, in one story; fetching it again adds the new post only, after a restart too", async () => {
  const page = readFileSync(fileURLToPath(new URL('../extract/testdata/live-blog.html', import.meta.url)), 'utf8');
  // An hour later the blog has a post on the trains, in words no earlier post shares much of.
  const later = page.replace(
    '"liveBlogUpdate":[',
    '"liveBlogUpdate":[{"@type":"BlogPosting","@id":"#block-65c6602a","headline":"Trains to Tarnby suspended","datePublished":"2026-02-09T16:55:00Z",' +
      '"articleBody":"Northern Rail has suspended services to Tarnby until Wednesday because the line is under water at Moor End. Replacement coaches run hourly."},',
  );
  const dir = mkdtempSync(join(tmpdir(), 'storyline-live-blog-'));
  const db = join(dir, 's.db');
  const file = join(dir, 'storm-live.html');
  writeFileSync(file, page);
  let store = openSqliteStore(db);
  const first = await createPipeline(store, { now: clock }).ingestPaths([file]);
  assert.deepEqual([first.read, first.new], [4, 4]);
  const stories = await store.listStories();
  assert.equal(stories.length, 1);
  const story = await store.getStory(stories[0]!.id);
  assert.deepEqual(story?.articles.map((a) => a.published), ['2026-02-09T06:02:11Z', '2026-02-09T09:31:44Z', '2026-02-09T13:20:05Z', '2026-02-09T15:48:40Z']);
  await store.close();

  writeFileSync(file, later);
  store = openSqliteStore(db);
  const again = await createPipeline(store, { now: clock }).ingestPaths([file]);
  assert.deepEqual([again.read, again.new, again.unchanged], [5, 1, 4]);
  assert.equal((await store.listStories()).length, 1, 'the new post is in the blog’s story');
  await store.close();

  // The same five posts with nothing saying they share a page: the trains post is a story of its own.
  const apart = openSqliteStore(':memory:');
  const pipeline = createPipeline(apart, { now: clock });
  for (const post of splitLiveBlog({ path: file, index: 0, format: 'html', content: later, hints: {} })) {
    await pipeline.ingestDocument({ ...post, hints: { ...post.hints, livePage: null } });
  }
  assert.ok((await apart.listStories()).length > 1);
  await apart.close();
});

test("news database exports are stored as their articles: the wire copy folded under the wire's report, the strike one story across databases and languages; a later export of an overlapping search adds only what is new", async () => {
  const exports = fileURLToPath(new URL('../sources/testdata-exports', import.meta.url));
  const store = openSqliteStore(':memory:');
  const first = await createPipeline(store, { now: clock }).ingestPaths([exports]);
  // LexisNexis 3, Nexis Uni 2, Factiva 2 as text, 2 as a web page, 2 in its tagged form and 2 as RTF.
  assert.deepEqual([first.read, first.new, first.duplicates, first.failed], [13, 12, 1, 0]);
  const stories = await store.listStories();
  const strike = await store.getStory(stories.find((s) => s.articleCount === 9)?.id ?? -1);
  assert.deepEqual(
    strike?.articles.map((a) => a.source).sort(),
    ['Continental Press Agency', 'Meridian News', 'Nordsee-Rundschau', 'Nordwire', 'The Harbour Times', 'The Harbour Times', 'The Harbour Times', 'The Shipping Ledger', 'The Vessland Herald'],
  );
  const copy = strike?.articles.find((a) => a.source === 'Meridian News');
  const wire = strike?.articles.find((a) => a.source === 'Nordwire');
  assert.equal(copy?.duplicateOf, wire?.id, 'the copy "With Nordwire" is folded under the wire report');
  const rates = await store.getStory(stories.find((s) => s.title.includes('rates'))?.id ?? -1);
  assert.deepEqual(rates?.articles.map((a) => a.source), ['Saltvik Observer', 'Saltvik Observer'], 'the mortgage rate reports are a story of their own');

  // A later search returns the Meridian News report again, with a report not seen before.
  const dir = mkdtempSync(join(tmpdir(), 'storyline-exports-'));
  const lexis = readFileSync(join(exports, 'lexisnexis-export.txt'), 'utf8');
  const meridian = lexis.split(/^ *\d of 3 DOCUMENTS *$/m)[3] ?? '';
  const newer = meridian
    .replace('Meridian News', 'Coastline FM News')
    .replace('Vessland port strike: dockers down tools in pay row', 'Port strike: lorry queue reaches the ring road')
    .replace(/\n\nDockworkers at Brennmouth[\s\S]*?With Nordwire\n/, '\n\nThe queue of lorries waiting to enter Brennmouth port reached the ring road on Monday evening, police said, and drivers were told to expect to wait overnight.\n');
  writeFileSync(join(dir, 'later-search.txt'), `                               1 of 2 DOCUMENTS\n${newer}                               2 of 2 DOCUMENTS\n${meridian}`);
  const again = await createPipeline(store, { now: clock }).ingestPaths([dir]);
  assert.deepEqual([again.read, again.new, again.unchanged, again.updated], [2, 1, 1, 0]);
  await store.close();
});

test('web addresses given with files are fetched: a page and a PDF are stored under the address they came from, a missing page is an error naming it; given again, an unchanged page is unchanged and a changed one a new revision', async () => {
  const site = await startSite();
  const release = readFileSync(new URL('../sources/testdata-pdf/press-release.pdf', import.meta.url));
  site.routes['/releases/outer-basin.pdf'] = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end(release);
  };
  const store = openSqliteStore(':memory:');
  try {
    const page = `${site.url}/europe/brennmouth-port-strike`;
    const pdf = `${site.url}/releases/outer-basin.pdf`;
    const missing = `${site.url}/europe/taken-down`;
    const feedAddress = `${site.url}/feeds/europe.xml`;
    const problems: string[] = [];
    const first = await createPipeline(store, { now: clock }).ingestPaths([page, pdf, missing, feedAddress], { onProblem: (p) => problems.push(`${p.path}: ${p.message}`) });
    assert.deepEqual([first.read, first.new, first.failed], [2, 2, 2]);
    assert.match(problems.join('\n'), new RegExp(`${missing}: .*404`));
    assert.match(problems.join('\n'), new RegExp(`${feedAddress}: a feed, not an article: subscribe to it`));
    const stored = await Promise.all([1, 2].map(async (id) => (await store.getArticle(id))?.article));
    assert.deepEqual(stored.map((a) => [a?.url, a?.title]).sort(), [
      [page, "Vessland's biggest port shut as 4,200 dockers strike"],
      [pdf, 'Outer basin reopens to night traffic after quay wall checks'],
    ].sort());
    // The outlet adds a paragraph to its report.
    const before = PAGES['/europe/brennmouth-port-strike']!;
    PAGES['/europe/brennmouth-port-strike'] = before.replace('<p class="credit">', '<p>Late on Tuesday the union said that its pickets would stay at all three gates overnight and that members would meet again on Wednesday morning.</p><p class="credit">');
    assert.notEqual(PAGES['/europe/brennmouth-port-strike'], before);
    const again = await createPipeline(store, { now: clock }).ingestPaths([page, pdf]);
    PAGES['/europe/brennmouth-port-strike'] = before;
    assert.deepEqual([again.updated, again.unchanged], [1, 1]);
    assert.match((await store.getArticle(stored.findIndex((a) => a?.url === page) + 1))?.article.text ?? '', /pickets would stay at all three gates overnight/);
  } finally {
    await store.close();
    await site.close();
  }
});
