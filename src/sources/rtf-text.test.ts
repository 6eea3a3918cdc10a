import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { readNewsArchiveExport } from './news-archive-export.js';
import { listInputs, readInput } from './read-inputs.js';
import { documentsOfFile } from './test-support/documents-of-file.js';
import { rtfText } from './rtf-text.js';

const exportFile = (name: string): URL => new URL(`testdata-exports/${name}`, import.meta.url);
const latin1 = (rtf: string): Uint8Array => Buffer.from(rtf, 'latin1');

/** RTF's escapes for text: the three special characters, and anything past ASCII as `\uN` with a "?" fallback. */
const escapeRtf = (text: string): string =>
  text.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0) > 32767 ? c.charCodeAt(0) - 65536 : c.charCodeAt(0)}?`);

/** A word processor's RTF of a text export: each blank-line separated paragraph one RTF paragraph, centred where the text centres it. */
function rtfOfTextExport(text: string): string {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  const body = paragraphs
    .map((p) => `\\pard\\plain${/^\s{3,}\S/.test(p) ? '\\qc' : '\\ql'}\\f0\\fs20 ${escapeRtf(p.split('\n').map((l) => l.trim()).join(' '))}\\par\n`)
    .join('');
  return `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fmodern\\fcharset0 Courier New;}}{\\info{\\title LexisNexis Academic}}{\\header \\pard\\qr Page {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}\n${body}}`;
}

test("an RTF document's text is what a reader sees: paragraphs, accents in the document's code pages, quotes and dashes, a link's words", () => {
  const rtf = String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset238 Arial CE;}}{\colortbl;\red0\green0\blue0;}
{\stylesheet{\s0 Normal;}{\s1 Heading 1;}}{\info{\title Harbour notes}{\author Press Office}}{\*\generator Msftedit 5.41;}
{\header \pard\qr Page {\field{\*\fldinst PAGE}{\fldrslt 1}} of 3\par}{\footer \pard\qc Harbour Authority \endash  internal\par}
\pard\plain\f0 {\b Ren\'e9 Aubert} of the {\f1 \'a3\'f3d\'9f} office said \ldblquote the gates hold\rdblquote  \emdash  for now.\par
The second paragraph\line goes on after a line break{\v  [check this]}, and reads the {\field{\*\fldinst HYPERLINK "https://harbour.example/report"}{\fldrslt full report}}.\par
{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}\par
The \u8220\'93Korvel\u8221\'94 gate is 40\u160\'a0m wide.{\footnote\pard A footnote nobody reads in a feed.}\par}`;
  assert.deepEqual(rtfText(latin1(rtf)).split('\n'), [
    'René Aubert of the Łódź office said “the gates hold” — for now.',
    '',
    'The second paragraph',
    'goes on after a line break, and reads the full report.',
    '',
    'The “Korvel” gate is 40\u00a0m wide.',
  ]);
});

