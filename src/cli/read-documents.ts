/**
 * @module For commands that work on files without a store (`extract`, `quotes`): every document
 * of the given paths, with one error line per input that could not be read; returns how many failed.
 */
import { documentLabel, type RawDocument } from '../model/index.js';
import { listInputs, readInput } from '../sources/read-inputs.js';

/** Calls `onDocument` for each document; it returns an error message to report, or null. */
export async function forEachDocument(paths: string[], onDocument: (raw: RawDocument) => string | null): Promise<number> {
  let failed = 0;
  const report = (kind: string, path: string, message: string): void => console.error(`${kind}: ${path}: ${message}`);
  const { files, problems } = await listInputs(paths);
  for (const problem of problems) {
    if (problem.kind === 'error') failed++;
    if (problem.kind === 'error' || problem.kind === 'skipped') report(problem.kind, problem.path, problem.message);
  }
  for (const file of files) {
    for await (const item of readInput(file)) {
      if (item.kind === 'error') {
        failed++;
        report('error', item.path, item.message);
      }
      if (item.kind !== 'document') continue;
      const problem = onDocument(item.document);
      if (problem !== null) {
        failed++;
        report('error', documentLabel(item.document), problem);
      }
    }
  }
  return failed;
}
