/**
 * @module For commands that work on files without a store (`extract`, `quotes`): every document
 * of the given paths and web addresses (a live blog's page as its posts), with one error line per
 * input that could not be read; returns how many failed.
 */
import { splitLiveBlog } from '../extract/live-blog.js';
import { documentLabel, type RawDocument } from '../model/index.js';
import { addressesApart, readAddress } from '../sources/read-address.js';
import { listInputs, readInput } from '../sources/read-inputs.js';

/** Calls `onDocument` for each document; it returns an error message to report, or null. */
export async function forEachDocument(paths: string[], onDocument: (raw: RawDocument) => string | null): Promise<number> {
  let failed = 0;
  const report = (kind: string, path: string, message: string): void => console.error(`${kind}: ${path}: ${message}`);
  const inputs = addressesApart(paths);
  const { files, problems } = await listInputs(inputs.paths);
  for (const problem of problems) {
    if (problem.kind === 'error') failed++;
    if (problem.kind === 'error' || problem.kind === 'skipped') report(problem.kind, problem.path, problem.message);
  }
  // Files first, then web addresses (fetched once), as `ingest` takes them.
  const sources = [...files.map((file) => readInput(file)), ...inputs.addresses.map((address) => readAddress(address))];
  for (const source of sources) {
    for await (const item of source) {
      if (item.kind === 'error') {
        failed++;
        report('error', item.path, item.message);
      }
      if (item.kind !== 'document') continue;
      // A live blog's page is the posts it declares, each a document, as ingest stores them.
      for (const raw of splitLiveBlog(item.document)) {
        const problem = onDocument(raw);
        if (problem !== null) {
          failed++;
          report('error', documentLabel(raw), problem);
        }
      }
    }
  }
  return failed;
}
