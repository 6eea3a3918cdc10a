/**
 * @module What a source yields: documents to extract, subscriptions from an OPML list, or an error
 * naming the file (and line or item) and the reason, so the batch can go on.
 */
import type { RawDocument } from '../model/index.js';

export interface Subscription {
  title: string | null;
  feedUrl: string;
  siteUrl: string | null;
}

export type SourceItem =
  | { kind: 'document'; document: RawDocument }
  | { kind: 'subscriptions'; path: string; subscriptions: Subscription[] }
  | { kind: 'error'; path: string; message: string }
  | { kind: 'skipped'; path: string; message: string };

/** An input problem that names what is wrong; the file name is added by the reader. */
export class InputError extends Error {
  override name = 'InputError';
}
