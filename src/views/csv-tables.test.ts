import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleRecord } from '../store/store.js';
import { csvLine, writeCsv, type AnalysedArticle } from './csv-tables.js';

test('cells are quoted as RFC 4180 has it, and text a spreadsheet would run as a formula is defused', () => {
  assert.equal(csvLine(['plain', 'with, comma', 'with "quotes"', 'two\nlines', null, 42, -3.5, true]), 'plain,"with, comma","with ""quotes""","two\nlines",,42,-3.5,true\r\n');
  assert.equal(csvLine(['=HYPERLINK("http://x.example","click")', '+1', '-2 dead', '@SUM(A1)']), `"'=HYPERLINK(""http://x.example"",""click"")",'+1,'-2 dead,'@SUM(A1)\r\n`);
});

const article = (id: number, more: Partial<ArticleRecord> = {}): AnalysedArticle['article'] => ({
  id, identity: `a${id}`, contentHash: '', rawHash: '', revision: 1, seenAt: '2026-04-27T10:00:00Z', duplicateOf: null, similarity: null, changes: null, eventId: 3, storyId: 1,
  externalId: null, path: null, url: `https://nordwire.example/${id}`, source: 'Nordwire', author: null, title: `Report ${id}`, published: '2026-04-27', modified: null, language: 'en', ...more,
});

test('each quote, figure and date is a row with its article, and a copy names its original; entities are counted over the articles', async () => {
  const quote = { text: 'They are asking for their share.', start: 0, end: 10, direct: true, speaker: 'Marek Olsen', speakerStart: null, speakerEnd: null };
  const items: AnalysedArticle[] = [
    { article: article(1), analysis: { quotes: [quote], figures: [{ text: 'about 4,200 dockworkers', start: 0, end: 5, value: 4200, unit: 'dockworkers', precision: 'approximate', low: 3570, high: 4830 }], dates: [{ text: 'on Monday', start: 0, end: 5, value: '2026-04-27' }], entities: [{ text: 'Olsen', start: 0, end: 5, type: 'person', name: 'Marek Olsen' }] } },
    { article: article(2, { source: 'Harbour Times', duplicateOf: 1 }), analysis: { quotes: [quote], figures: [], dates: [], entities: [{ text: 'Marek Olsen', start: 0, end: 5, type: 'person', name: 'Marek Olsen' }] } },
  ];
  const table = async (name: Parameters<typeof writeCsv>[0]): Promise<string[]> => {
    let out = '';
    await writeCsv(name, items, (chunk) => {
      out += chunk;
    });
    assert.ok(out.startsWith('\uFEFF'));
    return out.slice(1).trimEnd().split('\r\n');
  };
  assert.deepEqual(await table('quotes'), [
    'story_id,event_id,article_id,published,outlet,speaker,attribution,kind,quote,copy_of,article_title,url',
    '1,3,1,2026-04-27,Nordwire,Marek Olsen,,direct,They are asking for their share.,,Report 1,https://nordwire.example/1',
    '1,3,2,2026-04-27,Harbour Times,Marek Olsen,,direct,They are asking for their share.,1,Report 2,https://nordwire.example/2',
  ]);
  assert.deepEqual((await table('figures'))[1], '1,3,1,2026-04-27,Nordwire,"about 4,200 dockworkers",4200,dockworkers,approximate,3570,4830,,https://nordwire.example/1');
  assert.deepEqual((await table('dates'))[1], '1,3,1,2026-04-27,Nordwire,on Monday,2026-04-27,,https://nordwire.example/1');
  assert.deepEqual(await table('entities'), ['name,type,aliases,mentions,articles', 'Marek Olsen,person,Olsen,2,2']);
  assert.equal((await table('articles')).length, 3);
});