test('a centred paragraph is indented and a table row is one line of tab-separated cells, as in a text export', () => {
  const rtf = String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard\qc 2 of 40 DOCUMENTS\par\pard\qc The Harbour Times\par\pard\ql The text.\par
\trowd\cellx1500\cellx9000\pard\intbl HD\cell\pard\intbl Divers to check quay walls\cell\row
\trowd\cellx1500\cellx9000\pard\intbl TD\cell\pard\intbl First paragraph.\par Second paragraph.\cell\row}`;
  assert.deepEqual(rtfText(latin1(rtf)).split('\n'), [
    '    2 of 40 DOCUMENTS',
    '',
    '    The Harbour Times',
    '',
    'The text.',
    '',
    'HD\tDivers to check quay walls',
    '',
    'TD\tFirst paragraph.',
    '',
    'Second paragraph.',
  ]);
});

test('a LexisNexis export saved as RTF (its "Word" download, named .doc) gives the articles its text export gives, header and trailer read, none in the text', async () => {
  const text = readFileSync(exportFile('lexisnexis-export.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'storyline-rtf-'));
  // LexisNexis's "Word" download is RTF under a .doc name.
  const path = join(dir, 'LexisNexis_brennmouth.DOC');
  writeFileSync(path, rtfOfTextExport(text), 'latin1');
  const fromRtf = await documentsOfFile(path);
  const fromText = readNewsArchiveExport('export.txt', text) ?? [];
  assert.equal(fromRtf.length, 3);
  const view = (d: RawDocument): unknown => ({ hints: d.hints, content: d.content });
  // Stored oldest first, as every batch is; the text export lists them in its own order.
  assert.deepEqual(new Set(fromRtf.map(view)), new Set(fromText.map(view)));
  for (const document of fromRtf) assert.doesNotMatch(document.content, /Page 1|LexisNexis Academic|BYLINE:|LENGTH:|LOAD-DATE:|DOCUMENTS/);
});

test('a Factiva download in RTF is one article per entry, with its headline, byline, date, outlet and language, and no page furniture', async () => {
  // Handed on oldest first: the German entry gives its day only, so it goes before the one timed 06:40.
  const [german, english] = await documentsOfFile(fileURLToPath(exportFile('factiva-export.rtf')));
  assert.deepEqual(
    [english, german].map((d) => [d?.hints.externalId, d?.hints.title, d?.hints.author, d?.hints.published, d?.hints.source, d?.hints.language]),
    [
      ['factiva:NORDWR0020260509em5900007', 'Quay walls to be checked before Brennmouth reopens fully', 'Tomas Varga', '2026-05-09T06:40:00', 'Nordwire', 'en'],
      // The byline in the article's language ("Von ...") is a byline too.
      ['factiva:NORDSR0020260509em5900012', 'Hafen Brennmouth: Taucher prüfen die Kaimauern', 'Klara Vogt', '2026-05-09', 'Nordsee-Rundschau', 'de'],
    ],
  );
  assert.match(english?.content ?? '', /^Divers will inspect the quay walls at Brennmouth’s three container terminals/);
  assert.match(english?.content ?? '', /“We will not put a fully loaded gantry back on a berth we have not looked at,” she said\./);
  assert.match(english?.content ?? '', /The Gdańsk-registered feeder Baltic Wren/);
  assert.match(german?.content ?? '', /„Wir stellen keinen beladenen Kran auf einen Liegeplatz/);
  for (const document of [english, german]) {
    assert.doesNotMatch(document?.content ?? '', /Page \d|Factiva|Arial|Times New Roman|Normal;|editor: check|89504e47|Document NORD|words|Wörter|Copyright|\(c\)/);
  }
});

test('a file named .rtf that is no RTF, or nesting groups past reason, is refused with the reason; a cut-off RTF gives the text it has', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-rtf-'));
  writeFileSync(join(dir, 'notes.rtf'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0, 0]));
  const { files } = await listInputs([join(dir, 'notes.rtf')]);
  const items = [];
  for await (const item of readInput(files[0]!)) items.push(item);
  assert.equal(items.length, 1);
  assert.match(items[0]?.kind === 'error' ? items[0].message : '', /not an RTF document/);
  const cut = String.raw`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard The port reopened on Saturday.\par\pard The backlog will take {\b three wee`;
  assert.equal(rtfText(latin1(cut)), 'The port reopened on Saturday.\n\nThe backlog will take three wee');
  // Braces nested a million deep would cost minutes and gigabytes; no word processor nests past a few dozen.
  const nested = `{\\rtf1 ${'{'.repeat(1_000_000)}x${'}'.repeat(1_000_000)}}`;
  assert.throws(() => rtfText(latin1(nested)), /malformed RTF \(groups nested over 1000 deep\)/);
});

test('a document that carries the mojibake of the text it was made from ("â€™" for "’") is repaired, as a text file is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-rtf-'));
  // UTF-8 bytes written as Windows-1252 characters: what a copy and paste of a misread page leaves.
  writeFileSync(join(dir, 'pasted.rtf'), String.raw`{\rtf1\ansi\ansicpg1252 The dockworkers\'e2\'80\'99 union said it\'e2\'80\'99s ready to vote on Friday.\par}`, 'latin1');
  const [document] = await documentsOfFile(join(dir, 'pasted.rtf'));
  assert.equal(document?.content, 'The dockworkers’ union said it’s ready to vote on Friday.');
});
