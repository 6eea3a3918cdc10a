import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawDocument } from '../model/index.js';
import { createDefaultAnalyse } from './default-analyse.js';
import { processDocument } from './process-document.js';
import { WorkerPool } from './worker-pool.js';

const doc = (index: number, content: string): RawDocument => ({ path: 'pool.jsonl', index, format: 'text', content, hints: { published: '2026-04-16' } });

test('the worker pool gives exactly what processing on this thread gives, in any number', { timeout: 60_000 }, async () => {
  const docs = [
    doc(0, 'The harbour board will meet on Tuesday, its chairman Oskar Brandt said on Thursday.\n\n"We will not reopen the pier until every pile is checked," Brandt added.'),
    doc(1, '   '),
    doc(2, 'Norholm Central Bank cut its main rate by half a point to 2.75% on Wednesday, the bank said.'),
  ];
  const pool = new WorkerPool(2);
  try {
    const pooled = await Promise.all(docs.map((d) => pool.process(d)));
    const analyse = createDefaultAnalyse();
    assert.deepEqual(pooled, docs.map((d) => processDocument(d, analyse)));
    assert.equal(pooled[1]?.ok, false, 'an empty document fails with a reason, it does not kill the worker');
    assert.equal((await pool.process(docs[0] as RawDocument)).ok, true);
  } finally {
    await pool.close();
  }
});
