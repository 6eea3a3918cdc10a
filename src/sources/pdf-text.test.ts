import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../extract/extract-article.js';
import type { RawDocument } from '../model/index.js';
import { readNewsArchiveExport } from './news-archive-export.js';
import { readPages, type PageRuns, type TextRun } from './pdf-text.js';

const textOfPages = (pages: PageRuns[]): string => readPages(pages).text;
import { listInputs, readInput } from './read-inputs.js';
import { documentsOfFile } from './test-support/documents-of-file.js';

/** A run of text as pdf.js gives one: its baseline at (x, y), set in `size` points, about half an em a character. */
const run = (str: string, x: number, y: number, size = 10): TextRun => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size, hasEOL: false });
/** Lines of a column from the top down, `step` apart, each one run. */
const column = (lines: string[], x: number, top: number, step = 12, size = 10): TextRun[] => lines.map((line, k) => run(line, x, top - k * step, size));
/** A justified paragraph: every line but the last as wide as the column. */
const justified = (lines: string[], x: number, top: number, width: number, size = 10): TextRun[] =>
  column(lines, x, top, 1.2 * size, size).map((r, k) => (k < lines.length - 1 ? { ...r, width } : r));
const A5 = 595;

test("a PDF's lines become paragraphs: a gap or a short line after a full stop ends one, a change of size too, the words of a line joined; text set at an angle is left out", () => {
  const page: PageRuns = {
    height: A5,
    runs: [
      ...column(['Outer basin reopens to night', 'traffic after quay checks'], 40, 520, 19, 16),
      // Justified text comes word by word, with gaps for spaces.
      run('The', 40, 470), run('authority', 62, 470), run('said', 116, 470), run('on', 142, 470), run('Friday', 157, 470), run('that', 192, 470), run('divers', 217, 470), run('had', 252, 470), run('finished.', 273, 470),
      ...column(['“The walls have done their job,” said Ingrid Solheim, the', 'chief engineer.'], 40, 446),
      // A watermark across the page and a label up its margin are set at an angle.
      { str: 'DRAFT', transform: [30, 30, -30, 30, 100, 300], width: 120, height: 42, hasEOL: false },
      { str: 'Downloaded from harbour.example on 15 May 2026', transform: [0, 6, -6, 0, 20, 100], width: 140, height: 6, hasEOL: false },
      ...column(['The backlog stood at 61 vessels on Thursday and 48 on', 'Friday.'], 40, 410),
    ],
  };
  assert.deepEqual(textOfPages([page]).split('\n\n'), [
    'Outer basin reopens to night traffic after quay checks',
    'The authority said on Friday that divers had finished.',
    '“The walls have done their job,” said Ingrid Solheim, the chief engineer.',
    'The backlog stood at 61 vessels on Thursday and 48 on Friday.',
  ]);
});

test('paragraphs set without space between them, each opening with an indented line, are told apart by the indent', () => {
  const lines = [
    { text: 'The basin had been closed to night traffic since the second day of the', x: 52 },
    { text: 'strike, when pilots were moved to the inner harbour to keep the Norholm', x: 40 },
    // The paragraph's last line runs almost to the column's end: only the indent below tells.
    { text: 'ferries running through the dispute, the authority said on Friday.', x: 40 },
    { text: 'Shipping lines welcomed the decision, and the council said the night', x: 52 },
    { text: 'closures had added a day to the wait for most ships since April.', x: 40 },
  ];
  const page: PageRuns = { height: A5, runs: lines.map((line, k) => ({ ...run(line.text, line.x, 500 - 12 * k), width: (k === 2 ? 350 : 360) - (line.x - 40) })) };
  assert.deepEqual(textOfPages([page]).split('\n\n'), [
    'The basin had been closed to night traffic since the second day of the strike, when pilots were moved to the inner harbour to keep the Norholm ferries running through the dispute, the authority said on Friday.',
    'Shipping lines welcomed the decision, and the council said the night closures had added a day to the wait for most ships since April.',
  ]);
});

test('running headers and footers and page numbers are left out; a paragraph carried over to the next column or page is joined again', () => {
  const body: Record<number, TextRun[]> = {
    1: [
      // The headline sits in the top band too, but on this page only.
      run('Quay walls pass inspection', 40, 545, 14),
      ...column(['The authority said the walls of all three terminals', 'were sound, and that the berths would'], 40, 500),
      // The second column goes on with the sentence the first left open.
      ...column(['reopen at full load on Monday. Two berths keep', 'a lower load limit until the repaired fender has'], 220, 500),
    ],
    2: column(['cured, which the engineers expect by the end of May.', 'Ships with food keep their priority.'], 40, 500),
    3: column(['The report will be published next week.'], 40, 500),
  };
  const pages: PageRuns[] = [1, 2, 3].map((n) => ({
    height: A5,
    runs: [run('Harbour Authority of Brennmouth · Press release', 150, 570, 6), ...body[n]!, run(`Page ${n} of 3`, 180, 20, 6)],
  }));
  assert.deepEqual(textOfPages(pages).split('\n\n'), [
    'Quay walls pass inspection',
    'The authority said the walls of all three terminals were sound, and that the berths would reopen at full load on Monday. Two berths keep a lower load limit until the repaired fender has cured, which the engineers expect by the end of May. Ships with food keep their priority.',
    'The report will be published next week.',
  ]);
});

test('a word broken at the end of a line keeps its hyphen unless the document writes it whole; a soft hyphen goes; a centred line is indented', () => {
  const page: PageRuns = {
    height: A5,
    runs: [
      run('1 of 2 DOCUMENTS', 120, 540),
      ...justified(['On Friday the union said that its dock-', 'workers would end their twelve-', 'day strike, and the dockworkers’ leaders and the oper\u00ad', 'ator signed the deal the same evening.'], 40, 500, 260),
    ],
  };
  assert.deepEqual(textOfPages([page]).split('\n\n'), [
    '    1 of 2 DOCUMENTS',
    'On Friday the union said that its dockworkers would end their twelve-day strike, and the dockworkers’ leaders and the operator signed the deal the same evening.',
  ]);
});

