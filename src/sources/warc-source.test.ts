import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { listInputs, readInput } from './read-inputs.js';
import type { SourceItem } from './source-item.js';

const PAGE = (title: string, paragraph: string) =>
  `<!doctype html><html><head><title>${title} | Tarrholm Daily</title></head><body><nav>Home · News · Sport</nav>` +
  `<article><h1>${title}</h1><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article><footer>© Tarrholm Daily</footer></body></html>`;

const FERRY = 'The Sandholm ferry will run its full winter timetable again from Friday, the operator said on Tuesday, after both of its vessels passed their inspections.';
const BRIDGE = 'Engineers reopened the Korsvik bridge to lorries on Wednesday morning, three weeks after cracks were found in two of its bearings.';

type Capture = { url: string; type?: 'response' | 'resource' | 'request' | 'revisit'; status?: string; contentType?: string; body: string | Uint8Array; extraHeaders?: Record<string, string> };

/** A web archive as a crawler writes it: every record gzipped on its own (or none), one after the other. */
async function warc(captures: Capture[], gzip = true): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const c of captures) {
    const type = c.type ?? 'response';
    const body = typeof c.body === 'string' ? new TextEncoder().encode(c.body) : c.body;
    const http = type === 'response' || type === 'revisit' || type === 'request';
    const record = WARCRecord.create(
      {
        url: c.url,
        date: '2026-04-16T10:00:00Z',
        type,
        warcVersion: 'WARC/1.1',
        ...(http ? { statusline: type === 'request' ? 'GET / HTTP/1.1' : `HTTP/1.1 ${c.status ?? '200 OK'}`, httpHeaders: { 'Content-Type': c.contentType ?? 'text/html; charset=utf-8', ...c.extraHeaders } } : {}),
        ...(type === 'resource' ? { warcHeaders: { 'Content-Type': c.contentType ?? 'text/html' } } : {}),
      },
      [body],
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts);
}

async function readFile(name: string, bytes: Uint8Array): Promise<SourceItem[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'storyline-warc-')), name);
  writeFileSync(path, bytes);
  const { files } = await listInputs([path]);
  const items: SourceItem[] = [];
  for (const file of files) for await (const item of readInput(file)) items.push(item);
  return items;
}

const documents = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
const errors = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'error' ? [i.message] : []));

test('a gzipped web archive gives its HTML captures with their addresses, and passes over the rest', async () => {
  const latin1 = Uint8Array.from(Buffer.from(PAGE('Café owners count the cost', BRIDGE), 'latin1'));
  const items = await readFile('crawl.warc.gz', await warc([
    { url: 'https://tarrholm.example/ferry', type: 'request', body: '' },
    { url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) },
    { url: 'https://tarrholm.example/old-ferry', status: '301 Moved Permanently', body: '' },
    { url: 'https://tarrholm.example/logo.png', contentType: 'image/png', body: Uint8Array.from([137, 80, 78, 71, 0, 0, 0]) },
    // The page's bytes are Latin-1 and only its HTTP header says so.
    { url: 'https://tarrholm.example/cafe', contentType: 'text/html; charset=iso-8859-1', body: latin1 },
    // Stored as sent: gzip content encoding, which warcio undoes.
    { url: 'https://tarrholm.example/bridge', extraHeaders: { 'Content-Encoding': 'gzip' }, body: gzipSync(PAGE('Bridge reopens to lorries', BRIDGE)) },
    { url: 'https://tarrholm.example/archive-copy', type: 'resource', body: PAGE('Ferry timetable restored', FERRY) },
  ]));
  assert.deepEqual(errors(items), []);
  const docs = documents(items);
  assert.deepEqual(docs.map((d) => d.hints.url), [
    'https://tarrholm.example/ferry',
    'https://tarrholm.example/cafe',
    'https://tarrholm.example/bridge',
    'https://tarrholm.example/archive-copy',
  ]);
  assert.deepEqual(docs.map((d) => d.index), [0, 1, 2, 3]);
  assert.ok(docs.every((d) => d.format === 'html'));
  assert.match(docs[1]!.content, /Café owners count the cost/);
  assert.match(docs[2]!.content, /Korsvik bridge to lorries/);
});

