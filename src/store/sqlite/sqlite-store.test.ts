/** What only the SQLite store has to do: read rows written by its older versions. The contract both stores keep is in ../store-contract.test.ts. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { harbour, placed, queueEvent } from '../testdata/placements.js';
import { openSqliteStore } from './sqlite-store.js';

test('figures and quotes stored before their precision, range and unnamed sources were kept read as they were analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-figures-'));
  try {
    const path = join(dir, 'store.db');
    const store = openSqliteStore(path);
    const text = 'Several thousand troops and 31 ships sailed, a source close to the admiral said.';
    await store.addArticle(
      {
        identity: 'report:1',
        contentHash: 'hash-1',
        rawHash: 'raw-1',
        article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: null, title: 'Fleet sails', text, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
        analysis: {
          quotes: [{ text: 'Several thousand troops and 31 ships sailed', start: 0, end: 43, direct: false, speaker: null, speakerStart: null, speakerEnd: null, attribution: 'a source close to the admiral' }],
          entities: [],
          figures: [
            { text: 'Several thousand troops', start: 0, end: 23, value: 3000, unit: 'troops', precision: 'vague', low: 3000, high: 9000 },
            { text: '31 ships', start: 28, end: 36, value: 31, unit: 'ships', precision: 'at-least', low: 31, high: null },
          ],
          dates: [],
        },
        seenAt: '2025-06-02T10:01:00Z',
      },
      () => placed(queueEvent, harbour),
    );
    const stored = await store.getArticle(1);
    assert.deepEqual(stored?.analysis.figures.map((f) => [f.precision, f.low, f.high]), [['vague', 3000, 9000], ['at-least', 31, null]]);
    assert.equal(stored?.analysis.quotes[0]?.attribution, 'a source close to the admiral');
    await store.close();

    // As a store written before migration 6 holds it: no precision, no range.
    const raw = new Database(path);
    raw.prepare('UPDATE figures SET precision = NULL, low = NULL, high = NULL').run();
    raw.prepare('UPDATE quotes SET attribution = NULL').run();
    raw.close();
    const reopened = openSqliteStore(path);
    const old = await reopened.getArticle(1);
    assert.deepEqual(old?.analysis.figures.map((f) => [f.precision, f.low, f.high]), [['exact', 3000, 3000], ['exact', 31, 31]]);
    assert.equal(old?.analysis.quotes[0] && 'attribution' in old.analysis.quotes[0], false);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