test('lines that stop with room left for the next line’s first word are lines of their own: a header block set without gaps', () => {
  const page: PageRuns = {
    height: A5,
    runs: [
      ...column(['By Tomas Varga', '218 words', '9 May 2026', 'Nordwire'], 40, 520, 10, 8),
      ...justified(['Divers will inspect the quay walls at Brennmouth’s three', 'terminals before the port returns to full working.'], 40, 470, 260, 8),
    ],
  };
  assert.deepEqual(textOfPages([page]).split('\n\n'), [
    'By Tomas Varga',
    '218 words',
    '9 May 2026',
    'Nordwire',
    'Divers will inspect the quay walls at Brennmouth’s three terminals before the port returns to full working.',
  ]);
});

test('a LexisNexis export printed to PDF gives the articles its text export gives', async () => {
  const fromPdf = await documentsOfFile(fileURLToPath(new URL('testdata-pdf/lexisnexis-export.pdf', import.meta.url)));
  const text = readFileSync(new URL('testdata-exports/lexisnexis-export.txt', import.meta.url), 'utf8');
  const fromText = readNewsArchiveExport('export.txt', text) ?? [];
  assert.equal(fromPdf.length, 3);
  const view = (d: RawDocument): unknown => ({ hints: d.hints, content: d.content });
  assert.deepEqual(new Set(fromPdf.map(view)), new Set(fromText.map(view)));
  for (const document of fromPdf) assert.doesNotMatch(document.content, /Page \d|LexisNexis Academic|Vessland University Library|BYLINE:|LOAD-DATE:/);
});

test('a press release printed in two columns over several pages reads in order, whole, dated by its date line, filed under the issuer its running line names, without its running lines', async () => {
  const [document] = await documentsOfFile(fileURLToPath(new URL('testdata-pdf/press-release.pdf', import.meta.url)));
  const article = extractArticle(document!);
  assert.equal(article.title, 'Outer basin reopens to night traffic after quay wall checks');
  assert.equal(article.published, '2026-05-15');
  // "Harbour Authority of Brennmouth · Press release" over each page names the issuer.
  assert.equal(article.source, 'Harbour Authority of Brennmouth');
  const paragraphs = article.text.split('\n\n');
  assert.equal(paragraphs.length, 12, paragraphs.join('\n'));
  assert.match(paragraphs[0]!, /^The Harbour Authority of Brennmouth will reopen the outer basin .* the twelve-day strike\.$/);
  // Broken off by the column or the page, mid-sentence, and joined again (a name opens the next column).
  assert.match(paragraphs[8]!, /^The Brennmouth Shippers’ Council welcomed the decision\. .* since April\.$/);
  assert.match(paragraphs[10]!, /^The authority thanked the dockworkers, the operator Halvard Terminals .* next week\.$/);
  assert.doesNotMatch(article.text, /Press release|^\d+$/m);
});

test('a web article printed from the browser takes the address printed under each page (its day with it) and the outlet its page title names; the menu over its headline is no title', async () => {
  const [document] = await documentsOfFile(fileURLToPath(new URL('testdata-pdf/web-article.pdf', import.meta.url)));
  assert.equal(document?.hints.url, 'https://harbourtimes.example/port/2026/05/15/outer-basin-reopens-night-traffic');
  // Printed over each page: "12/7/26, 10:06 PM  Outer basin reopens to night traffic | The Harbour Times".
  assert.equal(document?.hints.source, 'The Harbour Times');
  const article = extractArticle(document!);
  assert.deepEqual(
    [article.title, article.source, article.published, article.author],
    ['Outer basin reopens to night traffic after quay wall checks', 'The Harbour Times', '2026-05-15', 'Marta Lindqvist, Port Correspondent'],
  );
  assert.match(article.text, /^Brennmouth’s outer basin will reopen to ships at night from Monday/);
  // The browser's date, title, address and page numbers, the site's menu and share links are no text.
  assert.doesNotMatch(article.text, /Home · Port News|Share on|https:|\d+\/\d+\s*$|\| The Harbour Times|\d{1,2}:\d{2} [AP]M/m);
});

test('a file that is no PDF, a cut-off PDF, a locked PDF and a PDF without text are refused with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-pdf-'));
  const press = readFileSync(new URL('testdata-pdf/press-release.pdf', import.meta.url));
  writeFileSync(join(dir, 'notes.pdf'), 'These are notes, saved with the wrong name.');
  writeFileSync(join(dir, 'cut.pdf'), press.subarray(0, 2000));
  writeFileSync(join(dir, 'scan.pdf'), readFileSync(new URL('testdata-pdf/scan.pdf', import.meta.url)));
  writeFileSync(join(dir, 'locked.pdf'), readFileSync(new URL('testdata-pdf/locked.pdf', import.meta.url)));
  const messages: string[] = [];
  const { files } = await listInputs([dir]);
  for (const file of files) for await (const item of readInput(file)) if (item.kind === 'error') messages.push(`${file.path.split('/').pop()}: ${item.message}`);
  const expected = ['cut.pdf: not a readable PDF', 'locked.pdf: the PDF is protected by a password', 'notes.pdf: not a readable PDF', 'scan.pdf: no text in this PDF (a scan? it needs OCR first)'];
  assert.equal(messages.length, expected.length, messages.join('\n'));
  messages.sort().forEach((message, k) => assert.ok(message.startsWith(expected[k]!), message));
});
