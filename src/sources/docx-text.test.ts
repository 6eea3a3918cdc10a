import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { docxText } from './docx-text.js';
import { documentsOfFile } from './test-support/documents-of-file.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraph = (text: string): string => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;

/** A Word document as Word writes one: a zip of the content types, the package relations and the body. */
function docx(bodyXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`),
    ...extra,
  });
}

test("a Word document's text is its paragraphs in order, runs joined, tabs and breaks as spaces, deleted text and field codes left out", () => {
  const body =
    '<w:p><w:r><w:t>Dockers </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">back the deal</w:t></w:r><w:r><w:t xml:space="preserve"> by 68%</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t>Brennmouth,</w:t></w:r><w:r><w:tab/><w:t>8 May</w:t></w:r><w:r><w:br/><w:t>&amp; the port reopens</w:t></w:r></w:p>' +
    '<w:p><w:ins><w:r><w:t>Inserted words stay.</w:t></w:r></w:ins><w:del><w:r><w:delText>Deleted words go.</w:delText></w:r></w:del></w:p>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org" </w:instrText></w:r><w:hyperlink><w:r><w:t>the union’s statement</w:t></w:r></w:hyperlink></w:p>' +
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In favour</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2,856</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  assert.deepEqual(docxText(docx(body), 1 << 20).split('\n'), [
    'Dockers back the deal by 68%',
    'Brennmouth, 8 May & the port reopens',
    'Inserted words stay.',
    'the union’s statement',
    'In favour',
    '2,856',
  ]);
});

test('a Nexis Uni export saved as Word is read as its articles, with their headers', async () => {
  const lines = readFileSync(new URL('testdata-exports/nexis-uni-export.txt', import.meta.url), 'utf8').split('\n');
  const dir = mkdtempSync(join(tmpdir(), 'storyline-docx-'));
  const path = join(dir, 'Files (2).DOCX');
  writeFileSync(path, docx(lines.map(paragraph).join('')));
  const documents = await documentsOfFile(path);
  assert.deepEqual(
    documents.map((d) => [d.hints.source, d.hints.title, d.hints.published, d.hints.author]),
    [
      ['The Vessland Herald', 'Government names mediator in Brennmouth port strike', '2026-04-30', 'Jonas Erlandsen'],
      ['Nordsee-Rundschau', 'Ekdahl kritisiert späte Ernennung', '2026-04-30T18:45:00+02:00', 'Klara Vogt'],
    ],
  );
  assert.match(documents[0]?.content ?? '', /^The government on Thursday named Ruth Ekdahl/);
  assert.doesNotMatch(documents[0]?.content ?? '', /Load-Date|End of Document|Length:/);
});

test('a Word document of one article is that article', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-docx-'));
  const path = join(dir, 'press-release.docx');
  writeFileSync(path, docx(['Harbour authority extends night closures', 'The harbour authority said on Friday that the outer basin would stay closed to traffic at night until the end of May while divers inspect the quay walls.'].map(paragraph).join('')));
  const documents = await documentsOfFile(path);
  assert.equal(documents.length, 1);
  assert.match(documents[0]?.content ?? '', /outer basin would stay closed/);
});

test('a zip bomb, a zip that is no Word document, garbage and declared entities are refused with the reason', () => {
  const body = paragraph('x'.repeat(5000));
  assert.throws(() => docxText(docx(body), 1000), /XML, over the .* MB limit/);
  assert.throws(() => docxText(zipSync({ 'notes.txt': strToU8('hello') }), 1 << 20), /not a Word document/);
  assert.throws(() => docxText(strToU8('PK this is not a zip at all'), 1 << 20), /not a readable Word document/);
  const bomb = zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`),
  });
  assert.throws(() => docxText(bomb, 1 << 20), /declares its own entities/);
});

test('a zip that declares its text smaller than it is is cut there, never inflated past it', () => {
  const bytes = Buffer.from(docx(paragraph('y'.repeat(200_000))));
  // Rewrite the declared size of every entry (local headers and the central directory) to 600 bytes.
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = bytes.readUInt32LE(i);
    if (signature === 0x04034b50) bytes.writeUInt32LE(600, i + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(600, i + 24);
  }
  let text = '';
  try {
    text = docxText(bytes, 1 << 20);
  } catch (error) {
    assert.match((error as Error).message, /malformed Word XML|not a readable Word document/);
  }
  assert.ok(text.length < 600, `read ${text.length} characters`);
});
