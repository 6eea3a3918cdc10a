/**
 * @module Outlets as reader apps number their feeds: feed n is the n-th outlet to arrive, which
 * later articles never change. Listing them reads every article's outlet, and a reader app's sync
 * asks for them on many of its requests, so the list is kept until an article is added.
 */
import type { ReaderOutlet, Store } from '../store/store.js';

/** The outlets as of `latest` (the store's latest article id), read again only when it moves. */
export function readerOutletList(store: Store): (latest: number) => Promise<ReaderOutlet[]> {
  let known: { latest: number; outlets: ReaderOutlet[] } | null = null;
  return async (latest) => {
    if (known?.latest !== latest) known = { latest, outlets: await store.readerOutlets() };
    return known.outlets;
  };
}

/** The page of this server that lists an outlet's stories. */
export const outletPage = (origin: string, outlet: ReaderOutlet): string =>
  outlet.source ? `${origin}/?outlet=${encodeURIComponent(outlet.source)}` : `${origin}/`;
