/**
 * The sample corpus, ingested end to end, checked against its ground truth (demo/expected.json):
 * what a user of `storyline demo` sees must be right.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { extractArticle } from '../src/extract/extract-article.js';
import { createPipeline } from '../src/pipeline/create-pipeline.js';
import { listInputs, readInput } from '../src/sources/read-inputs.js';
import type { IngestSummary } from '../src/pipeline/ingest.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleRecord, Store } from '../src/store/store.js';
import { demoCorpusOrders, scoreDemoArticleOrders, storedDemoArticles } from '../eval/clustering/demo-corpus.js';

const corpus = fileURLToPath(new URL('../demo/corpus', import.meta.url));

interface ExpectedArticle {
  id: string;
  path: string;
  index: number;
  outlet: string;
  title: string;
  published: string;
  publishedInFile: boolean;
  language: string;
  story: string;
  event: string;
  copyOf: string | null;
  boilerplate: string[];
  quotes: Array<{ text: string; speaker: string | null; direct: boolean }>;
  figures: Array<{ text: string; value: number; unit: string }>;
}

const expected = (JSON.parse(readFileSync(new URL('../demo/expected.json', import.meta.url), 'utf8')) as { articles: ExpectedArticle[] }).articles;

let store: Store;
let summary: IngestSummary;
const stored = new Map<string, ArticleRecord>();

before(async () => {
  store = openSqliteStore(':memory:');
  summary = await createPipeline(store, { now: () => new Date('2026-05-20T00:00:00Z') }).ingestPaths([corpus]);
  for (const [id, article] of await storedDemoArticles(store, expected)) stored.set(id, article);
});

test('every article of the corpus is read and stored, none fails', () => {
  assert.equal(summary.failed, 0);
  assert.equal(summary.read, expected.length);
  assert.equal(stored.size, expected.length);
});

test('publish dates given in the files are read (day precision)', () => {
  const wrong = expected
    .filter((e) => e.publishedInFile)
    .filter((e) => stored.get(e.id)?.published?.slice(0, 10) !== e.published.slice(0, 10))
    .map((e) => `${e.id}: ${stored.get(e.id)?.published} != ${e.published}`);
  assert.deepEqual(wrong, []);
});

test('each article is filed under its outlet wherever its input names it (metadata, page, feed title, copyright line), and never under another', () => {
  const named = expected.filter((e) => stored.get(e.id)?.source);
  const wrong = named
    .filter((e) => stored.get(e.id)?.source !== e.outlet)
    .map((e) => `${e.id}: ${stored.get(e.id)?.source} != ${e.outlet}`);
  // The Coastline FM feed calls itself "Coastline FM News": the one name the input gives.
  assert.deepEqual(wrong.filter((w) => !w.includes('Coastline FM News')), []);
  // A feed titled by outlet and section, and a text dump whose only clue is its footer.
  assert.ok(expected.filter((e) => e.path === 'feeds/harbour-times.rss').every((e) => stored.get(e.id)?.source === 'The Harbour Times'));
  assert.equal(stored.get('text/northgate-post-flood-fund.txt')?.source, 'Northgate Post');
  assert.ok(named.length >= 39, `${named.length} of ${expected.length} articles have an outlet`);
});

test('no page furniture is left in the stored text', () => {
  // A furniture line is left if the text still holds it as a line (short credit lines like "CPA"
  // also occur inside datelines, so those must match a whole line).
  const holds = (text: string, line: string): boolean =>
    line.length > 24 ? text.includes(line) : text.split('\n').some((l) => l.trim() === line);
  const left = expected.flatMap((e) =>
    e.boilerplate.filter((line) => holds(stored.get(e.id)?.text ?? '', line.trim())).map((line) => `${e.id}: ${line}`),
  );
  assert.deepEqual(left, []);
});

/** B-cubed precision and recall of a predicted clustering against the gold one (same items). */
function bCubed(items: string[], predicted: (id: string) => unknown, gold: (id: string) => unknown): { precision: number; recall: number; f1: number } {
  let precision = 0;
  let recall = 0;
  for (const a of items) {
    const samePredicted = items.filter((b) => predicted(b) === predicted(a));
    const sameGold = items.filter((b) => gold(b) === gold(a));
    precision += samePredicted.filter((b) => gold(b) === gold(a)).length / samePredicted.length;
    recall += sameGold.filter((b) => predicted(b) === predicted(a)).length / sameGold.length;
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

test('wire copies are folded under their original, and nothing else is', () => {
  const byId = new Map(expected.map((e) => [e.id, e]));
  const storedId = (id: string): number | undefined => stored.get(id)?.id;
  const wrong: string[] = [];
  let found = 0;
  const copies = expected.filter((e) => e.copyOf !== null);
  for (const e of expected) {
    const article = stored.get(e.id);
    if (!article) continue;
    const root = article.duplicateOf;
    if (root === null) continue;
    const gold = e.copyOf === null ? null : storedId(e.copyOf);
    const goldRootOfOriginal = [...stored.entries()].find(([, a]) => a.id === root)?.[0];
    const sameDispatch = e.copyOf !== null && (goldRootOfOriginal === e.copyOf || byId.get(goldRootOfOriginal ?? '')?.copyOf === e.copyOf);
    if (sameDispatch || root === gold) found++;
    else wrong.push(`${e.id} folded onto ${goldRootOfOriginal}`);
  }
  assert.deepEqual(wrong, [], 'no article is folded onto a different dispatch');
  assert.ok(found / copies.length >= 0.9, `copies folded: ${found} of ${copies.length}`);
});

test('articles group into the corpus stories (B-cubed over stories)', () => {
  const ids = expected.map((e) => e.id).filter((id) => stored.has(id));
  const story = new Map(expected.map((e) => [e.id, e.story]));
  const score = bCubed(ids, (id) => stored.get(id)?.storyId, (id) => story.get(id));
  assert.ok(score.precision >= 0.95, `story precision ${score.precision.toFixed(3)}`);
  assert.ok(score.f1 >= 0.8, `story B-cubed F1 ${score.f1.toFixed(3)} (P ${score.precision.toFixed(3)}, R ${score.recall.toFixed(3)})`);
});

test('a feature piece and a late follow-up join the story they belong to, in their own words', () => {
  const strike = stored.get('text/nordwire-2026-04-27-brennmouth-strike.txt')?.storyId;
  assert.ok(strike !== undefined);
  // Residents on Dock Road four days in: the strike's names, none of its news wording.
  assert.equal(stored.get('feeds/harbour-times.rss#2')?.storyId, strike);
  // The port reopening after the vote, from a trade paper, twelve days after the walkout.
  assert.equal(stored.get('text/shipping-ledger-brennmouth-reopens.txt')?.storyId, strike);
});

test('independent reports of one happening share its event (B-cubed over events)', () => {
  const ids = expected.map((e) => e.id).filter((id) => stored.has(id));
  const event = new Map(expected.map((e) => [e.id, e.event]));
  const score = bCubed(ids, (id) => stored.get(id)?.eventId, (id) => event.get(id));
  assert.ok(score.precision >= 0.95, `event precision ${score.precision.toFixed(3)}`);
  // Before dated same-story reports could join an event, each outlet's own report made an event of its own (recall 0.58);
  // before the same day's reports could join at a lower bar, a local angle or a profile made one too (0.76).
  assert.ok(score.recall >= 0.85, `event B-cubed recall ${score.recall.toFixed(3)} (P ${score.precision.toFixed(3)}, F1 ${score.f1.toFixed(3)})`);
});

test('reports of one happening share its event whatever order their files come in', async () => {
  // Files in reverse order and in four shuffled orders: a feature read before the wire it matches
  // poorly, or two stories that meet only later, must not leave one happening split in two events.
  const orders = (await demoCorpusOrders(4)).map((o) => o.paths);
  const scores: string[] = [];
  let f1 = 0;
  for (const order of orders) {
    const other = openSqliteStore(':memory:');
    try {
      await createPipeline(other, { now: () => new Date('2026-05-20T00:00:00Z') }).ingestPaths(order);
      const placed = await storedDemoArticles(other, expected);
      const ids = expected.map((e) => e.id).filter((id) => placed.has(id));
      const event = new Map(expected.map((e) => [e.id, e.event]));
      const score = bCubed(ids, (id) => placed.get(id)?.eventId, (id) => event.get(id));
      assert.ok(score.precision >= 0.95, `event precision ${score.precision.toFixed(3)}`);
      scores.push(`P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)}`);
      f1 += score.f1 / orders.length;
    } finally {
      await other.close();
    }
  }
  // Before events the same day's report bridges were merged: 0.897 (0.882, 0.903, 0.869, 0.915, 0.915).
  assert.ok(f1 >= 0.92, `mean event B-cubed F1 ${f1.toFixed(3)} (${scores.join('; ')})`);
});

test('features that come before the reports they belong to end in their story once the reports agree on it', async () => {
  // The corpus article by article, newest first: the evening's feature from Ostwick, the insurers'
  // bill, the Dock Road residents come before the reports of what they tell (before: 6 stories,
  // recall 0.893).
  const orders = new Map((await scoreDemoArticleOrders()).map(({ name, score }) => [name, score]));
  const newest = orders.get('newest first')!;
  assert.equal(newest.stories.precision, 1);
  assert.ok(newest.stories.recall >= 0.95, `newest first: story B-cubed recall ${newest.stories.recall.toFixed(3)}, ${newest.stories.predicted} stories`);
  // Oldest first, the first report of the barrier inquiry matches the storm story at 0.111, just
  // under the story threshold (0.12), and starts a story of its own, since the Northgate Post's
  // copy of the flood fund report is dated (by the date line under its headline) and so read
  // before it: recall 0.844. Lower thresholds that join it cost precision on UCI and on the
  // pipeline's stream (docs/RESULTS.md); the stories stay apart, none merged wrongly.
  const oldest = orders.get('oldest first')!;
  assert.equal(oldest.stories.precision, 1);
  assert.ok(oldest.stories.recall >= 0.84, `oldest first: story B-cubed recall ${oldest.stories.recall.toFixed(3)}, ${oldest.stories.predicted} stories`);
});

test("a news database's export of the corpus, listed newest first, is grouped as the reports were published: as the same export listed oldest first", async () => {
  // The corpus as one Factiva export (tagged form), each article with its headline, outlet, date
  // and text, as a database would deliver a search.
  const { files } = await listInputs([corpus]);
  const entries: Array<{ id: string; record: string; published: string | null }> = [];
  const language = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const file of files) {
    for await (const item of readInput(file)) {
      if (item.kind !== 'document') continue;
      const article = extractArticle(item.document);
      const id = `DEMO${String(entries.length).padStart(16, '0')}`;
      const [lead, ...rest] = article.text.split('\n\n');
      const when = article.published ? [`PD\t${article.published.slice(0, 10)}`, ...(article.published.length > 10 ? [`ET\t${article.published.slice(11, 16)}`] : [])] : [];
      const record = [`HD\t${article.title}`, ...when, `SN\t${article.source ?? 'Unknown'}`, `LA\t${language.of(article.language ?? 'en')}`, `LP\t${lead}`, `TD\t${rest.join('\n\t')}`, `AN\tDocument ${id}`].join('\n');
      entries.push({ id: `factiva:${id}`, record, published: article.published });
    }
  }
  const byDate = [...entries].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
  const dir = mkdtempSync(join(tmpdir(), 'storyline-export-order-'));
  const partition = async (listed: typeof entries): Promise<string> => {
    const file = join(dir, 'search.txt');
    writeFileSync(file, listed.map((e) => e.record).join('\n\n'));
    const other = openSqliteStore(':memory:');
    try {
      const read = await createPipeline(other, { now: () => new Date('2026-05-20T00:00:00Z') }).ingestPaths([file]);
      assert.equal(read.read, entries.length);
      // The events as sets of entries, named by their smallest member.
      const eventOf = new Map<string, number>();
      for await (const article of other.articles()) eventOf.set(article.externalId ?? '', article.eventId ?? -article.id);
      const members = new Map<number, string[]>();
      for (const [id, event] of eventOf) members.set(event, [...(members.get(event) ?? []), id].sort());
      return [...members.values()].map((m) => m.join(' ')).sort().join('\n');
    } finally {
      await other.close();
    }
  };
  // (Reports of the same minute keep their order, and the corpus's three undated text dumps, with
  // no date to list them by, stay last in theirs.)
  const newestFirst = [...byDate].sort((a, b) => (a.published && b.published ? b.published.localeCompare(a.published) : a.published ? -1 : b.published ? 1 : 0));
  assert.equal(await partition(newestFirst), await partition(byDate));
});

test('who said what: the quotes the ground truth lists are found, with their speakers, in English and in the foreign reports', async () => {
  const words = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const tally = { en: { gold: 0, found: 0 }, other: { gold: 0, found: 0 } };
  const wrongSpeaker: string[] = [];
  for (const e of expected) {
    const article = stored.get(e.id);
    if (!article) continue;
    const quotes = (await store.getArticle(article.id))?.analysis.quotes ?? [];
    const count = e.language === 'en' ? tally.en : tally.other;
    for (const q of e.quotes) {
      count.gold++;
      // The span found holds the listed quote (reported speech may carry a quoted phrase inside it), or most of it.
      const listed = words(q.text);
      const match = quotes.find((p) => {
        const span = words(p.text);
        return span.length > 0 && (span.includes(listed) || (listed.includes(span) && span.length / listed.length > 0.5));
      });
      if (!match) continue;
      count.found++;
      if (match.speaker !== q.speaker) wrongSpeaker.push(`${e.id}: ${match.speaker} for ${q.speaker}: ${q.text.slice(0, 50)}`);
    }
  }
  // 226 of 241 before reported speech after a participle (", saying ..."), "but said" and "called X Y" was read; 236 now.
  assert.ok(tally.en.found / tally.en.gold >= 0.97, `quotes found: ${tally.en.found} of ${tally.en.gold}`);
  // The French, German and Spanish reports: 7 of the 9 listed (none before they were read). Left:
  // "a demandé aux habitants de ne pas rentrer" (no "que"), and the bank as "La entidad explicó que".
  assert.ok(tally.other.gold >= 9 && tally.other.found >= 7, `foreign quotes found: ${tally.other.found} of ${tally.other.gold}`);
  // 4 of 226 wrong before a pronoun looked past the subject of a reported clause to the speaker of
  // the sentence, "the minister" found the "Minister of Infrastructure" and a spokesman spoke for his
  // company; none now.
  const found = tally.en.found + tally.other.found;
  assert.ok(wrongSpeaker.length / found <= 0.01, `speakers wrong for ${wrongSpeaker.length} of ${found}:\n${wrongSpeaker.join('\n')}`);
});

test('figures in the foreign reports: the percentages and basis points they give are read, with the values English gives them', async () => {
  let listed = 0;
  let found = 0;
  for (const e of expected) {
    const article = stored.get(e.id);
    if (e.language === 'en' || !article) continue;
    const figures = (await store.getArticle(article.id))?.analysis.figures ?? [];
    for (const f of e.figures.filter((g) => g.unit === 'percent' || g.unit === 'basis points' || /^[A-Z]{3}$/u.test(g.unit))) {
      listed++;
      if (figures.some((g) => g.value === f.value && g.unit === f.unit)) found++;
    }
  }
  // 9 of 10: "drei Prozent", a number in words, is not read.
  assert.ok(listed >= 10 && found >= 9, `foreign figures found: ${found} of ${listed}`);
});
