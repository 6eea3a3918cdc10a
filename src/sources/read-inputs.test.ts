import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { listInputs, readInput } from './read-inputs.js';
import type { SourceItem } from './source-item.js';

const testdata = fileURLToPath(new URL('testdata', import.meta.url));

async function readAll(paths: string[]): Promise<SourceItem[]> {
  const { files, problems } = await listInputs(paths);
  const items: SourceItem[] = [...problems];
  for (const file of files) for await (const item of readInput(file)) items.push(item);
  return items;
}

const documents = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'document' ? [i.document] : []));
const errors = (items: SourceItem[]) => items.flatMap((i) => (i.kind === 'error' ? [`${i.path}: ${i.message}`] : []));

test('a folder is read recursively: every format, with errors naming the file and line', async () => {
  const items = await readAll([testdata]);
  const docs = documents(items);
  // 3 text files + 2 RSS items + 1 Atom entry + 2 JSON Feed items + 2 good JSONL lines
  assert.equal(docs.length, 10);
  assert.ok(items.some((i) => i.kind === 'subscriptions' && i.subscriptions.length === 2));
  const problems = errors(items);
  assert.ok(problems.some((p) => p.includes('dump.jsonl: line 3: invalid JSON')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('dump.jsonl: line 4: no "text", "html" or "title" field')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('entity-bomb.xml: XML declares its own entities')));
});

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'storyline-inputs-'));
}

test('hostile files each give a one-line reason and the batch goes on', async () => {
  const dir = tempDir();
  const page = '<html><head><title>Ferry</title></head><body><article><p>The ferry sailed on time.</p></article></body></html>';
  writeFileSync(join(dir, 'truncated.html.gz'), gzipSync(Buffer.from(page.repeat(50))).subarray(0, 60));
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  writeFileSync(join(dir, 'empty.txt'), '');
  const huge = join(dir, 'huge.html');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  writeFileSync(join(dir, 'slides.pdf'), '%PDF-1.7');
  writeFileSync(join(dir, 'minutes.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  writeFileSync(join(dir, 'draft.odt'), Buffer.from('PK\x03\x04', 'latin1'));
  cpSync(join(testdata, 'plain-note.txt'), join(dir, 'ok.txt'));

  const items = await readAll([dir, join(dir, 'draft.odt')]);
  const problems = errors(items);
  assert.equal(documents(items).length, 1, 'the good file is still read');
  assert.ok(problems.some((p) => /truncated\.html\.gz: truncated or corrupt gzip/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /binary\.txt: binary file/.test(p)));
  assert.ok(problems.some((p) => /empty\.txt: file is empty/.test(p)));
  assert.ok(problems.some((p) => /huge\.html: file is 50\.0 MB, over the 32\.0 MB limit/.test(p)));
  assert.ok(problems.some((p) => /slides\.pdf: not a readable PDF/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /minutes\.doc: an old binary Word document \(\.doc\), not RTF: save it as a Word \.docx/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /draft\.odt: unsupported file type "\.odt" \(save it as a Word \.docx/.test(p)), 'named explicitly: an error, saying what to do');
  assert.ok(items.some((i) => i.kind === 'skipped' && i.path.endsWith('draft.odt')), 'found in a folder: skipped');
});

test('a Windows-1252 page and invalid UTF-8 text decode to the right characters', async () => {
  const dir = tempDir();
  const latin = Buffer.from(
    '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>The B\xfcrgermeister opened the caf\xe9 \x93on time\x94.</p></body></html>',
    'latin1',
  );
  writeFileSync(join(dir, 'page.html'), latin);
  // Text with a stray Latin-1 byte: not valid UTF-8, so it is detected rather than mangled.
  writeFileSync(join(dir, 'note.txt'), Buffer.concat([Buffer.from('The na'), Buffer.from([0xef]), Buffer.from('ve plan was dropped on Monday after a long debate in the council chamber.')]));
  const docs = documents(await readAll([dir]));
  const html = docs.find((d) => d.path.endsWith('page.html'));
  assert.match(html?.content ?? '', /Bürgermeister opened the café “on time”/);
  const text = docs.find((d) => d.path.endsWith('note.txt'));
  assert.match(text?.content ?? '', /The naïve plan/);
});

// "Dokerzy w Gdańsku rozpoczęli strajk", in ISO-8859-2 as Polish feeds were long served: ń, ę, ł and ż
// are bytes that Windows-1252 reads as other letters.
const POLISH_FEED = Buffer.concat([
  Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><rss version="2.0"><channel><title>Gazeta</title><item><title>Strajk</title><link>https://gazeta.example/a</link><description>Dokerzy w Gda'),
  Buffer.from([0xf1]),
  Buffer.from('sku rozpocz'),
  Buffer.from([0xea]),
  Buffer.from('li strajk w poniedzia'),
  Buffer.from([0xb3]),
  Buffer.from('ek.</description></item></channel></rss>'),
]);

test('a feed is decoded with the encoding its XML declaration names', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'gazeta.rss'), POLISH_FEED);
  const [feed] = documents(await readAll([dir]));
  assert.equal(feed?.content, 'Dokerzy w Gdańsku rozpoczęli strajk w poniedziałek.');
});

test('a missing path is an error, not a crash', async () => {
  const problems = errors(await readAll(['/nonexistent/storyline/input.txt']));
  assert.deepEqual(problems, ['/nonexistent/storyline/input.txt: no such file or directory']);
});
