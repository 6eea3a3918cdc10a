/** @module Options shared by commands: where the store is, and opening it. */
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

export const DEFAULT_DB = 'storyline.db';

export const dbOption = { db: { type: 'string' as const, default: process.env.STORYLINE_DB ?? DEFAULT_DB } };

export function openStore(file: string): Store {
  return openSqliteStore(file);
}

/** Fails with a message naming the option when a command needs an argument it did not get. */
export class UsageError extends Error {
  override name = 'UsageError';
}
