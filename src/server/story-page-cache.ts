/**
 * @module Rendered story pages kept while the store is unchanged. An entry holds for one value of
 * the store's data version (SQLite's `PRAGMA data_version` on the read connection, which changes
 * whenever another connection commits); at most `size` entries, the least recently used dropped
 * first. Only in addition to a fast cold render: the first request for a story after any write
 * renders it afresh.
 */
export interface StoryPageCache<T = string> {
  get(key: string, version: number): T | undefined;
  set(key: string, version: number, body: T): void;
}

export function storyPageCache<T = string>(size: number): StoryPageCache<T> {
  const entries = new Map<string, { version: number; body: T }>();
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.version !== version) return undefined;
      entries.set(key, entry);
      return entry.body;
    },
    set(key, version, body) {
      entries.delete(key);
      entries.set(key, { version, body });
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
  };
}
