/**
 * @module Both stores for tests that must hold for each: a new SQLite file, and a new database on
 * a PostgreSQL server of the tests' own (skipped, with the reason, where PostgreSQL is not
 * installed). Call `useStoreKinds()` at the top of a test file: it starts the server before the
 * file's tests and stops it after them.
 */
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../postgres/postgres-store.js';
import { postgresMissing, startThrowawayPostgres, type ThrowawayPostgres } from '../postgres/testdata/throwaway-postgres.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';

/** A new, empty store of one kind. */
export interface TestStore {
  store: Store;
  /** What `--db` takes to reach it: a file, or a postgres:// URL. */
  location: string;
  /** Another connection to the same store, as another process would have. */
  connect(): Store;
  /** Runs SQL on the store's database through a connection of its own (as an administrator would). */
  sql(statement: string): Promise<void>;
  /** Closes the store and removes what it left. */
  dispose(): Promise<void>;
}

export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** Why its tests cannot run here, or false. */
  skip: string | false;
  create(): Promise<TestStore>;
}

async function sqliteStore(): Promise<TestStore> {
  const folder = mkdtempSync(join(tmpdir(), 'storyline-store-'));
  const location = join(folder, 'store.db');
  const store = openSqliteStore(location);
  return {
    store,
    location,
    connect: () => openSqliteStore(location),
    async sql(statement) {
      const db = new Database(location);
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
    async dispose() {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function postgresStore(server: ThrowawayPostgres): Promise<TestStore> {
  const location = await server.newDatabase();
  const store = openPostgresStore(location);
  await store.counts(); // connected and migrated before the test goes on
  return {
    store,
    location,
    connect: () => openPostgresStore(location),
    async sql(statement) {
      const client = new pg.Client({ connectionString: location });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    dispose: () => store.close(),
  };
}

/**
 * The two store kinds; PostgreSQL's server runs for the calling test file's tests. With
 * STORYLINE_REQUIRE_POSTGRES set (CI sets it), a missing PostgreSQL fails them instead of skipping.
 */
export function useStoreKinds(): StoreKind[] {
  const required = Boolean(process.env.STORYLINE_REQUIRE_POSTGRES);
  const missing = required ? null : postgresMissing();
  let server: ThrowawayPostgres | null = null;
  before(async () => {
    if (!missing) server = await startThrowawayPostgres({ durable: false });
  });
  after(async () => {
    await server?.stop();
  });
  return [
    { name: 'SQLite', skip: false, create: sqliteStore },
    {
      name: 'PostgreSQL',
      skip: missing ?? false,
      create: () => {
        if (!server) throw new Error('the PostgreSQL server did not start');
        return postgresStore(server);
      },
    },
  ];
}
