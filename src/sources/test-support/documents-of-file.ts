/** @module For tests of the readers: a file's documents as `readInput` gives them, failing the test on any error. */
import assert from 'node:assert/strict';
import type { RawDocument } from '../../model/index.js';
import { listInputs, readInput } from '../read-inputs.js';

/** Every document read from the file at `path`; the test fails if the file is refused or an item is an error. */
export async function documentsOfFile(path: string): Promise<RawDocument[]> {
  const { files, problems } = await listInputs([path]);
  assert.deepEqual(problems, []);
  const documents: RawDocument[] = [];
  for await (const item of readInput(files[0]!)) {
    assert.equal(item.kind, 'document', item.kind === 'error' ? item.message : '');
    if (item.kind === 'document') documents.push(item.document);
  }
  return documents;
}
