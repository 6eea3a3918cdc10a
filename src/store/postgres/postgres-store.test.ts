/** What only the PostgreSQL store has to do: live with a server it reaches over the network. The contract both stores keep is in ../store-contract.test.ts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import type { Store } from '../store.js';
import { harbour, placed, queueEvent } from '../testdata/placements.js';
import { useStoreKinds } from '../testdata/store-kinds.js';

const postgres = useStoreKinds().find((kind) => kind.name === 'PostgreSQL')!;

const placement = placed(queueEvent, harbour);

const addReport = (store: Store, n: number) =>
  store.addArticle(
    {
      identity: `report:${n}`,
      contentHash: `hash-${n}`,
      rawHash: `raw-${n}`,
      article: { externalId: null, path: null, url: null, source: 'Harbour Times', author: null, title: `Harbour report ${n}`, text: `Ships queued for a ${n}th day.`, published: '2025-06-02T10:00:00Z', modified: null, language: 'en' },
      analysis: { quotes: [], entities: [], figures: [], dates: [] },
      seenAt: '2025-06-02T10:00:00Z',
    },
    () => placement,
  );

/** Ends every other connection to the database, as a server restart or a network cut would. */
async function cutConnections(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  } finally {
    await admin.end();
  }
}

const waitFor = async (condition: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), what);
};

test('a connection the server ends is made again on the next call; a batch it cuts off fails whole and stores nothing', { skip: postgres.skip }, async () => {
  const { store, location, dispose } = await postgres.create();
  try {
    await addReport(store, 1);
    await cutConnections(location);
    // The first call after the cut may learn of it; the one after it works again.
    await store.counts().catch(() => undefined);
    assert.equal((await store.counts()).articles, 1);

    await store.beginBatch();
    await addReport(store, 2);
    await cutConnections(location);
    await assert.rejects(store.commitBatch(), /lost|terminat/i);
    await store.rollbackBatch();
    assert.deepEqual((await store.counts()).articles, 1, 'the cut batch stored nothing');
    await addReport(store, 2);
    assert.equal(await store.latestArticleId(), 2);
  } finally {
    await dispose();
  }
});

test("every commit, by this connection or another, changes the data version that page caches key on", { skip: postgres.skip }, async () => {
  const { store, connect, dispose } = await postgres.create();
  const reader = connect();
  try {
    await reader.counts();
    const before = reader.dataVersion!();
    await addReport(store, 1);
    await waitFor(() => reader.dataVersion!() !== before, "the reader hears of the writer's commit");
    const own = store.dataVersion!();
    await addReport(store, 2);
    assert.notEqual(store.dataVersion!(), own, "the writer's own commit changes its version at once");
    await waitFor(() => reader.dataVersion!() === before + 2, 'the reader hears of each commit once');
    const quiet = reader.dataVersion!();
    await reader.counts();
    assert.equal(reader.dataVersion!(), quiet, 'reading changes nothing');
  } finally {
    await reader.close();
    await dispose();
  }
});
