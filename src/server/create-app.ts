/**
 * @module The web application: security headers, the Fever and Google Reader APIs for reader apps
 * (signed in with a login of their own), the token check, then the route groups (static files, story pages, article
 * pages, following, regrouping by hand, ingest, feeds, JSON API).
 */
import { Hono } from 'hono';
import { postWebhook } from '../alerts/post-webhook.js';
import { sendAlerts, type PostAlert } from '../alerts/send-alerts.js';
import { HTTPException } from 'hono/http-exception';
import { createPipeline } from '../pipeline/create-pipeline.js';
import type { Pipeline } from '../pipeline/ingest.js';
import type { Store } from '../store/store.js';
import { apiRoutes } from './api-routes.js';
import { articlePages } from './article-pages.js';
import { DEFAULT_FEED_INTERVAL_MS } from '../sources/feed-schedule.js';
import { feedPages, type FeedPagesOptions } from './feed-pages.js';
import { feverApi } from './fever-api.js';
import { googleReaderApi } from './google-reader-api.js';
import { followingPages } from './following-pages.js';
import { createIngestQueue, type IngestQueue } from './ingest-jobs.js';
import { ingestRoutes } from './ingest-routes.js';
import { notFound } from './page-layout.js';
import { atOrigin } from './public-origin.js';
import { regroupPages } from './regroup-pages.js';
import { requireToken, securityHeaders } from './security.js';
import { staticRoutes } from './static-routes.js';
import { storyPageCache } from './story-page-cache.js';
import { storyPages, type CachedStoryPage } from './story-pages.js';
import { storeReadModel, type StoryReadModel } from './story-read-model.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Faster reads for large stores (sqliteReadModel); defaults to reading through the store. */
  readModel?: StoryReadModel;
  /** When set, every request must carry it. */
  token?: string;
  /** The pipeline that ingests uploads; defaults to createPipeline(store). */
  pipeline?: Pipeline;
  maxUploadBytes?: number;
  /** Story pages kept rendered while the store is unchanged (needs a read model with a version); 0 turns it off. Default 32. */
  pageCache?: number;
  /** How long a feed that answered waits before it is fetched again; shown on /feeds when the server polls. */
  feedIntervalMs?: number;
  /** Whether the server fetches due feeds on its own (`serve --poll`): said on /feeds. */
  polling?: boolean;
  /** The HTTP client for subscribing from the browser (tests pass their own). */
  get?: FeedPagesOptions['get'];
  /** "email:password" that reader apps sign in to the Fever and Google Reader APIs with; without it they cannot. */
  readerLogin?: string;
  /** Delivers alerts on followed stories after each ingest job (tests pass their own); a POST to the webhook by default. */
  postAlert?: PostAlert;
  /** The origin readers reach the server at behind a reverse proxy (`publicOrigin`): requests are taken as made to it. */
  publicOrigin?: string;
}

export function createApp(options: AppOptions): { app: Hono; queue: IngestQueue } {
  const { store } = options;
  const readModel = options.readModel ?? storeReadModel(store);
  const post = options.postAlert ?? postWebhook;
  const afterJob = async (): Promise<void> => {
    for (const failure of (await sendAlerts(store, post)).failures) console.error(`storyline serve: alerts to ${failure.url}: ${failure.error} (sent again next time)`);
  };
  const queue = createIngestQueue({ pipeline: options.pipeline ?? createPipeline(store), store, feedIntervalMs: options.feedIntervalMs, afterJob });
  const app = new Hono();
  app.use('*', securityHeaders);
  // Reader apps sign in with the reader login, not the server token: their APIs are routed before the token check.
  app.route('/', feverApi({ store, login: options.readerLogin }));
  app.route('/', googleReaderApi({ store, login: options.readerLogin }));
  if (options.token) app.use('*', requireToken(options.token));
  app.route('/', staticRoutes());
  const pageCache = options.pageCache ?? 32;
  app.route('/', storyPages({ store, readModel, cache: pageCache > 0 ? storyPageCache<CachedStoryPage>(pageCache) : undefined }));
  app.route('/', articlePages({ store, readModel }));
  app.route('/', ingestRoutes({ queue, maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES }));
  app.route('/', followingPages({ store }));
  app.route('/', regroupPages({ store, readModel, queue }));
  app.route('/', feedPages({ store, queue, pollEveryMs: options.polling ? (options.feedIntervalMs ?? DEFAULT_FEED_INTERVAL_MS) : undefined, get: options.get }));
  app.route('/api', apiRoutes({ store, readModel }));
  if (options.publicOrigin) {
    const origin = options.publicOrigin;
    const fetch = app.fetch;
    app.fetch = (request, ...rest) => fetch(atOrigin(request, origin), ...rest);
  }
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: 'not_found', message: `no route ${c.req.path}` }, 404)
      : c.html(notFound('There is no page at this address.'), 404),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    console.error(`storyline serve: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.req.path.startsWith('/api/') ? c.json({ error: 'internal', message: 'internal error' }, 500) : c.text('Internal error', 500);
  });
  return { app, queue };
}