test("a PDF captured in an archive (a press office's release) is read as its text under its address; one that cannot be read is reported by its record", async () => {
  const release = Uint8Array.from(readFileSync(new URL('testdata-pdf/press-release.pdf', import.meta.url)));
  const items = await readFile('releases.warc.gz', await warc([
    { url: 'https://harbour.example/releases/2026-05-15.pdf', contentType: 'application/pdf', body: release },
    { url: 'https://harbour.example/releases/broken.pdf', contentType: 'application/pdf', body: '%PDF-1.7 cut short' },
    { url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) },
  ]));
  const docs = documents(items);
  assert.deepEqual(docs.map((d) => [d.hints.url, d.format]), [
    ['https://harbour.example/releases/2026-05-15.pdf', 'text'],
    ['https://tarrholm.example/ferry', 'html'],
  ]);
  assert.match(docs[0]!.content, /^Outer basin reopens to night traffic after quay wall checks/);
  assert.match(errors(items).join('\n'), /^record 2 \(https:\/\/harbour\.example\/releases\/broken\.pdf\): not a readable PDF/);
});

test('an uncompressed archive reads the same; what is no WARC record is reported by its number, after the pages before it', async () => {
  const good = await warc([{ url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) }], false);
  const items = await readFile('crawl.warc', Buffer.concat([good, Buffer.from('<html><body>a page saved into the archive by hand</body></html>\r\n\r\n')]));
  assert.equal(documents(items).length, 1);
  assert.deepEqual(errors(items), ['record 2: not a WARC record (no WARC-Type)']);
  const notWarc = await readFile('notes.warc', Buffer.from('Meeting notes, 16 April\nFerry timetable restored from Friday.\n'));
  assert.deepEqual(errors(notWarc), ['record 1: not a WARC record (no WARC-Type)']);
  const none = await readFile('empty.warc', await warc([{ url: 'https://tarrholm.example/logo.png', contentType: 'image/png', body: '' }], false));
  assert.deepEqual(errors(none), ['no HTML pages or PDFs among its 1 WARC records']);
});

test('a gzipped archive cut short gives the pages before the cut and says where it ends', async () => {
  const whole = await warc([
    { url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) },
    { url: 'https://tarrholm.example/bridge', body: PAGE('Bridge reopens to lorries', BRIDGE) },
  ]);
  const first = await warc([{ url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) }]);
  // The copy stopped in the middle of the second record's gzip member.
  const items = await readFile('cut.warc.gz', whole.subarray(0, first.length + Math.floor((whole.length - first.length) / 2)));
  assert.deepEqual(documents(items).map((d) => d.hints.url), ['https://tarrholm.example/ferry']);
  assert.equal(errors(items).length, 1);
  assert.match(errors(items)[0]!, /^record 2: .*ends in the middle of a gzipped record/);
});

test('ingesting a web archive stores each page as an article under its address; ingesting it again changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-warc-'));
  writeFileSync(join(dir, 'crawl.warc.gz'), await warc([
    { url: 'https://tarrholm.example/ferry', body: PAGE('Ferry timetable restored', FERRY) },
    { url: 'https://tarrholm.example/bridge', body: PAGE('Bridge reopens to lorries', BRIDGE) },
  ]));
  const store = openSqliteStore(':memory:');
  const first = await createPipeline(store).ingestPaths([dir]);
  assert.equal(first.new, 2);
  const stored = await store.articlesAfter(0, 10);
  assert.deepEqual(stored.map((a) => [a.url, a.title]), [
    ['https://tarrholm.example/ferry', 'Ferry timetable restored'],
    ['https://tarrholm.example/bridge', 'Bridge reopens to lorries'],
  ]);
  assert.ok(stored.every((a) => !/Home · News|© Tarrholm/.test(a.text)));
  const again = await createPipeline(store).ingestPaths([dir]);
  assert.equal(again.unchanged, 2);
  await store.close();
});
