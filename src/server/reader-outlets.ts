/**
 * @module Outlets as reader apps number their feeds: feed n is the n-th outlet to arrive, which
 * later articles never change. A reader app's sync asks for them on many of its requests, and
 * listing them reads every article's outlet, so the list is kept, and brought up to date from the
 * articles added since.
 */
import type { ReaderOutlet, Store } from '../store/store.js';

/** `known` with the outlets of later articles: new ones added at the end, the others' latest arrival moved. */
export function withLaterOutlets(known: readonly ReaderOutlet[], later: readonly ReaderOutlet[]): ReaderOutlet[] {
  const bySource = new Map(known.map((outlet) => [outlet.source, outlet]));
  for (const outlet of later) {
    const before = bySource.get(outlet.source);
    bySource.set(outlet.source, before ? { ...before, lastSeenAt: before.lastSeenAt > outlet.lastSeenAt ? before.lastSeenAt : outlet.lastSeenAt } : outlet);
  }
  return [...bySource.values()];
}

/** The outlets as of `latest` (the store's latest article id), read from the store only for the articles after the last call's. */
export function readerOutletList(store: Store): (latest: number) => Promise<ReaderOutlet[]> {
  let known: { latest: number; outlets: ReaderOutlet[] } | null = null;
  return async (latest) => {
    if (known === null || latest < known.latest) known = { latest, outlets: await store.readerOutlets() };
    else if (latest > known.latest) known = { latest, outlets: withLaterOutlets(known.outlets, await store.readerOutlets(known.latest)) };
    return known.outlets;
  };
}

/** Each outlet's feed number (from 1), by its name. */
export const feedNumbers = (outlets: readonly ReaderOutlet[]): Map<string | null, number> => new Map(outlets.map((o, i) => [o.source, i + 1]));

/** The page of this server that lists an outlet's stories. */
export const outletPage = (origin: string, outlet: ReaderOutlet): string =>
  outlet.source ? `${origin}/?outlet=${encodeURIComponent(outlet.source)}` : `${origin}/`;
