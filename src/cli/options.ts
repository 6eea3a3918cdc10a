/** @module Options shared by commands: where the store is, and opening it. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isPostgresUrl, openPostgresStore, shown } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

export const DEFAULT_DB = 'storyline.db';

export const dbOption = { db: { type: 'string' as const, default: process.env.STORYLINE_DB ?? DEFAULT_DB } };

/**
 * Opens the store at `location`: a SQLite file, or a PostgreSQL database (postgres://…), whose
 * tables are made on first use. Commands that add articles (`create`) make the file and its folder;
 * commands that only read refuse a path with no store, rather than leave an empty one behind a typo.
 */
export function openStore(location: string, mode: 'create' | 'existing' = 'create'): Store {
  if (isPostgresUrl(location)) return openPostgresStore(location);
  const file = location;
  if (file !== ':memory:') {
    if (mode === 'existing' && !existsSync(file)) {
      throw new UsageError(`no store at ${file}: add articles first with storyline ingest <files or folders> --db ${file}`);
    }
    mkdirSync(dirname(file), { recursive: true });
  }
  return openSqliteStore(file);
}

/** Where the store is, to print: a file, or a PostgreSQL URL without its password. */
export const storeName = (location: string): string => (isPostgresUrl(location) ? shown(location) : location);

/** Fails with a message naming the option when a command needs an argument it did not get. */
export class UsageError extends Error {
  override name = 'UsageError';
}
