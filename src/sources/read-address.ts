/**
 * @module A web address given to `ingest` (an article a reader was sent, a release, a report): its
 * page or PDF fetched once and read as a document under the address it came from, so that giving it
 * again later stores what changed on the page as a new revision.
 */
import { httpGet } from './http-get.js';
import { PAGE_ACCEPT, pageContent } from './page-answer.js';
import type { SourceItem } from './source-item.js';

/** Whether an input names a web address rather than a file. */
export const isWebAddress = (input: string): boolean => /^https?:\/\//i.test(input);

/** Inputs given on the command line or to a job, apart: the web addresses to fetch, and the files and folders. */
export function addressesApart(inputs: string[]): { addresses: string[]; paths: string[] } {
  return { addresses: inputs.filter(isWebAddress), paths: inputs.filter((input) => !isWebAddress(input)) };
}

/** The document at a web address, or an error naming it and what went wrong. */
export async function* readAddress(address: string): AsyncGenerator<SourceItem> {
  try {
    new URL(address);
  } catch {
    yield { kind: 'error', path: address, message: 'not a web address' };
    return;
  }
  const answer = await httpGet(address, { accept: PAGE_ACCEPT });
  if (answer.kind !== 'ok') {
    yield { kind: 'error', path: address, message: answer.kind === 'failed' ? answer.message : 'the server answered "not modified" to a first request' };
    return;
  }
  try {
    const page = await pageContent(answer.bytes, answer.contentType);
    yield { kind: 'document', document: { path: address, index: 0, ...page, hints: { url: answer.url } } };
  } catch (error) {
    yield { kind: 'error', path: address, message: (error as Error).message };
  }
}
