/**
 * @module Starting and stopping the web server (used by `storyline serve` and `demo --serve`).
 * Listens on 127.0.0.1 by default; on any other address a token is required, generated here when
 * none is given.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Pipeline } from '../pipeline/ingest.js';
import type { Store } from '../store/store.js';
import { createApp } from './create-app.js';
import { startFeedPoller } from './feed-poller.js';
import { isLoopback } from './security.js';
import { isPostgresUrl, openPostgresStore } from '../store/postgres/postgres-store.js';
import { sqliteReadModel, storeReadModel, type StoryReadModel } from './story-read-model.js';

export interface ServerOptions {
  store: Store;
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Required from every client when set; generated when the host is not loopback and none is given. */
  token?: string;
  /** Where `store` is (a SQLite file or a PostgreSQL URL): the pages then read through a connection of their own. */
  dbFile?: string;
  pipeline?: Pipeline;
  maxUploadBytes?: number;
  /** See AppOptions.pageCache. */
  pageCache?: number;
  /** Fetch the subscribed feeds while serving, each again after this long (`serve --poll`). */
  pollFeedsEveryMs?: number;
  /** See AppOptions.readerLogin. */
  readerLogin?: string;
  /** See AppOptions.publicOrigin. */
  publicOrigin?: string;
}

export interface RunningServer {
  url: string;
  /** The token clients must send, or null on loopback without one. */
  token: string | null;
  close(): Promise<void>;
}

function ownReadModel(location: string): StoryReadModel {
  if (!isPostgresUrl(location)) return sqliteReadModel(location);
  const reader = openPostgresStore(location);
  return { ...storeReadModel(reader), close: () => reader.close() };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token || (isLoopback(host) ? null : randomBytes(24).toString('base64url'));
  // The pages read through a connection of their own, which never sees an open batch's writes nor
  // waits behind them: read-only to a SQLite file, or a second store on a PostgreSQL database.
  const readModel: StoryReadModel | undefined = options.dbFile && options.dbFile !== ':memory:' ? ownReadModel(options.dbFile) : undefined;
  const { app, queue } = createApp({
    store: options.store,
    readModel,
    token: token ?? undefined,
    pipeline: options.pipeline,
    maxUploadBytes: options.maxUploadBytes,
    pageCache: options.pageCache,
    feedIntervalMs: options.pollFeedsEveryMs,
    polling: options.pollFeedsEveryMs !== undefined,
    readerLogin: options.readerLogin,
    publicOrigin: options.publicOrigin,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const poller = options.pollFeedsEveryMs !== undefined ? startFeedPoller({ store: options.store, queue }) : null;
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    token,
    async close() {
      poller?.stop();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await queue.idle();
      await readModel?.close();
    },
  };
}
