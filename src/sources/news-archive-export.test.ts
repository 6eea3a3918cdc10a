import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { readNewsArchiveExport, readNewsArchiveHtml } from './news-archive-export.js';

const fixture = (name: string): string => readFileSync(new URL(`testdata-exports/${name}`, import.meta.url), 'utf8');
const read = (name: string): RawDocument[] => {
  const documents = readNewsArchiveExport(name, fixture(name));
  assert.ok(documents, `${name} is read as an export`);
  return documents;
};

/** Header and trailer lines of the databases: none may reach an article's text. */
const DATABASE_LINES = /BYLINE:|SECTION:|LENGTH:|DATELINE:|GRAPHIC:|LOAD-DATE:|LANGUAGE:|PUBLICATION-TYPE:|Copyright|All Rights Reserved|DOCUMENTS|Section:|Length:|Byline:|Load-Date:|Classification|End of Document|Search Summary|^Document |\d+ words|words$|Job Number|Search Terms/im;

test('a LexisNexis export is one article per "N of M DOCUMENTS", with the outlet, date, headline and byline of its header', () => {
  const [times, wire, copy] = read('lexisnexis-export.txt');
  assert.equal(read('lexisnexis-export.txt').length, 3);
  assert.deepEqual(
    { source: times?.hints.source, published: times?.hints.published, title: times?.hints.title, author: times?.hints.author, language: times?.hints.language },
    {
      source: 'The Harbour Times',
      published: '2026-04-27',
      // The headline wraps over two lines in the export.
      title: 'Cranes stand still as dockers walk out at Brennmouth',
      author: 'Marta Lindqvist, Port Correspondent',
      language: 'en',
    },
  );
  // A time and zone on the date line make the publish time; a URL: line is the article's address.
  assert.equal(wire?.hints.published, '2026-04-27T09:12:00Z');
  assert.equal(wire?.hints.url, 'https://nordwire.example/2026/04/27/brennmouth-strike');
  assert.equal(copy?.hints.published, '2026-04-27T11:40:00Z');
  assert.equal(copy?.hints.author, 'ANNA BERG', 'the byline without its "BY"');
  for (const document of [times, wire, copy]) {
    assert.doesNotMatch(document?.content ?? '', DATABASE_LINES);
    assert.equal(document?.format, 'text');
  }
  // The text's hard-wrapped lines are joined into its paragraphs.
  assert.equal(times?.content.split('\n\n').length, 6);
  // "UPDATE:" opening a paragraph the text goes on after is text; the GRAPHIC: caption after LOAD-DATE: is not.
  assert.match(times?.content ?? '', /UPDATE: Halvard said at noon/);
  assert.doesNotMatch(times?.content ?? '', /Idle cranes|GRAPHIC/);
  assert.match(times?.content ?? '', /^Not one of the thirty-one gantry cranes on Brennmouth's container quays moved on Monday morning, as/);
  assert.match(times?.content ?? '', /brokered by the ministry\.$/);
  // The DATELINE: under LENGTH: is header, and the wire credit closing the copy is its text.
  assert.match(wire?.content ?? '', /^Dockworkers at Brennmouth/);
  assert.match(copy?.content ?? '', /With Nordwire$/);
});

test('a Nexis Uni export skips its cover page and reads each article from its header to "End of Document"', () => {
  const [herald, rundschau] = read('nexis-uni-export.txt');
  assert.equal(read('nexis-uni-export.txt').length, 2);
  assert.equal(herald?.hints.title, 'Government names mediator in Brennmouth port strike');
  assert.equal(herald?.hints.source, 'The Vessland Herald');
  assert.equal(herald?.hints.published, '2026-04-30');
  assert.equal(herald?.hints.author, 'Jonas Erlandsen');
  assert.equal(herald?.hints.language, 'en');
  // One paragraph a line, from "Body" to the classification.
  assert.equal(herald?.content.split('\n\n').length, 5);
  assert.match(herald?.content ?? '', /^The government on Thursday named Ruth Ekdahl/);
  assert.match(herald?.content ?? '', /according to the harbour authority\.$/);
  // A German report: its language named in English, its date in German, with a time in CEST.
  assert.equal(rundschau?.hints.language, 'de');
  assert.equal(rundschau?.hints.published, '2026-04-30T18:45:00+02:00');
  assert.equal(rundschau?.hints.source, 'Nordsee-Rundschau');
  for (const document of [herald, rundschau]) assert.doesNotMatch(document?.content ?? '', DATABASE_LINES);
});

test('a Factiva export is one article per accession number, its text after the copyright line', () => {
  const [agency, times] = read('factiva-export.txt');
  assert.equal(read('factiva-export.txt').length, 2, 'the search summary closing the file is no article');
  assert.deepEqual(agency?.hints, {
    externalId: 'factiva:CPAENG0020260506em5600001',
    title: 'Deal reached to end Brennmouth port strike, vote on Friday',
    author: 'Lena Fischer',
    published: '2026-05-06T07:55:00',
    source: 'Continental Press Agency',
    language: 'en',
  });
  // A print article: edition and page lines between the source code and the copyright.
  assert.equal(times?.hints.source, 'The Harbour Times');
  assert.equal(times?.hints.published, '2026-05-06');
  assert.match(times?.content ?? '', /^At three o'clock on Wednesday morning/);
  for (const document of [agency, times]) assert.doesNotMatch(document?.content ?? '', DATABASE_LINES);
});

test("Factiva's tagged form reads its fields; a capitalised phrase in the text is not taken for one", () => {
  const [norbank, fjordbank] = read('factiva-tagged-export.txt');
  assert.equal(read('factiva-tagged-export.txt').length, 2);
  assert.equal(norbank?.hints.title, 'Norbank cuts mortgage rates after central bank move');
  assert.equal(norbank?.hints.author, 'Erik Dahl');
  assert.equal(norbank?.hints.published, '2026-05-04T16:20:00');
  assert.equal(norbank?.hints.source, 'Saltvik Observer');
  assert.equal(norbank?.hints.externalId, 'factiva:SALTOB0020260504em5400002');
  // Lead paragraph and text, without the company, subject and region codes after them.
  assert.match(norbank?.content ?? '', /^Norbank, the largest mortgage lender/);
  assert.match(norbank?.content ?? '', /IN THE END, two other lenders said they would announce their own changes later in the week\.$/);
  assert.doesNotMatch(norbank?.content ?? '', /Norbank ASA|Interest Rates|norhm/);
  assert.equal(fjordbank?.hints.published, '2026-05-05');
  assert.equal(fjordbank?.hints.author, undefined);
});

test('a Factiva export saved as a web page is its articles, read from the lines a reader sees', () => {
  const documents = readNewsArchiveHtml('factiva-export.html', fixture('factiva-export.html'));
  assert.deepEqual(
    documents?.map((d) => [d.hints.externalId, d.hints.source, d.hints.title, d.hints.published, d.hints.author ?? null]),
    [
      ['factiva:SHPLDG0020260508em580000f', 'The Shipping Ledger', 'Brennmouth to reopen Saturday after dockers ratify deal', '2026-05-08T18:10:00', 'Tomas Wik'],
      ['factiva:HARBT00020260508em580001a', 'The Harbour Times', 'Dockers back deal by 68% as Brennmouth prepares to reopen', '2026-05-08', null],
    ],
  );
  assert.equal(documents?.[0]?.content.split('\n\n').length, 3);
  for (const document of documents ?? []) assert.doesNotMatch(document.content, DATABASE_LINES);
  // A news page that mentions a document is a page.
  assert.equal(readNewsArchiveHtml('page.html', '<html><body><article class="story"><p>Document ABCDEFGHIJKLMNOPQRS was leaked.</p></article></body></html>'), null);
});

test('the same article keeps its identity in another export, wherever it sits; different articles never share one', () => {
  const text = fixture('lexisnexis-export.txt');
  // The cover page, then the three articles.
  const third = text.split(/^ *\d of 3 DOCUMENTS *$/m)[3];
  assert.match(third ?? '', /Meridian News/);
  // A later search returns the Meridian News report first, as "1 of 1".
  const alone = readNewsArchiveExport('later.txt', `                               1 of 1 DOCUMENTS\n${third}`);
  const inFirst = read('lexisnexis-export.txt')[2];
  assert.equal(alone?.[0]?.hints.externalId, inFirst?.hints.externalId);
  assert.equal(alone?.[0]?.content, inFirst?.content);
  const ids = ['lexisnexis-export.txt', 'nexis-uni-export.txt', 'factiva-export.txt', 'factiva-tagged-export.txt']
    .flatMap((name) => read(name))
    .map((d) => d.hints.externalId ?? d.hints.url);
  assert.equal(new Set(ids).size, ids.length);
});

test('text that is no export is left to the plain-text reader', () => {
  assert.equal(readNewsArchiveExport('note.txt', 'The council met on Tuesday.\n\nIt approved the budget for the flood barrier.\n'), null);
  assert.equal(readNewsArchiveExport('empty.txt', ''), null);
  // Prose that mentions a document or a body is not a Nexis Uni export.
  assert.equal(readNewsArchiveExport('prose.txt', 'Body\nThe report was leaked to the press.\nThe minister denied it.\n'), null);
});
